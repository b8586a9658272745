#include "domain/user.h"

#include "domain/codetable.h"
#include "domain/complaint.h"

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

constexpr CodeTable::Entry<Role> RoleTable[] = {
    { Role::Operator, u"operator", QT_TRANSLATE_NOOP("fouad::Codes", "Operator") },
    { Role::Inspector, u"inspector", QT_TRANSLATE_NOOP("fouad::Codes", "Inspector") },
    { Role::Supervisor, u"supervisor", QT_TRANSLATE_NOOP("fouad::Codes", "Supervisor") },
    { Role::Admin, u"admin", QT_TRANSLATE_NOOP("fouad::Codes", "Administrator") },
    { Role::Integration, u"integration", QT_TRANSLATE_NOOP("fouad::Codes", "Integration") },
};

} // namespace

QString code(Role role)
{
    return CodeTable::code(RoleTable, role);
}
std::optional<Role> roleFromCode(QStringView c)
{
    return CodeTable::fromCode(RoleTable, c);
}
QString title(Role role)
{
    return CodeTable::title(RoleTable, role);
}
QString roleCodes()
{
    return CodeTable::codes(RoleTable);
}
QList<Role> allRoles()
{
    QList<Role> out;
    for (const auto &entry : RoleTable)
        out.append(entry.value);
    return out;
}

User systemActor()
{
    User system;
    system.name = QStringView(SystemActor).toString();
    system.fullName = system.name;
    system.role = Role::Admin;
    return system;
}

bool isSystemActor(const User &actor)
{
    // A stored user always has an id; the system actor is no row of users.
    return actor.id == 0 && actor.name == QStringView(SystemActor);
}

bool mayAdminister(const User &user)
{
    return isSystemActor(user) || (user.active && user.role == Role::Admin);
}

} // namespace fouad
