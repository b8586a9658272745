// Database errors in words for the person at the desk, the driver's text kept
// as the detail; a connection that cannot be opened is reported, not lost.
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace fouad;
using namespace fouad::test;

namespace {

TEST(SqlError, ALostConnectionIsSaidInWordsWithTheDriversTextAsDetail)
{
    const Error e = sqlError(QSqlError(QStringLiteral("QPSQL: Unable to connect"),
                                       QStringLiteral("could not connect to server: refused"),
                                       QSqlError::ConnectionError));
    EXPECT_EQ(e.kind, ErrorKind::Runtime);
    EXPECT_FALSE(e.message.isEmpty());
    EXPECT_FALSE(e.message.contains(QStringLiteral("refused"))) << e.message.toStdString();
    EXPECT_TRUE(e.detail.contains(QStringLiteral("could not connect to server: refused")))
        << e.detail.toStdString();

    // The PostgreSQL driver reports a server gone mid-session as a statement error.
    const Error dropped = sqlError(QSqlError(
        QStringLiteral("QPSQL: Unable to create query"),
        QStringLiteral("server closed the connection unexpectedly"), QSqlError::StatementError));
    EXPECT_EQ(dropped.message, e.message);
    EXPECT_TRUE(dropped.detail.contains(QStringLiteral("server closed")));
}

TEST(SqlError, AnyOtherFailureIsSaidInWordsWithTheDriversTextAsDetail)
{
    const Error e = sqlError(QSqlError(QStringLiteral("Unable to fetch row"),
                                       QStringLiteral("no such column: tracking_kode"),
                                       QSqlError::StatementError));
    EXPECT_FALSE(e.message.contains(QStringLiteral("tracking_kode"))) << e.message.toStdString();
    EXPECT_NE(e.message, sqlError(QSqlError({}, {}, QSqlError::ConnectionError)).message);
    EXPECT_TRUE(e.detail.contains(QStringLiteral("no such column: tracking_kode")));
}

TEST(Database, AConnectionThatCannotOpenIsReportedOnItsThread)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("data"));
    auto opened = Database::open(DatabaseUrl::sqlite(folder + QStringLiteral("/fouad.db")));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::shared_ptr<Database> db = opened.value();
    ASSERT_TRUE(db->connect().ok());

    // The folder becomes a file: no other thread can open the database now.
    ASSERT_TRUE(QDir(folder).removeRecursively());
    QFile blocker(folder);
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    Error connectError;
    Error statementError;
    bool connected = true;
    bool listed = true;
    std::thread other([&] {
        auto c = db->connect();
        connected = c.ok();
        if (!c)
            connectError = c.error();
        auto rows = ComplaintRepository(*db).list({});
        listed = rows.ok();
        if (!rows)
            statementError = rows.error();
        QSqlDatabase::removeDatabase(db->connection().connectionName());
    });
    other.join();
    EXPECT_FALSE(connected);
    EXPECT_FALSE(connectError.detail.isEmpty());
    EXPECT_FALSE(listed);
    // The statement says the database is out of reach, and why, not nothing.
    const Error lost = sqlError(QSqlError({}, {}, QSqlError::ConnectionError));
    EXPECT_EQ(statementError.message, lost.message) << statementError.message.toStdString();
    EXPECT_EQ(statementError.detail, connectError.detail) << statementError.detail.toStdString();
}

TEST(Database, AFailedConnectionIsTriedAgainAfterAWhileNotOnEveryStatement)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("data"));
    auto db = Database::open(DatabaseUrl::sqlite(folder + QStringLiteral("/fouad.db"))).value();
    ASSERT_TRUE(QDir(folder).removeRecursively());
    QFile blocker(folder);
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    bool failedFirst = false;
    bool stillFailedAtOnce = false;
    bool openedLater = false;
    bool listedLater = false;
    std::thread other([&] {
        failedFirst = !db->connect().ok();
        // The way is clear again, but the next try waits its turn.
        QFile::remove(folder);
        QDir().mkpath(folder);
        stillFailedAtOnce = !db->connect().ok();
        std::this_thread::sleep_for(std::chrono::milliseconds(Database::ReconnectAfterMs + 200));
        openedLater = db->connect().ok();
        // (A new, empty file: the folder was lost, so a statement of its own.)
        listedLater = QSqlQuery(db->connection()).exec(QStringLiteral("SELECT 1"));
        const QString name = db->connection().connectionName();
        db->connection().close();
        QSqlDatabase::removeDatabase(name);
    });
    other.join();
    EXPECT_TRUE(failedFirst);
    EXPECT_TRUE(stillFailedAtOnce);
    EXPECT_TRUE(openedLater);
    EXPECT_TRUE(listedLater);
}

} // namespace
