#include "domain/contact.h"

#include "domain/codetable.h"

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

constexpr CodeTable::Entry<ContactRole> ContactRoleTable[] = {
    { ContactRole::Unit, u"unit", QT_TRANSLATE_NOOP("fouad::Codes", "Complaints unit") },
    { ContactRole::Manager, u"manager", QT_TRANSLATE_NOOP("fouad::Codes", "Manager") },
    { ContactRole::ProvincialManager, u"provincial_manager",
      QT_TRANSLATE_NOOP("fouad::Codes", "Provincial manager") },
    { ContactRole::Supervisor, u"supervisor", QT_TRANSLATE_NOOP("fouad::Codes", "Supervisor") },
    { ContactRole::Headquarters, u"headquarters",
      QT_TRANSLATE_NOOP("fouad::Codes", "Headquarters") },
    { ContactRole::CitizenSms, u"citizen_sms",
      QT_TRANSLATE_NOOP("fouad::Codes", "SMS gateway for citizens") },
};

} // namespace

QString code(ContactRole role)
{
    return CodeTable::code(ContactRoleTable, role);
}

std::optional<ContactRole> contactRoleFromCode(QStringView c)
{
    return CodeTable::fromCode(ContactRoleTable, c);
}

QString title(ContactRole role)
{
    return CodeTable::title(ContactRoleTable, role);
}

QString contactRoleCodes()
{
    return CodeTable::codes(ContactRoleTable);
}

QList<ContactRole> rolesNotified(int level)
{
    QList<ContactRole> roles { ContactRole::Unit, ContactRole::Manager };
    if (level >= 2)
        roles << ContactRole::ProvincialManager << ContactRole::Supervisor;
    if (level >= 3)
        roles << ContactRole::Headquarters;
    return roles;
}

} // namespace fouad
