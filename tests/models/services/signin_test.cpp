// Signing in at the console on a shared PostgreSQL: the person connects as their
// own login, and the server, not the program, checks the password.
#include "services/administrationservice.h"
#include "services/intakeservice.h"
#include "services/signin.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QSqlQuery>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"a-long-password-1"_s;

struct UrlRow
{
    const char *url;
    bool asPerson;
};

TEST(SignIn, OnlyAPostgreSQLUrlWithoutAPasswordSignsInByConnecting)
{
    const UrlRow rows[] = {
        { "postgresql://127.0.0.1:5432/fouad", true },
        { "postgresql://sara@db.centre.ir/fouad?sslmode=verify-full", true },
        { "postgresql://owner:secret@127.0.0.1/fouad", false }, // its own credentials
        { "sqlite:/tmp/fouad.sqlite", false },
    };
    for (const UrlRow &row : rows) {
        const auto url = DatabaseUrl::parse(QString::fromLatin1(row.url));
        ASSERT_TRUE(url) << row.url;
        EXPECT_EQ(SignIn::connectsAsPerson(url.value()), row.asPerson) << row.url;
    }
}

class SignInOnPostgreSQL : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::PostgreSQL);
        owner = Database::open(testDb->url()).value();
        AdministrationService admin(*owner, clock, 1000);
        for (const auto &[name, role] :
             { std::pair { u"olga", Role::Operator }, std::pair { u"boss", Role::Admin } })
            ASSERT_TRUE(admin
                            .addUser(AdministrationService::systemActor(), QString::fromUtf16(name),
                                     {}, role, Password)
                            .ok());
        server = testDb->url();
        server.user.clear();
        server.password.clear();
    }

    Result<SignIn::Session> signIn(const QString &name, const QString &password)
    {
        return SignIn::connect(server, name, password);
    }

    std::string refusal(const Result<SignIn::Session> &r)
    {
        if (r.ok())
            return "signed in";
        return std::to_string(int(r.error().kind)) + " " + r.error().message.toStdString();
    }

    MockClock clock;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> owner;
    DatabaseUrl server; // host, port and database: no one's credentials
};

TEST_F(SignInOnPostgreSQL, TheRightPasswordConnectsAsThePersonWhoThenActsInTheirOwnName)
{
    auto session = signIn(u" olga "_s, Password);
    ASSERT_TRUE(session) << refusal(session);
    EXPECT_EQ(session->user.name, u"olga");
    EXPECT_EQ(session->user.role, Role::Operator);
    Database &db = *session->database;
    EXPECT_TRUE(db.session().staff);
    EXPECT_EQ(db.session().login, u"olga");
    EXPECT_EQ(db.url().user, u"olga"); // the console's other threads connect as olga too
    // The database writes history in olga's name.
    IntakeService intake(db, ReferenceRepository(db).load().value(), clock);
    auto registered = intake.registerComplaint(sampleDraft(), db.actorFor({}).value());
    ASSERT_TRUE(registered) << registered.error().detail.toStdString();
    QSqlQuery q(owner->connection());
    ASSERT_TRUE(q.exec(u"SELECT created_by FROM complaints"_s) && q.next());
    EXPECT_EQ(q.value(0).toString(), u"olga");
}

TEST_F(SignInOnPostgreSQL, EveryRefusalSaysOnlyThatTheNameOrPasswordIsWrong)
{
    AdministrationService admin(*owner, clock, 1000);
    ASSERT_TRUE(admin.addUser(AdministrationService::systemActor(), u"tina"_s, {}, Role::Operator,
                              Password));
    ASSERT_TRUE(admin.setActive(AdministrationService::systemActor(), u"tina"_s, false));
    const std::string wrong = std::to_string(int(ErrorKind::Forbidden)) + " "
        + UserRepository::wrongNameOrPassword().message.toStdString();
    EXPECT_EQ(refusal(signIn(u"olga"_s, u"not her password"_s)), wrong);
    EXPECT_EQ(refusal(signIn(u"nobody"_s, Password)), wrong);
    EXPECT_EQ(refusal(signIn(u"olga"_s, {})), wrong);
    EXPECT_EQ(refusal(signIn(u"tina"_s, Password)), wrong) << "disabled: NOLOGIN";
    ASSERT_TRUE(admin.setActive(AdministrationService::systemActor(), u"tina"_s, true));
    EXPECT_EQ(refusal(signIn(u"tina"_s, Password)), "signed in");
}

TEST_F(SignInOnPostgreSQL, TheOwnerAndLoginsThatAreNoUserAreTurnedAway)
{
    const DatabaseUrl admin = testDb->url();
    auto asOwner = signIn(admin.user, admin.password);
    ASSERT_FALSE(asOwner);
    EXPECT_EQ(asOwner.error().kind, ErrorKind::Forbidden);
    EXPECT_TRUE(asOwner.error().message.contains(u"init-db"_s)) << refusal(asOwner);

    // A login of the server in an operator's group, but no row of users.
    const QString stranger = testDb->url().database + u"_stranger"_s;
    QSqlQuery q(owner->connection());
    ASSERT_TRUE(q.exec(
        u"CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE fouad_operator"_s.arg(stranger, Password)));
    auto notAUser = signIn(stranger, Password);
    q.exec(u"DROP ROLE %1"_s.arg(stranger));
    ASSERT_FALSE(notAUser);
    EXPECT_EQ(notAUser.error().kind, ErrorKind::Forbidden);
    EXPECT_TRUE(notAUser.error().message.contains(u"user add"_s)) << refusal(notAUser);
}

TEST_F(SignInOnPostgreSQL, AnUnreachableServerIsNotAWrongPassword)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    DatabaseUrl away = server;
    away.port = probe.serverPort();
    probe.close(); // nothing listens there now
    auto r = SignIn::connect(away, u"olga"_s, Password);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::Runtime) << refusal(r);
    EXPECT_FALSE(Database::refusedLogin(r.error()));
}

TEST_F(SignInOnPostgreSQL, TheServiceSignsInByTheServersCheckOnTheOwnersConnection)
{
    // A shared connection with its own credentials (issues 2-4): the program's
    // sign-in asks the server whether the login's password is right.
    AdministrationService admin(*owner, clock, 1000);
    EXPECT_TRUE(admin.signIn(u"olga"_s, Password));
    EXPECT_FALSE(admin.signIn(u"olga"_s, u"not her password"_s));
    ASSERT_TRUE(admin.resetPassword(AdministrationService::systemActor(), u"olga"_s,
                                    u"her brand new password"_s));
    EXPECT_FALSE(admin.signIn(u"olga"_s, Password));
    EXPECT_TRUE(admin.signIn(u"olga"_s, u"her brand new password"_s));
    EXPECT_TRUE(signIn(u"olga"_s, u"her brand new password"_s));
}

TEST_F(SignInOnPostgreSQL, AnAdministratorsLoginManagesUsersAndAnOperatorsCannot)
{
    // As the console's Users window does, under each person's own login.
    auto boss = signIn(u"boss"_s, Password);
    ASSERT_TRUE(boss) << refusal(boss);
    AdministrationService asBoss(*boss->database, clock, 1000);
    auto added = asBoss.addUser(boss->user, u"nima"_s, u"نیما"_s, Role::Inspector, Password);
    ASSERT_TRUE(added) << added.error().message.toStdString() << added.error().detail.toStdString();
    EXPECT_TRUE(signIn(u"nima"_s, Password));
    ASSERT_TRUE(asBoss.setRole(boss->user, u"nima"_s, Role::Supervisor));
    auto nima = signIn(u"nima"_s, Password);
    ASSERT_TRUE(nima);
    EXPECT_EQ(nima->user.role, Role::Supervisor);
    ASSERT_TRUE(asBoss.setActive(boss->user, u"nima"_s, false));
    EXPECT_FALSE(signIn(u"nima"_s, Password));
    EXPECT_EQ(asBoss.history(1).value().at(0).actor, u"boss");

    auto olga = signIn(u"olga"_s, Password);
    ASSERT_TRUE(olga);
    AdministrationService asOlga(*olga->database, clock, 1000);
    auto refused = asOlga.addUser(olga->user, u"mallory"_s, {}, Role::Admin, Password);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::Forbidden);
    // Even posing as the administrator, the database says no: olga is no admin login.
    auto posing = asOlga.addUser(boss->user, u"mallory"_s, {}, Role::Admin, Password);
    ASSERT_FALSE(posing);
    EXPECT_EQ(posing.error().kind, ErrorKind::Forbidden) << posing.error().detail.toStdString();
    EXPECT_FALSE(UserRepository(*owner).find(u"mallory"_s));
}

} // namespace
