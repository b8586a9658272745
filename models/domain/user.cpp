#include "domain/user.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

struct RoleEntry
{
    Role role;
    const char16_t *code;
    const char *title;
};

constexpr RoleEntry RoleTable[] = {
    { Role::Operator, u"operator", QT_TRANSLATE_NOOP("fouad::Codes", "Operator") },
    { Role::Inspector, u"inspector", QT_TRANSLATE_NOOP("fouad::Codes", "Inspector") },
    { Role::Supervisor, u"supervisor", QT_TRANSLATE_NOOP("fouad::Codes", "Supervisor") },
    { Role::Admin, u"admin", QT_TRANSLATE_NOOP("fouad::Codes", "Administrator") },
};

} // namespace

QString code(Role role)
{
    for (const auto &e : RoleTable) {
        if (e.role == role)
            return QStringView(e.code).toString();
    }
    Q_UNREACHABLE();
}

std::optional<Role> roleFromCode(QStringView c)
{
    for (const auto &e : RoleTable) {
        if (c == QStringView(e.code))
            return e.role;
    }
    return std::nullopt;
}

QString title(Role role)
{
    for (const auto &e : RoleTable) {
        if (e.role == role)
            return QCoreApplication::translate("fouad::Codes", e.title);
    }
    Q_UNREACHABLE();
}

QString roleCodes()
{
    return u"operator, inspector, supervisor, admin"_s;
}

} // namespace fouad
