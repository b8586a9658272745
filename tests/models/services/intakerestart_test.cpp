// Registering across a PostgreSQL restart, on the same Database the whole time
// (as the console keeps it). It stops the server, so it runs under a
// with-postgres of its own (tests/CMakeLists.txt), never the shared one.
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

bool control(const char *command)
{
    return QProcess::execute(qEnvironmentVariable("FOUAD_TEST_PG_CONTROL"),
                             { QString::fromLatin1(command) })
        == 0;
}

qint64 count(Database &db, const QString &where)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM complaints WHERE ") + where) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

TEST(IntakeRestart, ASaveAfterAServerRestartSucceedsOnTheSameDatabaseExactlyOnce)
{
    if (qEnvironmentVariableIsEmpty("FOUAD_TEST_PG_CONTROL"))
        GTEST_SKIP() << "FOUAD_TEST_PG_CONTROL is not set (run under scripts/with-postgres)";
    QString whyNot;
    auto testDb = TestDatabase::create(Backend::PostgreSQL, &whyNot);
    ASSERT_TRUE(testDb) << whyNot.toStdString();
    MockClock clock;
    auto db = Database::open(testDb->url());
    ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
    auto catalog = ReferenceRepository(*db.value()).load();
    ASSERT_TRUE(catalog.ok());
    IntakeService intake(*db.value(), catalog.value(), clock);
    // Its statements are prepared on the connection the restart kills.
    ASSERT_TRUE(intake.registerComplaint(sampleDraft()).ok());

    ASSERT_TRUE(control("stop"));
    ComplaintDraft typed = sampleDraft();
    typed.clientKey = QStringLiteral("a1b2c3d4-0000-4000-8000-restart00001");
    auto whileDown = intake.registerComplaint(typed);
    ASSERT_FALSE(whileDown.ok());
    EXPECT_EQ(whileDown.error().message,
              sqlError(QSqlError({}, {}, QSqlError::ConnectionError)).message)
        << whileDown.error().message.toStdString();
    ASSERT_TRUE(control("start"));

    // The console's retries: the same draft, the same key, the same Database.
    Result<Complaint> saved = whileDown.error();
    QElapsedTimer waited;
    waited.start();
    int attempts = 0;
    while (!saved && !waited.hasExpired(20000)) {
        QThread::msleep(200);
        ++attempts;
        saved = intake.registerComplaint(typed);
    }
    ASSERT_TRUE(saved.ok()) << attempts << " attempts: " << saved.error().message.toStdString()
                            << " / " << saved.error().detail.toStdString();
    // Back at once: the first try after the restart or the one after it.
    EXPECT_LE(attempts, 10);
    auto again = intake.registerComplaint(typed);
    ASSERT_TRUE(again.ok()) << again.error().detail.toStdString();
    EXPECT_EQ(again->trackingCode, saved->trackingCode);
    EXPECT_EQ(count(*db.value(), QStringLiteral("client_key IS NOT NULL")), 1);
    EXPECT_EQ(count(*db.value(), QStringLiteral("TRUE")), 2);
    // And keyless saves work again too.
    EXPECT_TRUE(intake.registerComplaint(sampleDraft()).ok());
    EXPECT_EQ(count(*db.value(), QStringLiteral("TRUE")), 3);
}

// A transaction the server dropped in the middle is not committed, and the
// connection is not reopened under it (the rest would run outside it).
TEST(IntakeRestart, ATransactionCutByARestartCommitsNothing)
{
    if (qEnvironmentVariableIsEmpty("FOUAD_TEST_PG_CONTROL"))
        GTEST_SKIP() << "FOUAD_TEST_PG_CONTROL is not set (run under scripts/with-postgres)";
    QString whyNot;
    auto testDb = TestDatabase::create(Backend::PostgreSQL, &whyNot);
    ASSERT_TRUE(testDb) << whyNot.toStdString();
    auto db = Database::open(testDb->url());
    ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
    Database &database = *db.value();
    {
        Transaction tx(database);
        ASSERT_TRUE(tx.begin().ok());
        QSqlQuery q(database.connection());
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE config_version SET version = version + 100")));
        ASSERT_TRUE(control("stop"));
        ASSERT_TRUE(control("start"));
        QSqlQuery lost(database.connection());
        EXPECT_FALSE(lost.exec(QStringLiteral("UPDATE config_version SET version = version + 1")));
        (void)sqlError(lost.lastError());
        // Within the same transaction: not reopened, so this cannot run alone.
        QSqlQuery next(database.connection());
        EXPECT_FALSE(next.exec(QStringLiteral("UPDATE config_version SET version = version + 1")));
        EXPECT_FALSE(tx.commit().ok());
    }
    QElapsedTimer waited;
    waited.start();
    while (!database.reconnect().ok() && !waited.hasExpired(10000))
        QThread::msleep(200);
    QSqlQuery read(database.connection());
    ASSERT_TRUE(read.exec(QStringLiteral("SELECT version FROM config_version")) && read.next())
        << read.lastError().text().toStdString();
    EXPECT_LT(read.value(0).toLongLong(), 100);
}

} // namespace
