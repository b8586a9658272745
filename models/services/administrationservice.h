#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/contact.h"
#include "domain/referencedata.h"
#include "domain/user.h"
#include "sla/holidays.h"
#include "sla/slaconfig.h"
#include "sla/workcalendar.h"
#include "storage/adminchangerepository.h"
#include "storage/calendarrepository.h"

#include <QCoreApplication>

#include <memory>

namespace fouad {

class Database;

// The one way to change users and the centre's configuration (agencies,
// category titles, SLA targets, the escalation ladder, work calendars), for
// the console's dialogs and fouadctl alike. Every change:
//  - is refused (Forbidden, fouadctl's exit 5) unless the actor is an active
//    administrator as the database holds them now, or the system actor;
//  - is validated, then written in one transaction with its record in
//    admin_changes (who, when, what, before and after);
//  - moves the configuration version on (triggers), so every console's
//    SlaConfigCache sees it at its next use.
class AdministrationService final
{
    Q_DECLARE_TR_FUNCTIONS(AdministrationService)

public:
    explicit AdministrationService(Database &database, const Clock &clock = Clock::system(),
                                   int passwordIterations = 0 /* PasswordHasher's default */);

    // fouadctl without --as (and integrations): counts as an administrator.
    static User systemActor();
    static bool isSystemActor(const User &actor);
    // Whether this user administers the centre: what the console offers (the
    // Administration menu); each change checks it again against the database.
    static bool mayAdminister(const User &user);

    // The roles a user of this database may be given, in the order the console
    // offers them: integration logins only on PostgreSQL.
    QList<Role> assignableRoles() const;

    // The one password rule: at least PasswordHasher::MinimumPasswordLength characters.
    static Result<void> checkPassword(const QString &password);

    // Users.
    Result<User> addUser(const User &actor, const QString &name, const QString &fullName, Role role,
                         const QString &password);
    // The console's first start: only while the database has no user at all.
    Result<User> createFirstAdministrator(const QString &name, const QString &fullName,
                                          const QString &password);
    Result<void> setRole(const User &actor, const QString &name, Role role);
    Result<void> setActive(const User &actor, const QString &name, bool active);
    Result<void> resetPassword(const User &actor, const QString &name, const QString &password);
    Result<QList<User>> users();
    // Signing in on this connection (the lockout after wrong passwords is
    // UserRepository's); a disabled user is refused like a wrong password. On
    // PostgreSQL the server checks the login's password (a program account from
    // before logins, on the owner's connection, by its hash). The console on a
    // shared PostgreSQL connects as the person instead: SignIn.
    Result<User> signIn(const QString &name, const QString &password);

    // Agencies and categories.
    Result<void> saveAgency(const User &actor, const Agency &agency);
    struct CategorySettings
    {
        QString code;
        QString name;
        QString nameEn;
        SlaPolicy policy; // the nationwide targets
    };
    // All rows or none; a refused row's code is the error's field.
    Result<void> saveCategories(const User &actor, const QList<CategorySettings> &categories);
    // province empty: nationwide.
    Result<void> savePolicy(const User &actor, const QString &category, const QString &province,
                            const SlaPolicy &policy);
    Result<void> setLadder(const User &actor, const QList<EscalationRung> &ladder);
    Result<ReferenceCatalog> catalog();
    Result<std::shared_ptr<const SlaConfig>> slaConfig();

    // Work calendars.
    using Week = std::array<QList<WorkCalendar::Interval>, 7>; // Monday = 0
    Result<void> setHours(const User &actor, const QString &calendar, const Week &week);
    Result<void> addHolidays(const User &actor, const QString &calendar,
                             const QList<Holiday> &holidays);
    Result<void> removeHoliday(const User &actor, qint64 id);
    Result<void> setHolidayConfirmed(const User &actor, qint64 id, bool confirmed);
    Result<void> setProvinceCalendar(const User &actor, const QString &province,
                                     const QString &calendar);
    // calendar empty: the channel follows the province's calendar again.
    Result<void> setChannelCalendar(const User &actor, const QString &channel,
                                    const QString &calendar);
    Result<QList<CalendarRepository::CalendarInfo>> calendars();
    Result<Week> hours(const QString &calendar);
    Result<QList<Holiday>> holidays(const QString &calendar);
    Result<QHash<QString, QString>> provinceCalendars();
    Result<QHash<QString, QString>> channelCalendars();

    // Contacts (issue 9): who hears of referrals and escalations, and the SMS
    // gateway for citizens. Validated: a name; an agency for every role but
    // citizen_sms, none for it; a known province if given; the phone as an
    // Iranian number (stored E.164); the webhook an http(s) URL.
    Result<Contact> addContact(const User &actor, Contact contact);
    Result<void> removeContact(const User &actor, qint64 id);
    Result<QList<Contact>> contacts();

    // Offices (issue 10): an agency's branches in a province, which complaints
    // may name. Validated: a code of lower-case Latin letters, digits, '_' and
    // '-'; a known agency and province; the city, if given, one of that
    // province; a name. A code already taken is a Conflict.
    Result<Office> addOffice(const User &actor, Office office);
    // Conflict while a complaint names it.
    Result<void> removeOffice(const User &actor, const QString &code);
    // agency or province empty: every one.
    Result<QList<Office>> offices(const QString &agency = {}, const QString &province = {});
    struct OfficeImport
    {
        int added = 0;
        int updated = 0; // an existing code, given other values
        int unchanged = 0;
    };
    // A UTF-8 CSV file with the header code,agency,province,city,name (the
    // city may be empty): every row is checked first, and one bad row refuses
    // the whole file, the error naming its line and field ("line 3: agency").
    Result<OfficeImport> importOffices(const User &actor, const QByteArray &csv);

    // The administration history, newest first.
    Result<QList<AdminChange>> history(int limit = 100);

private:
    Result<void> authorise(const User &actor);
    // Authorises, then runs work in one write transaction (authorising again
    // under the lock) and commits.
    template<typename Work> Result<void> change(const User &actor, Work &&work);
    Result<void> record(const User &actor, const QString &entity, const QString &key,
                        const QString &action, const QJsonObject &before, const QJsonObject &after);
    Result<void> keepsAnAdministrator(const User &target);
    Result<void> calendarExists(const QString &calendar);
    // The one office rule, against the reference data: the office normalised, or
    // the first problem naming its field.
    Result<Office> checkedOffice(Office office, const ReferenceCatalog &catalog) const;

    Database &m_database;
    const Clock &m_clock;
    int m_passwordIterations;
};

} // namespace fouad
