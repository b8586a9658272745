// Signing in (UserRepository::authenticate) on real databases: the lockout after
// five wrong passwords, and what a failure says.
#include "auth/passwordhasher.h"
#include "storage/database.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

class UserRepositoryTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        // A cheap hash: the cost is PasswordHasher's own test.
        auto added = addTestUser(*db, s(u"op"), Role::Operator, clock.nowUtc());
        ASSERT_TRUE(added.ok()) << added.error().message.toStdString() << " "
                                << added.error().detail.toStdString();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    MockClock clock;
};

TEST_P(UserRepositoryTest, LoginLocksAfterFiveWrongPasswords)
{
    if (GetParam() == Backend::PostgreSQL)
        GTEST_SKIP() << "on PostgreSQL the login's password is the server's (SignIn)";
    UserRepository users(*db);
    EXPECT_TRUE(users.authenticate(s(u"op"), s(u"a-long-password"), clock.nowUtc()).ok());
    EXPECT_EQ(users.authenticate(s(u"ghost"), s(u"a-long-password"), clock.nowUtc()).error().kind,
              ErrorKind::Forbidden);
    for (int i = 0; i < UserRepository::MaxFailedLogins; ++i)
        EXPECT_FALSE(users.authenticate(s(u"op"), s(u"wrong password!"), clock.nowUtc()).ok());
    // Locked: even the right password is refused.
    EXPECT_FALSE(users.authenticate(s(u"op"), s(u"a-long-password"), clock.nowUtc()).ok());
    clock.advanceSecs(UserRepository::LockoutMinutes * 60 - 10);
    EXPECT_FALSE(users.authenticate(s(u"op"), s(u"a-long-password"), clock.nowUtc()).ok());
    clock.advanceSecs(20);
    EXPECT_TRUE(users.authenticate(s(u"op"), s(u"a-long-password"), clock.nowUtc()).ok());
    // Four wrong then a right one: the count starts over.
    for (int i = 0; i < UserRepository::MaxFailedLogins - 1; ++i)
        EXPECT_FALSE(users.authenticate(s(u"op"), s(u"wrong password!"), clock.nowUtc()).ok());
    EXPECT_TRUE(users.authenticate(s(u"op"), s(u"a-long-password"), clock.nowUtc()).ok());
    EXPECT_FALSE(users.authenticate(s(u"op"), s(u"wrong password!"), clock.nowUtc()).ok());
    EXPECT_TRUE(users.authenticate(s(u"op"), s(u"a-long-password"), clock.nowUtc()).ok());
}

TEST_P(UserRepositoryTest, AFailureNeverSaysWhetherTheNameExists)
{
    UserRepository users(*db);
    const auto unknown = users.authenticate(s(u"ghost"), s(u"a-long-password"), clock.nowUtc());
    const auto wrong = users.authenticate(s(u"op"), s(u"wrong password!"), clock.nowUtc());
    ASSERT_FALSE(unknown.ok());
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(unknown.error().kind, wrong.error().kind);
    EXPECT_EQ(unknown.error().message, wrong.error().message);
}

INSTANTIATE_TEST_SUITE_P(Backends, UserRepositoryTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
