// Users and the centre's configuration change only through the administration
// service: refused for every role but an administrator, recorded in the
// append-only admin_changes, seen by every configuration cache.
#include "auth/passwordhasher.h"
#include "services/administrationservice.h"
#include "storage/adminchangerepository.h"
#include "storage/database.h"
#include "storage/slaconfigcache.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <functional>

using namespace fouad;
using namespace fouad::test;

namespace {

constexpr int FastHash = 1000; // PBKDF2 rounds: the rule under test is not the hash's cost
const QString GoodPassword = QStringLiteral("long enough password");

// One administrator's change, run the round-th time (each round changes
// something new, so that an administrator and the system both make a change).
struct Operation
{
    const char *name;
    std::function<Result<void>(AdministrationService &, const User &, int round)> run;
};

// The refusal's kind and field, or "ok" when nothing was refused.
template<typename T> std::string refusal(const Result<T> &result)
{
    if (result.ok())
        return "ok";
    return std::to_string(int(result.error().kind)) + ":" + result.error().field.toStdString();
}
const std::string Forbidden = std::to_string(int(ErrorKind::Forbidden)) + ":";
const std::string InvalidPassword = std::to_string(int(ErrorKind::InvalidInput)) + ":password";

class AdministrationServiceTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        UserRepository users(*db);
        for (const auto &[name, role] :
             { std::pair { u"boss", Role::Admin }, std::pair { u"olga", Role::Operator },
               std::pair { u"ivan", Role::Inspector }, std::pair { u"sara", Role::Supervisor },
               std::pair { u"tina", Role::Operator } }) {
            // On PostgreSQL each is a login (a SCRAM verifier), on SQLite a hash.
            const QString secret =
                users.secretFor(QString::fromUtf16(name), GoodPassword, FastHash).value();
            auto added = users.add(QString::fromUtf16(name), {}, role, secret, clock.nowUtc());
            ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
            byName.insert(added->name, added.value());
        }
        for (const Holiday &h : service().holidays(QStringLiteral("default")).value())
            holidayIds << h.id;
        ASSERT_GE(holidayIds.size(), 3);
    }

    AdministrationService service() { return AdministrationService(*db, clock, FastHash); }

    qint64 count(const char *table)
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))));
        EXPECT_TRUE(q.next());
        return q.value(0).toLongLong();
    }

    qint64 configVersion() { return AdminChangeRepository(*db).configVersion().value(); }

    QList<Operation> operations()
    {
        auto week = [](int round) {
            AdministrationService::Week w;
            w[size_t(Qt::Saturday - 1)] = { { 8 * 60, 14 * 60 + round } };
            return w;
        };
        auto policy = [](int round) {
            SlaPolicy p = SlaPolicy::defaultFor(true);
            p.resolve.seconds = (4 + round) * 3600;
            return p;
        };
        return {
            { "addUser",
              [](AdministrationService &s, const User &a, int r) -> Result<void> {
                  auto u = s.addUser(a, QStringLiteral("new%1").arg(r), {}, Role::Operator,
                                     GoodPassword);
                  return u ? Result<void>() : Result<void>(u.error());
              } },
            { "setRole",
              [](AdministrationService &s, const User &a, int r) {
                  return s.setRole(a, QStringLiteral("tina"),
                                   r == 0 ? Role::Supervisor : Role::Inspector);
              } },
            { "setActive",
              [](AdministrationService &s, const User &a, int r) {
                  return s.setActive(a, QStringLiteral("tina"), r != 0);
              } },
            { "resetPassword",
              [](AdministrationService &s, const User &a, int) {
                  return s.resetPassword(a, QStringLiteral("tina"), GoodPassword + u'!');
              } },
            { "saveAgency",
              [](AdministrationService &s, const User &a, int r) {
                  return s.saveAgency(a,
                                      Agency { QStringLiteral("agency_%1").arg(r),
                                               QStringLiteral("اداره %1").arg(r),
                                               {},
                                               {} });
              } },
            { "saveCategories",
              [policy](AdministrationService &s, const User &a, int r) {
                  return s.saveCategories(a,
                                          { { QStringLiteral("delay"),
                                              QStringLiteral("دیرکرد %1").arg(r),
                                              {},
                                              policy(r) } });
              } },
            { "savePolicy",
              [policy](AdministrationService &s, const User &a, int r) {
                  return s.savePolicy(a, QStringLiteral("delay"), QStringLiteral("ardabil"),
                                      policy(r));
              } },
            { "setLadder",
              [](AdministrationService &s, const User &a, int r) {
                  return s.setLadder(a,
                                     { { 1, 0.5, true, QStringLiteral("agency manager") },
                                       { 2, 1.0 + r, false, QStringLiteral("supervisor") } });
              } },
            { "setHours",
              [week](AdministrationService &s, const User &a, int r) {
                  return s.setHours(a, QStringLiteral("default"), week(r));
              } },
            { "addHolidays",
              [](AdministrationService &s, const User &a, int r) {
                  return s.addHolidays(
                      a, QStringLiteral("default"),
                      { Holiday { 0, 1406, 2, 10 + r, QStringLiteral("تعطیل %1").arg(r), true } });
              } },
            { "removeHoliday",
              [this](AdministrationService &s, const User &a, int r) {
                  return s.removeHoliday(a, holidayIds.at(r));
              } },
            { "setHolidayConfirmed",
              [this](AdministrationService &s, const User &a, int r) {
                  return s.setHolidayConfirmed(a, holidayIds.at(2), r != 0);
              } },
            { "setProvinceCalendar",
              [](AdministrationService &s, const User &a, int r) {
                  return s.setProvinceCalendar(a, QStringLiteral("ardabil"),
                                               r == 0 ? QStringLiteral("24x7")
                                                      : QStringLiteral("default"));
              } },
            { "setChannelCalendar",
              [](AdministrationService &s, const User &a, int r) {
                  return s.setChannelCalendar(a, QStringLiteral("letter"),
                                              r == 0 ? QStringLiteral("24x7") : QString());
              } },
            { "addOffice",
              [](AdministrationService &s, const User &a, int r) -> Result<void> {
                  auto o = s.addOffice(a,
                                       { QStringLiteral("tax-qom-%1").arg(r), QStringLiteral("tax"),
                                         QStringLiteral("qom"), QStringLiteral("qom"),
                                         QStringLiteral("اداره امور مالیاتی قم %1").arg(r) });
                  return o ? Result<void>() : Result<void>(o.error());
              } },
            { "importOffices",
              [](AdministrationService &s, const User &a, int r) -> Result<void> {
                  auto i =
                      s.importOffices(a,
                                      QStringLiteral("code,agency,province,city,name\n"
                                                     "post-kahak-%1,post,qom,kahak,اداره پست کهک\n")
                                          .arg(r)
                                          .toUtf8());
                  return i ? Result<void>() : Result<void>(i.error());
              } },
            { "removeOffice",
              [](AdministrationService &s, const User &a, int r) {
                  return s.removeOffice(a, QStringLiteral("tax-qom-%1").arg(r));
              } },
        };
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    MockClock clock;
    QHash<QString, User> byName;
    QList<qint64> holidayIds;
};

TEST_P(AdministrationServiceTest, EveryChangeIsRefusedToEveryRoleButAdministrator)
{
    AdministrationService admin = service();
    for (const QString &name :
         { QStringLiteral("olga"), QStringLiteral("ivan"), QStringLiteral("sara") }) {
        const User actor = byName.value(name);
        for (const Operation &op : operations()) {
            SCOPED_TRACE(std::string(op.name) + " as " + name.toStdString());
            const qint64 changes = count("admin_changes");
            const qint64 version = configVersion();
            const auto result = op.run(admin, actor, 0);
            ASSERT_FALSE(result.ok());
            EXPECT_EQ(result.error().kind, ErrorKind::Forbidden);
            EXPECT_FALSE(result.error().message.isEmpty());
            EXPECT_EQ(count("admin_changes"), changes);
            EXPECT_EQ(configVersion(), version);
        }
    }
    // A user that claims to be an administrator is judged by the database.
    User forged = byName.value(QStringLiteral("olga"));
    forged.role = Role::Admin;
    EXPECT_EQ(refusal(admin.setRole(forged, QStringLiteral("olga"), Role::Admin)), Forbidden);
    EXPECT_EQ(UserRepository(*db).find(QStringLiteral("olga"))->role, Role::Operator);
    EXPECT_EQ(count("admin_changes"), 0);
}

TEST_P(AdministrationServiceTest, AdministratorAndSystemChangeAndEachChangeIsRecorded)
{
    AdministrationService admin = service();
    const User actors[] = { byName.value(QStringLiteral("boss")),
                            AdministrationService::systemActor() };
    for (int round = 0; round < 2; ++round) {
        const User &actor = actors[round];
        for (const Operation &op : operations()) {
            SCOPED_TRACE(std::string(op.name) + " as " + actor.name.toStdString());
            const qint64 changes = count("admin_changes");
            const auto result = op.run(admin, actor, round);
            ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
            // One row per entity changed (a category's titles and its targets: two).
            const qint64 added = count("admin_changes") - changes;
            ASSERT_GE(added, 1);
            for (const AdminChange &c : admin.history(int(added)).value()) {
                EXPECT_EQ(c.actor, actor.name);
                EXPECT_EQ(c.at, clock.nowUtc());
                EXPECT_FALSE(c.entity.isEmpty());
                EXPECT_FALSE(c.key.isEmpty());
            }
            clock.advanceSecs(60);
        }
    }
    // The changes are in the database.
    UserRepository users(*db);
    EXPECT_TRUE(users.find(QStringLiteral("new0")).ok());
    EXPECT_TRUE(users.find(QStringLiteral("new1")).ok());
    EXPECT_EQ(users.find(QStringLiteral("tina"))->role, Role::Inspector);
    EXPECT_TRUE(users.find(QStringLiteral("tina"))->active);
    EXPECT_TRUE(admin.signIn(QStringLiteral("tina"), GoodPassword + u'!'));
    const auto sla = db->slaConfig().get().value();
    EXPECT_EQ(sla->policyFor(QStringLiteral("delay"), {}).resolve.seconds, 5 * 3600);
    EXPECT_EQ(sla->policyFor(QStringLiteral("delay"), QStringLiteral("ardabil")).resolve.seconds,
              5 * 3600);
    EXPECT_EQ(sla->ladder().size(), 2);
    EXPECT_DOUBLE_EQ(sla->ladder().at(1).fraction, 2.0);
    const auto catalog = admin.catalog().value();
    EXPECT_NE(catalog.agency(QStringLiteral("agency_1")), nullptr);
    EXPECT_EQ(catalog.category(QStringLiteral("delay"))->name, QStringLiteral("دیرکرد 1"));
    EXPECT_EQ(admin.provinceCalendars()->value(QStringLiteral("ardabil")), u"default");
    EXPECT_FALSE(admin.channelCalendars()->contains(QStringLiteral("letter")));

    // Before and after, never a password.
    const QList<AdminChange> history = admin.history(100).value();
    for (const AdminChange &c : history) {
        EXPECT_FALSE(c.before.contains(QStringLiteral("password_hash")));
        EXPECT_FALSE(c.after.contains(QStringLiteral("password_hash")));
        if (c.entity == u"user" && c.action == u"role" && c.actor == u"boss") {
            EXPECT_EQ(c.before.value(QStringLiteral("role")).toString(), u"operator");
            EXPECT_EQ(c.after.value(QStringLiteral("role")).toString(), u"supervisor");
        }
    }
}

// Offices (issue 10): one bad row refuses the whole file, named by its line and
// field, and nothing at all is written; a good file adds, updates and records.
TEST_P(AdministrationServiceTest, AnOfficeImportIsAllOrNothing)
{
    AdministrationService admin = service();
    const User boss = byName.value(QStringLiteral("boss"));
    ASSERT_TRUE(
        admin.addOffice(boss,
                        { QStringLiteral("gas-yazd"), QStringLiteral("gas"), QStringLiteral("yazd"),
                          QStringLiteral("yazd"), QStringLiteral("اداره گاز یزد") }));
    const qint64 changes = count("admin_changes");
    const qint64 version = configVersion();
    const QByteArray head = "code,agency,province,city,name\n";
    const QByteArray good = "gas-meybod,gas,yazd,meybod,اداره گاز میبد\n"
                            "gas-yazd,gas,yazd,yazd,\"اداره گاز استان یزد\"\n";
    const std::pair<QByteArray, const char *> bad[] = {
        { head + good + "gas-x,gasoline,yazd,,اداره\n", "line 4: agency" },
        { head + good + "gas-x,gas,yazd,karaj,اداره\n", "line 4: city" },
        { head + good + "gas-x,gas,,,اداره\n", "line 4: province" },
        { head + good + "Gas X,gas,yazd,,اداره\n", "line 4: code" },
        { head + good + "gas-x,gas,yazd,,\n", "line 4: name" },
        { head + good + "gas-x,gas,yazd\n", "line 4" },
        { head + good + "gas-meybod,gas,yazd,,اداره\n", "line 4: code" }, // twice in the file
        { head + "gas-x,gas,yazd,,\"open\n", "line 2" },
        { "code,agency,province,name\n" + good, "line 1" },
        { head + "gas-x,gas,yazd,,\xff\n", "file" },
    };
    for (const auto &[file, field] : bad) {
        SCOPED_TRACE(field);
        const auto r = admin.importOffices(boss, file);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().kind, ErrorKind::InvalidInput);
        EXPECT_EQ(r.error().field, QString::fromUtf8(field));
        EXPECT_FALSE(r.error().message.isEmpty());
        EXPECT_EQ(count("offices"), 1);
        EXPECT_EQ(count("admin_changes"), changes);
        EXPECT_EQ(configVersion(), version);
    }
    const auto imported = admin.importOffices(boss, head + good);
    ASSERT_TRUE(imported.ok()) << imported.error().message.toStdString();
    EXPECT_EQ(imported->added, 1);
    EXPECT_EQ(imported->updated, 1);
    EXPECT_EQ(count("offices"), 2);
    EXPECT_EQ(admin.offices(QStringLiteral("gas"), QStringLiteral("yazd"))->size(), 2);
    const QList<AdminChange> history = admin.history(2).value();
    ASSERT_EQ(history.size(), 2);
    for (const AdminChange &c : history) {
        EXPECT_EQ(c.entity, u"office");
        if (c.key == u"gas-yazd") {
            EXPECT_EQ(c.action, u"update");
            EXPECT_EQ(c.before.value(QStringLiteral("name")).toString(), u"اداره گاز یزد");
            EXPECT_EQ(c.after.value(QStringLiteral("name")).toString(), u"اداره گاز استان یزد");
        } else {
            EXPECT_EQ(c.action, u"add");
        }
    }
    const auto again = admin.importOffices(boss, head + good);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->unchanged, 2);
    EXPECT_EQ(count("admin_changes"), changes + 2);
}

TEST_P(AdministrationServiceTest, ShortPasswordsAndTheLastAdministratorAreRefused)
{
    AdministrationService admin = service();
    const User boss = byName.value(QStringLiteral("boss"));
    const QString shortPassword(PasswordHasher::MinimumPasswordLength - 1, u'x');
    auto added = admin.addUser(boss, QStringLiteral("shorty"), {}, Role::Operator, shortPassword);
    ASSERT_FALSE(added.ok());
    EXPECT_EQ(added.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(added.error().field, u"password");
    EXPECT_FALSE(UserRepository(*db).find(QStringLiteral("shorty")).ok());
    EXPECT_TRUE(admin.addUser(boss, QStringLiteral("longer"), {}, Role::Operator,
                              QString(PasswordHasher::MinimumPasswordLength, u'x')));
    EXPECT_EQ(refusal(admin.resetPassword(boss, QStringLiteral("tina"), shortPassword)),
              InvalidPassword);
    EXPECT_FALSE(admin.createFirstAdministrator(QStringLiteral("first"), {}, GoodPassword).ok())
        << "the database already has users";

    // The last active administrator stays one; "system" is no user's name.
    EXPECT_EQ(refusal(admin.setActive(boss, QStringLiteral("boss"), false)), "2:user");
    EXPECT_EQ(refusal(admin.setRole(boss, QStringLiteral("boss"), Role::Operator)), "2:user");
    EXPECT_EQ(refusal(admin.addUser(boss, QStringLiteral("system"), {}, Role::Admin, GoodPassword)),
              "2:NAME");
    ASSERT_TRUE(admin.addUser(boss, QStringLiteral("deputy"), {}, Role::Admin, GoodPassword));
    EXPECT_TRUE(admin.setActive(boss, QStringLiteral("boss"), false))
        << "another administrator remains";
}

TEST_P(AdministrationServiceTest, ADisabledUserCannotSignInAndANewPasswordWorksAtOnce)
{
    AdministrationService admin = service();
    const User boss = byName.value(QStringLiteral("boss"));
    ASSERT_TRUE(admin.signIn(QStringLiteral("tina"), GoodPassword));
    ASSERT_TRUE(admin.setActive(boss, QStringLiteral("tina"), false));
    EXPECT_EQ(refusal(admin.signIn(QStringLiteral("tina"), GoodPassword)), Forbidden);
    ASSERT_TRUE(admin.setActive(boss, QStringLiteral("tina"), true));
    EXPECT_TRUE(admin.signIn(QStringLiteral("tina"), GoodPassword)) << "enabled again";
    if (GetParam() == Backend::PostgreSQL) {
        // The login's password is PostgreSQL's: a new one works at once, the old one not.
        ASSERT_TRUE(
            admin.resetPassword(boss, QStringLiteral("tina"), QStringLiteral("a brand new one")));
        EXPECT_TRUE(admin.signIn(QStringLiteral("tina"), QStringLiteral("a brand new one")));
        EXPECT_EQ(refusal(admin.signIn(QStringLiteral("tina"), GoodPassword)), Forbidden);
        return; // wrong passwords are slowed by the console (SignInThrottle) and the server
    }
    for (int i = 0; i < UserRepository::MaxFailedLogins; ++i)
        EXPECT_FALSE(admin.signIn(QStringLiteral("tina"), QStringLiteral("wrong password")));
    EXPECT_EQ(refusal(admin.signIn(QStringLiteral("tina"), GoodPassword)), Forbidden) << "locked";
    ASSERT_TRUE(
        admin.resetPassword(boss, QStringLiteral("tina"), QStringLiteral("a brand new one")));
    EXPECT_TRUE(admin.signIn(QStringLiteral("tina"), QStringLiteral("a brand new one")))
        << "a new password also lifts the lockout";
}

TEST_P(AdministrationServiceTest, IntegrationLoginsAreOfferedOnlyOnPostgreSQL)
{
    AdministrationService admin = service();
    const bool shared = GetParam() == Backend::PostgreSQL;
    EXPECT_EQ(admin.assignableRoles().contains(Role::Integration), shared);
    const User boss = byName.value(QStringLiteral("boss"));
    const auto changed = admin.setRole(boss, QStringLiteral("tina"), Role::Integration);
    EXPECT_EQ(refusal(changed),
              shared ? "ok" : std::to_string(int(ErrorKind::InvalidInput)) + ":--role");
    EXPECT_EQ(UserRepository(*db).find(QStringLiteral("tina"))->role,
              shared ? Role::Integration : Role::Operator);
}

TEST_P(AdministrationServiceTest, AdminChangesIsAppendOnly)
{
    ASSERT_TRUE(service().setRole(byName.value(QStringLiteral("boss")), QStringLiteral("tina"),
                                  Role::Supervisor));
    ASSERT_EQ(count("admin_changes"), 1);
    QSqlQuery q(db->connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE admin_changes SET actor = 'someone else'")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM admin_changes")));
    if (GetParam() == Backend::PostgreSQL) {
        EXPECT_FALSE(q.exec(QStringLiteral("TRUNCATE admin_changes")));
    }
    EXPECT_EQ(count("admin_changes"), 1);
    EXPECT_EQ(service().history().value().at(0).actor, u"boss");
}

TEST_P(AdministrationServiceTest, FirstAdministratorOnlyOnAnEmptyDatabase)
{
    std::unique_ptr<TestDatabase> emptyDb;
    FOUAD_MAKE_TEST_DATABASE(emptyDb, GetParam());
    auto empty = Database::open(emptyDb->url()).value();
    AdministrationService admin(*empty, clock, FastHash);
    EXPECT_EQ(refusal(admin.createFirstAdministrator(QStringLiteral("first"), {},
                                                     QStringLiteral("short"))),
              InvalidPassword);
    auto first = admin.createFirstAdministrator(QStringLiteral("first"), {}, GoodPassword);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(first->role, Role::Admin);
    EXPECT_EQ(admin.history().value().at(0).actor, u"first");
    EXPECT_EQ(refusal(admin.createFirstAdministrator(QStringLiteral("second"), {}, GoodPassword)),
              Forbidden);
}

TEST_P(AdministrationServiceTest, OneConsolesChangeReachesAnothersCache)
{
    // Two consoles on the same database: each its own Database and cache.
    auto other = Database::open(testDb->url()).value();
    const auto before = other->slaConfig().get().value();
    EXPECT_EQ(before->policyFor(QStringLiteral("delay"), {}).resolve.seconds, 3 * 3600);
    EXPECT_EQ(other->slaConfig().get().value(), before) << "unchanged: the same snapshot";

    SlaPolicy policy = SlaPolicy::defaultFor(true);
    policy.resolve.seconds = 7 * 3600;
    ASSERT_TRUE(service().savePolicy(byName.value(QStringLiteral("boss")), QStringLiteral("delay"),
                                     {}, policy));

    const auto after = other->slaConfig().get().value();
    EXPECT_NE(after, before);
    EXPECT_EQ(after->policyFor(QStringLiteral("delay"), {}).resolve.seconds, 7 * 3600);
    EXPECT_EQ(before->policyFor(QStringLiteral("delay"), {}).resolve.seconds, 3 * 3600)
        << "a snapshot in use does not change under its holder";
}

INSTANTIATE_TEST_SUITE_P(Backends, AdministrationServiceTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
