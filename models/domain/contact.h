#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace fouad {

// Who hears of a complaint against an agency (issue 9): the agency's complaints
// unit and managers, a provincial manager, the centre's supervisor and the
// agency's headquarters; and, centre-wide, the SMS gateway for citizens.
enum class ContactRole { Unit, Manager, ProvincialManager, Supervisor, Headquarters, CitizenSms };

QString code(ContactRole role);
std::optional<ContactRole> contactRoleFromCode(QStringView code);
QString title(ContactRole role);
QString contactRoleCodes();

struct Contact
{
    qint64 id = 0;
    QString agencyCode; // empty only for CitizenSms
    QString provinceCode; // empty: every province
    QString name;
    ContactRole role = ContactRole::Unit;
    QString phone; // E.164, may be empty
    QString webhook; // where messages are POSTed; empty: nothing is sent to it
    QDateTime createdAt;
};

// The agency's contacts a referral or an escalation to `level` reaches: level 1
// (and a referral) the unit and the manager; level 2 adds the provincial manager
// and the supervisor; level 3 and above add headquarters.
QList<ContactRole> rolesNotified(int level);

} // namespace fouad
