#include "services/administrationservice.h"

#include "auth/passwordhasher.h"
#include "domain/complaint.h"
#include "domain/complaintenums.h"
#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "serialize/contactjson.h"
#include "serialize/csvreader.h"
#include "serialize/officejson.h"
#include "storage/contactrepository.h"
#include "storage/database.h"
#include "storage/officerepository.h"
#include "storage/referencerepository.h"
#include "storage/slaconfigcache.h"
#include "storage/slarepository.h"
#include "storage/userrepository.h"
#include "telephony/telephonysettings.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

QJsonObject userJson(const User &u)
{
    return { { u"name"_s, u.name },
             { u"full_name"_s, u.fullName },
             { u"role"_s, code(u.role) },
             { u"active"_s, u.active } };
}

QJsonObject agencyJson(const Agency &a)
{
    return { { u"code"_s, a.code },
             { u"name"_s, a.name },
             { u"name_en"_s, a.nameEn },
             { u"parent_code"_s, a.parentCode } };
}

QJsonObject policyJson(const SlaPolicy &p)
{
    return {
        { u"ack_seconds"_s, p.acknowledge.seconds }, { u"ack_working"_s, p.acknowledge.working },
        { u"resolve_seconds"_s, p.resolve.seconds }, { u"resolve_working"_s, p.resolve.working },
        { u"verify_seconds"_s, p.verify.seconds },   { u"verify_working"_s, p.verify.working }
    };
}

QJsonObject weekJson(const AdministrationService::Week &week)
{
    QJsonArray hours;
    for (int d = 0; d < 7; ++d) {
        for (const auto &iv : week[size_t(d)])
            hours.append(QJsonArray { d + 1, iv.startMinute, iv.endMinute });
    }
    return { { u"hours"_s, hours } }; // [weekday (Monday 1), start minute, end minute]
}

QJsonObject holidayJson(const Holiday &h)
{
    QJsonObject o { { u"jalali_month"_s, h.jalaliMonth },
                    { u"jalali_day"_s, h.jalaliDay },
                    { u"name"_s, h.name },
                    { u"confirmed"_s, h.confirmed } };
    if (h.id)
        o.insert(u"id"_s, h.id);
    if (h.jalaliYear)
        o.insert(u"jalali_year"_s, h.jalaliYear);
    return o;
}

QJsonObject ladderJson(const QList<EscalationRung> &ladder)
{
    QJsonArray rungs;
    for (const EscalationRung &r : ladder)
        rungs.append(QJsonObject { { u"level"_s, r.level },
                                   { u"fraction"_s, r.fraction },
                                   { u"only_if_unacknowledged"_s, r.onlyIfUnacknowledged },
                                   { u"notify"_s, r.notify } });
    return { { u"ladder"_s, rungs } };
}

QJsonObject calendarJson(const QString &calendar)
{
    return calendar.isEmpty() ? QJsonObject() : QJsonObject { { u"calendar"_s, calendar } };
}

} // namespace

AdministrationService::AdministrationService(Database &database, const Clock &clock,
                                             int passwordIterations)
    : m_database(database)
    , m_clock(clock)
    , m_passwordIterations(passwordIterations > 0 ? passwordIterations
                                                  : PasswordHasher::DefaultIterations)
{
}

User AdministrationService::systemActor()
{
    return fouad::systemActor();
}

bool AdministrationService::isSystemActor(const User &actor)
{
    return fouad::isSystemActor(actor);
}

QList<Role> AdministrationService::assignableRoles() const
{
    QList<Role> roles { Role::Operator, Role::Supervisor, Role::Inspector, Role::Admin };
    if (!m_database.dialect().isSQLite())
        roles << Role::Integration; // an IVR, a portal, a PBX: a login of its own
    return roles;
}

Result<void> AdministrationService::checkPassword(const QString &password)
{
    if (password.size() < PasswordHasher::MinimumPasswordLength)
        return Error::invalid(u"password"_s,
                              tr("A password has at least %Ln characters.", nullptr,
                                 PasswordHasher::MinimumPasswordLength));
    return {};
}

Result<void> AdministrationService::authorise(const User &actor)
{
    if (isSystemActor(actor))
        return {};
    // The role as the database holds it now, not as it was at sign-in: a
    // demoted or disabled administrator's open console is refused too.
    auto current = UserRepository(m_database).find(actor.name);
    if (!current) {
        if (current.error().kind != ErrorKind::NotFound)
            return current.error();
        return Error::forbidden(tr("%1 is not a user of this centre: only an administrator "
                                   "changes users and the centre's configuration.")
                                    .arg(actor.name));
    }
    if (!current->active)
        return Error::forbidden(tr("%1 is disabled: only an active administrator changes users "
                                   "and the centre's configuration.")
                                    .arg(current->name));
    if (!mayAdminister(current.value()))
        return Error::forbidden(tr("%1 is %2: only an administrator changes users and the "
                                   "centre's configuration.")
                                    .arg(current->name, title(current->role)));
    return {};
}

bool AdministrationService::mayAdminister(const User &user)
{
    return fouad::mayAdminister(user);
}

template<typename Work> Result<void> AdministrationService::change(const User &actor, Work &&work)
{
    if (auto allowed = authorise(actor); !allowed)
        return allowed;
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun;
    if (auto allowed = authorise(actor); !allowed) // under the write lock
        return allowed;
    if (Result<void> done = work(); !done)
        return done;
    return tx.commit();
}

Result<void> AdministrationService::record(const User &actor, const QString &entity,
                                           const QString &key, const QString &action,
                                           const QJsonObject &before, const QJsonObject &after)
{
    AdminChange c;
    c.at = m_clock.nowUtc();
    c.actor = actor.name;
    c.entity = entity;
    c.key = key;
    c.action = action;
    c.before = before;
    c.after = after;
    return AdminChangeRepository(m_database).append(c);
}

// ---- users ----------------------------------------------------------------

Result<User> AdministrationService::addUser(const User &actor, const QString &name,
                                            const QString &fullName, Role role,
                                            const QString &password)
{
    if (auto allowed = authorise(actor); !allowed)
        return allowed.error();
    if (name.trimmed() == QStringView(SystemActor))
        return Error::invalid(u"NAME"_s,
                              tr("\"system\" names fouadctl and integrations in the "
                                 "history; choose another user name."));
    // An integration is a PostgreSQL login (migration 12); a single desk has none.
    if (!assignableRoles().contains(role))
        return Error::invalid(u"--role"_s,
                              tr("Integration logins exist only on a shared PostgreSQL "
                                 "database; on SQLite an integration runs fouadctl itself."));
    if (auto ok = checkPassword(password); !ok)
        return ok.error();
    // Slow on purpose (PBKDF2): outside the write lock.
    auto secret =
        UserRepository(m_database).secretFor(name.trimmed(), password, m_passwordIterations);
    if (!secret)
        return secret.error();
    std::optional<User> added;
    auto done = change(actor, [&]() -> Result<void> {
        UserRepository users(m_database);
        auto user = users.add(name.trimmed(), fullName, role, secret.value(), m_clock.nowUtc());
        if (!user)
            return user.error();
        added = user.value();
        return record(actor, u"user"_s, added->name, u"add"_s, {}, userJson(*added));
    });
    if (!done)
        return done.error();
    return *added;
}

Result<User> AdministrationService::createFirstAdministrator(const QString &name,
                                                             const QString &fullName,
                                                             const QString &password)
{
    if (auto ok = checkPassword(password); !ok)
        return ok.error();
    auto secret =
        UserRepository(m_database).secretFor(name.trimmed(), password, m_passwordIterations);
    if (!secret)
        return secret.error();
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    UserRepository users(m_database);
    auto count = users.count();
    if (!count)
        return count.error();
    if (count.value() > 0)
        return Error::forbidden(
            tr("This database already has users: an administrator adds new ones."));
    auto user = users.add(name.trimmed(), fullName, Role::Admin, secret.value(), m_clock.nowUtc());
    if (!user)
        return user.error();
    if (auto recorded =
            record(user.value(), u"user"_s, user->name, u"add"_s, {}, userJson(user.value()));
        !recorded)
        return recorded.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return user;
}

Result<void> AdministrationService::keepsAnAdministrator(const User &target)
{
    if (target.role != Role::Admin || !target.active)
        return {};
    auto admins = UserRepository(m_database).countActiveAdministrators();
    if (!admins)
        return admins.error();
    if (admins.value() <= 1)
        return Error::invalid(u"user"_s,
                              tr("%1 is the last active administrator: the centre keeps at "
                                 "least one.")
                                  .arg(target.name));
    return {};
}

Result<void> AdministrationService::setRole(const User &actor, const QString &name, Role role)
{
    if (!assignableRoles().contains(role))
        return Error::invalid(u"--role"_s,
                              tr("Integration logins exist only on a shared PostgreSQL "
                                 "database; on SQLite an integration runs fouadctl itself."));
    return change(actor, [&]() -> Result<void> {
        UserRepository users(m_database);
        auto before = users.find(name);
        if (!before)
            return before.error();
        if (before->role == role)
            return {};
        if (role != Role::Admin) {
            if (auto kept = keepsAnAdministrator(before.value()); !kept)
                return kept;
        }
        if (auto done = users.setRole(name, role); !done)
            return done;
        User after = before.value();
        after.role = role;
        return record(actor, u"user"_s, name, u"role"_s, userJson(before.value()), userJson(after));
    });
}

Result<void> AdministrationService::setActive(const User &actor, const QString &name, bool active)
{
    return change(actor, [&]() -> Result<void> {
        UserRepository users(m_database);
        auto before = users.find(name);
        if (!before)
            return before.error();
        if (before->active == active)
            return {};
        if (!active) {
            if (auto kept = keepsAnAdministrator(before.value()); !kept)
                return kept;
        }
        if (auto done = users.setActive(name, active); !done)
            return done;
        User after = before.value();
        after.active = active;
        return record(actor, u"user"_s, name, active ? u"enable"_s : u"disable"_s,
                      userJson(before.value()), userJson(after));
    });
}

Result<void> AdministrationService::resetPassword(const User &actor, const QString &name,
                                                  const QString &password)
{
    if (auto allowed = authorise(actor); !allowed)
        return allowed;
    if (auto ok = checkPassword(password); !ok)
        return ok;
    auto secret = UserRepository(m_database).secretFor(name, password, m_passwordIterations);
    if (!secret)
        return secret.error();
    return change(actor, [&]() -> Result<void> {
        if (auto done = UserRepository(m_database).setPassword(name, secret.value()); !done)
            return done;
        // Never the hash: only that it changed.
        return record(actor, u"user"_s, name, u"reset_password"_s, {}, {});
    });
}

Result<QList<User>> AdministrationService::users()
{
    return UserRepository(m_database).list();
}

Result<User> AdministrationService::signIn(const QString &name, const QString &password)
{
    UserRepository users(m_database);
    if (m_database.dialect().isSQLite())
        return users.authenticate(name.trimmed(), password, m_clock.nowUtc());
    // PostgreSQL: the login is the account; the server checks its password.
    auto user = users.find(name.trimmed());
    if (!user) {
        if (user.error().kind != ErrorKind::NotFound)
            return user.error();
        return UserRepository::wrongNameOrPassword();
    }
    auto verified = m_database.verifyLogin(user->name, password);
    if (verified && user->active)
        return user;
    if (!verified && verified.error().kind != ErrorKind::Forbidden)
        return verified.error(); // the server is away: say so, not "wrong password"
    // A program account from before logins (its hash), on the owner's connection.
    if (!m_database.session().staff && user->active)
        return users.authenticate(user->name, password, m_clock.nowUtc());
    return UserRepository::wrongNameOrPassword();
}

// ---- contacts -----------------------------------------------------------------

Result<Contact> AdministrationService::addContact(const User &actor, Contact c)
{
    c.name = c.name.trimmed();
    c.agencyCode = c.agencyCode.trimmed();
    c.provinceCode = c.provinceCode.trimmed();
    c.webhook = c.webhook.trimmed();
    if (c.name.isEmpty())
        return Error::invalid(u"name"_s, tr("A contact has a name."));
    if (c.role == ContactRole::CitizenSms && !c.agencyCode.isEmpty())
        return Error::invalid(u"agency"_s,
                              tr("The SMS gateway for citizens serves the whole centre: no "
                                 "agency."));
    if (c.role != ContactRole::CitizenSms && c.agencyCode.isEmpty())
        return Error::invalid(u"agency"_s, tr("A contact of an agency names its agency."));
    if (!c.phone.trimmed().isEmpty()) {
        const auto phone = PhoneNumber::parse(c.phone);
        if (!phone)
            return Error::invalid(
                u"phone"_s, tr("\"%1\" is not an Iranian phone number.").arg(c.phone.trimmed()));
        c.phone = phone->e164();
    } else {
        c.phone.clear();
    }
    if (!c.webhook.isEmpty()) {
        if (!TelephonySettings::isHttpAddress(QUrl(c.webhook, QUrl::StrictMode)))
            return Error::invalid(u"webhook"_s, tr("A webhook is an http:// or https:// address."));
    }
    c.createdAt = m_clock.nowUtc();
    auto done = change(actor, [&]() -> Result<void> {
        auto id = ContactRepository(m_database).add(c);
        if (!id)
            return id.error();
        c.id = id.value();
        return record(actor, u"contact"_s, QString::number(c.id), u"add"_s, {},
                      ContactJson::toJson(c));
    });
    if (!done)
        return done.error();
    return c;
}

Result<void> AdministrationService::removeContact(const User &actor, qint64 id)
{
    return change(actor, [&]() -> Result<void> {
        ContactRepository contacts(m_database);
        auto before = contacts.find(id);
        if (!before)
            return before.error();
        if (auto removed = contacts.remove(id); !removed)
            return removed;
        return record(actor, u"contact"_s, QString::number(id), u"remove"_s,
                      ContactJson::toJson(before.value()), {});
    });
}

Result<QList<Contact>> AdministrationService::contacts()
{
    return ContactRepository(m_database).list();
}

// ---- offices ------------------------------------------------------------------

Result<Office> AdministrationService::checkedOffice(Office o, const ReferenceCatalog &catalog) const
{
    static const QRegularExpression codeRule(u"^[a-z0-9][a-z0-9_-]{0,63}$"_s);
    o.code = o.code.trimmed();
    o.agencyCode = o.agencyCode.trimmed();
    o.provinceCode = o.provinceCode.trimmed();
    o.cityCode = o.cityCode.trimmed();
    o.name = PersianText::normalize(o.name);
    if (!codeRule.match(o.code).hasMatch())
        return Error::invalid(u"code"_s,
                              tr("An office code is up to 64 lower-case Latin letters, digits, "
                                 "'_' and '-'."));
    if (!catalog.agency(o.agencyCode))
        return Error::invalid(u"agency"_s, tr("No agency \"%1\".").arg(o.agencyCode));
    if (!catalog.province(o.provinceCode))
        return Error::invalid(u"province"_s, tr("No province \"%1\".").arg(o.provinceCode));
    if (!o.cityCode.isEmpty()) {
        const City *city = catalog.city(o.cityCode);
        if (!city)
            return Error::invalid(u"city"_s, tr("No city \"%1\".").arg(o.cityCode));
        if (city->provinceCode != o.provinceCode)
            return Error::invalid(
                u"city"_s,
                tr("%1 is not a city of %2.")
                    .arg(localizedName(*city), localizedName(*catalog.province(o.provinceCode))));
    }
    if (o.name.isEmpty())
        return Error::invalid(u"name"_s, tr("An office has a name."));
    if (o.name.size() > 200)
        return Error::invalid(u"name"_s, tr("An office's name is at most 200 characters."));
    return o;
}

Result<Office> AdministrationService::addOffice(const User &actor, Office office)
{
    auto done = change(actor, [&]() -> Result<void> {
        auto catalog = ReferenceRepository(m_database).load();
        if (!catalog)
            return catalog.error();
        auto checked = checkedOffice(office, catalog.value());
        if (!checked)
            return checked.error();
        office = std::move(checked).value();
        if (auto saved = OfficeRepository(m_database).save({ office }, m_clock.nowUtc()); !saved)
            return saved;
        return record(actor, u"office"_s, office.code, u"add"_s, {}, OfficeJson::toJson(office));
    });
    if (!done)
        return done.error();
    return office;
}

Result<void> AdministrationService::removeOffice(const User &actor, const QString &code)
{
    return change(actor, [&]() -> Result<void> {
        OfficeRepository offices(m_database);
        auto before = offices.find(code.trimmed());
        if (!before)
            return before.error();
        if (auto removed = offices.remove(before->code); !removed)
            return removed;
        return record(actor, u"office"_s, before->code, u"remove"_s,
                      OfficeJson::toJson(before.value()), {});
    });
}

Result<QList<Office>> AdministrationService::offices(const QString &agency, const QString &province)
{
    return OfficeRepository(m_database).list(agency.trimmed(), province.trimmed());
}

Result<AdministrationService::OfficeImport>
AdministrationService::importOffices(const User &actor, const QByteArray &csv)
{
    if (auto allowed = authorise(actor); !allowed)
        return allowed.error();
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(csv);
    if (utf8.hasError())
        return Error::invalid(u"file"_s, tr("The file is not UTF-8 text."));
    auto rows = Csv::parse(text);
    if (!rows)
        return rows.error();
    const QStringList header { u"code"_s, u"agency"_s, u"province"_s, u"city"_s, u"name"_s };
    auto headerOf = [](const Csv::Row &row) {
        QStringList out;
        for (const QString &f : row.fields)
            out << f.trimmed().toLower();
        return out;
    };
    if (rows->isEmpty() || headerOf(rows->constFirst()) != header)
        return Error::invalid(u"line 1"_s,
                              tr("The first line is the header %1.").arg(header.join(u',')));
    OfficeImport counts;
    auto done = change(actor, [&]() -> Result<void> {
        auto catalog = ReferenceRepository(m_database).load();
        if (!catalog)
            return catalog.error();
        // Every row checked before anything is written.
        QList<Office> offices;
        QHash<QString, int> lineOfCode;
        for (qsizetype i = 1; i < rows->size(); ++i) {
            const Csv::Row &row = rows->at(i);
            const QString where = u"line %1"_s.arg(row.line);
            if (row.fields.size() != header.size())
                return Error::invalid(
                    where,
                    tr("A line has %1 fields: %2.").arg(header.size()).arg(header.join(u',')));
            auto checked = checkedOffice(
                { row.fields[0], row.fields[1], row.fields[2], row.fields[3], row.fields[4] },
                catalog.value());
            if (!checked)
                return Error::invalid(where + u": "_s + checked.error().field,
                                      checked.error().message);
            if (const auto seen = lineOfCode.constFind(checked->code); seen != lineOfCode.cend())
                return Error::invalid(
                    where + u": code"_s,
                    tr("The code \"%1\" is on line %2 too.").arg(checked->code).arg(*seen));
            lineOfCode.insert(checked->code, row.line);
            offices << std::move(checked).value();
        }
        OfficeRepository repository(m_database);
        QHash<QString, Office> existing;
        for (const Office &o : catalog->offices())
            existing.insert(o.code, o);
        QList<Office> changed;
        for (const Office &o : std::as_const(offices)) {
            const auto old = existing.constFind(o.code);
            QJsonObject before;
            if (old != existing.cend()) {
                before = OfficeJson::toJson(*old);
                if (before == OfficeJson::toJson(o)) {
                    ++counts.unchanged;
                    continue;
                }
                ++counts.updated;
            } else {
                ++counts.added;
            }
            changed << o;
            if (auto r =
                    record(actor, u"office"_s, o.code, before.isEmpty() ? u"add"_s : u"update"_s,
                           before, OfficeJson::toJson(o));
                !r)
                return r;
        }
        return repository.save(changed, m_clock.nowUtc(), true);
    });
    if (!done)
        return done.error();
    return counts;
}

// ---- agencies, categories, targets, ladder -----------------------------------

Result<void> AdministrationService::saveAgency(const User &actor, const Agency &agency)
{
    return change(actor, [&]() -> Result<void> {
        auto catalog = ReferenceRepository(m_database).load();
        if (!catalog)
            return catalog.error();
        if (!agency.parentCode.isEmpty() && !catalog->agency(agency.parentCode))
            return Error::invalid(u"parent_code"_s,
                                  tr("No agency \"%1\" to be part of.").arg(agency.parentCode));
        const Agency *old = catalog->agency(agency.code);
        const QJsonObject before = old ? agencyJson(*old) : QJsonObject();
        if (auto saved = ReferenceRepository(m_database).saveAgency(agency); !saved)
            return saved;
        auto reloaded = ReferenceRepository(m_database).load();
        if (!reloaded)
            return reloaded.error();
        const Agency *now = reloaded->agency(agency.code);
        return record(actor, u"agency"_s, agency.code, old ? u"update"_s : u"add"_s, before,
                      now ? agencyJson(*now) : QJsonObject());
    });
}

Result<void> AdministrationService::saveCategories(const User &actor,
                                                   const QList<CategorySettings> &categories)
{
    return change(actor, [&]() -> Result<void> {
        auto catalog = ReferenceRepository(m_database).load();
        if (!catalog)
            return catalog.error();
        auto sla = SlaRepository(m_database).load();
        if (!sla)
            return sla.error();
        ReferenceRepository reference(m_database);
        SlaRepository policies(m_database);
        for (const CategorySettings &c : categories) {
            auto refused = [&](const Error &e) {
                return Error { e.kind, c.code, e.message };
            };
            const Category *old = catalog->category(c.code);
            if (!old)
                return refused(Error::notFound(c.code, tr("No category \"%1\".").arg(c.code)));
            if (old->name != c.name || old->nameEn != c.nameEn) {
                if (auto saved = reference.saveCategoryNames(c.code, c.name, c.nameEn); !saved)
                    return refused(saved.error());
                if (auto r = record(
                        actor, u"category"_s, c.code, u"update"_s,
                        { { u"name"_s, old->name }, { u"name_en"_s, old->nameEn } },
                        { { u"name"_s, c.name.trimmed() }, { u"name_en"_s, c.nameEn.trimmed() } });
                    !r)
                    return r;
            }
            const SlaPolicy before = sla->policyFor(c.code, {});
            if (before != c.policy) {
                if (auto saved = policies.savePolicy(c.code, {}, c.policy); !saved)
                    return refused(saved.error());
                if (auto r = record(actor, u"sla_policy"_s, c.code, u"update"_s, policyJson(before),
                                    policyJson(c.policy));
                    !r)
                    return r;
            }
        }
        return {};
    });
}

Result<void> AdministrationService::savePolicy(const User &actor, const QString &category,
                                               const QString &province, const SlaPolicy &policy)
{
    return change(actor, [&]() -> Result<void> {
        auto catalog = ReferenceRepository(m_database).load();
        if (!catalog)
            return catalog.error();
        if (!catalog->category(category))
            return Error::notFound(u"category"_s, tr("No category \"%1\".").arg(category));
        if (!province.isEmpty() && !catalog->province(province))
            return Error::notFound(u"province"_s, tr("No province \"%1\".").arg(province));
        auto sla = SlaRepository(m_database).load();
        if (!sla)
            return sla.error();
        const SlaPolicy before = sla->policyFor(category, province);
        if (auto saved = SlaRepository(m_database).savePolicy(category, province, policy); !saved)
            return saved;
        const QString key = province.isEmpty() ? category : category + u'/' + province;
        return record(actor, u"sla_policy"_s, key, u"update"_s, policyJson(before),
                      policyJson(policy));
    });
}

Result<void> AdministrationService::setLadder(const User &actor,
                                              const QList<EscalationRung> &ladder)
{
    return change(actor, [&]() -> Result<void> {
        auto sla = SlaRepository(m_database).load();
        if (!sla)
            return sla.error();
        const QList<EscalationRung> before = sla->ladder();
        if (auto saved = SlaRepository(m_database).saveLadder(ladder); !saved)
            return saved;
        return record(actor, u"escalation_ladder"_s, u"ladder"_s, u"update"_s, ladderJson(before),
                      ladderJson(ladder));
    });
}

Result<ReferenceCatalog> AdministrationService::catalog()
{
    return ReferenceRepository(m_database).load();
}

Result<std::shared_ptr<const SlaConfig>> AdministrationService::slaConfig()
{
    return m_database.slaConfig().get();
}

// ---- calendars -------------------------------------------------------------------

Result<void> AdministrationService::calendarExists(const QString &calendar)
{
    auto list = CalendarRepository(m_database).calendars();
    if (!list)
        return list.error();
    for (const auto &c : list.value()) {
        if (c.code == calendar)
            return {};
    }
    return Error::notFound(u"calendar"_s, tr("No calendar \"%1\".").arg(calendar));
}

Result<void> AdministrationService::setHours(const User &actor, const QString &calendar,
                                             const Week &week)
{
    return change(actor, [&]() -> Result<void> {
        if (auto exists = calendarExists(calendar); !exists)
            return exists;
        CalendarRepository calendars(m_database);
        auto before = calendars.hours(calendar);
        if (!before)
            return before.error();
        if (auto saved = calendars.setHours(calendar, week); !saved)
            return saved;
        return record(actor, u"calendar_hours"_s, calendar, u"update"_s, weekJson(before.value()),
                      weekJson(week));
    });
}

Result<void> AdministrationService::addHolidays(const User &actor, const QString &calendar,
                                                const QList<Holiday> &holidays)
{
    return change(actor, [&]() -> Result<void> {
        if (auto exists = calendarExists(calendar); !exists)
            return exists;
        QJsonArray added;
        for (const Holiday &h : holidays) {
            if (h.jalaliMonth < 1 || h.jalaliMonth > 12 || h.jalaliDay < 1
                || h.jalaliDay > (h.jalaliMonth <= 6 ? 31 : 30))
                return Error::invalid(
                    u"date"_s,
                    tr("%1/%2 is no day of the Jalali year.").arg(h.jalaliMonth).arg(h.jalaliDay));
            if (h.name.trimmed().isEmpty())
                return Error::invalid(u"name"_s, tr("Name the holiday."));
            added.append(holidayJson(h));
        }
        if (auto saved = CalendarRepository(m_database).addHolidays(calendar, holidays); !saved)
            return saved;
        return record(actor, u"holidays"_s, calendar, u"add"_s, {}, { { u"holidays"_s, added } });
    });
}

Result<void> AdministrationService::removeHoliday(const User &actor, qint64 id)
{
    return change(actor, [&]() -> Result<void> {
        CalendarRepository calendars(m_database);
        auto before = calendars.holiday(id);
        if (!before)
            return before.error();
        if (auto removed = calendars.removeHoliday(id); !removed)
            return removed;
        return record(actor, u"holiday"_s, QString::number(id), u"remove"_s,
                      holidayJson(before.value()), {});
    });
}

Result<void> AdministrationService::setHolidayConfirmed(const User &actor, qint64 id,
                                                        bool confirmed)
{
    return change(actor, [&]() -> Result<void> {
        CalendarRepository calendars(m_database);
        auto before = calendars.holiday(id);
        if (!before)
            return before.error();
        if (before->confirmed == confirmed)
            return {};
        if (auto saved = calendars.setConfirmed(id, confirmed); !saved)
            return saved;
        Holiday after = before.value();
        after.confirmed = confirmed;
        return record(actor, u"holiday"_s, QString::number(id),
                      confirmed ? u"confirm"_s : u"unconfirm"_s, holidayJson(before.value()),
                      holidayJson(after));
    });
}

Result<void> AdministrationService::setProvinceCalendar(const User &actor, const QString &province,
                                                        const QString &calendar)
{
    return change(actor, [&]() -> Result<void> {
        auto catalog = ReferenceRepository(m_database).load();
        if (!catalog)
            return catalog.error();
        if (!catalog->province(province))
            return Error::notFound(u"province"_s, tr("No province \"%1\".").arg(province));
        if (auto exists = calendarExists(calendar); !exists)
            return exists;
        CalendarRepository calendars(m_database);
        auto before = calendars.provinceCalendars();
        if (!before)
            return before.error();
        if (auto saved = calendars.setProvinceCalendar(province, calendar); !saved)
            return saved;
        return record(actor, u"province_calendar"_s, province, u"update"_s,
                      calendarJson(before->value(province)), calendarJson(calendar));
    });
}

Result<void> AdministrationService::setChannelCalendar(const User &actor, const QString &channel,
                                                       const QString &calendar)
{
    return change(actor, [&]() -> Result<void> {
        if (!channelFromCode(channel))
            return Error::invalid(u"channel"_s, tr("No channel \"%1\".").arg(channel));
        if (!calendar.isEmpty()) {
            if (auto exists = calendarExists(calendar); !exists)
                return exists;
        }
        CalendarRepository calendars(m_database);
        auto before = calendars.channelCalendars();
        if (!before)
            return before.error();
        if (auto saved = calendars.setChannelCalendar(channel, calendar); !saved)
            return saved;
        return record(actor, u"channel_calendar"_s, channel,
                      calendar.isEmpty() ? u"remove"_s : u"update"_s,
                      calendarJson(before->value(channel)), calendarJson(calendar));
    });
}

Result<QList<CalendarRepository::CalendarInfo>> AdministrationService::calendars()
{
    return CalendarRepository(m_database).calendars();
}

Result<AdministrationService::Week> AdministrationService::hours(const QString &calendar)
{
    return CalendarRepository(m_database).hours(calendar);
}

Result<QList<Holiday>> AdministrationService::holidays(const QString &calendar)
{
    return CalendarRepository(m_database).holidays(calendar);
}

Result<QHash<QString, QString>> AdministrationService::provinceCalendars()
{
    return CalendarRepository(m_database).provinceCalendars();
}

Result<QHash<QString, QString>> AdministrationService::channelCalendars()
{
    return CalendarRepository(m_database).channelCalendars();
}

Result<QList<AdminChange>> AdministrationService::history(int limit)
{
    return AdminChangeRepository(m_database).list(limit);
}

} // namespace fouad
