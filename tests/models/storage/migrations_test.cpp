// Schema 7 (issues 2–4) is released: a database it made upgrades in place, with
// nothing lost, and what it held is found by the new search indexes.
#include "domain/complaintdraft.h"
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/referencerepository.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

const QString Fixtures = QStringLiteral(FOUAD_TEST_DATA_DIR);

// Counts and a digest of every complaint and event, read with plain SQL: the
// same before the upgrade (schema 7) and after it.
struct Snapshot
{
    qint64 complaints = -1;
    qint64 events = -1;
    qint64 users = -1;
    QByteArray digest;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(QSqlDatabase db)
{
    Snapshot snap;
    QSqlQuery q(db);
    auto count = [&](const QString &table) {
        EXPECT_TRUE(q.exec(u"SELECT COUNT(*) FROM "_qs + table))
            << q.lastError().text().toStdString();
        return q.next() ? q.value(0).toLongLong() : -1;
    };
    snap.complaints = count(u"complaints"_qs);
    snap.events = count(u"complaint_events"_qs);
    snap.users = count(u"users"_qs);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    EXPECT_TRUE(
        q.exec(u"SELECT id, tracking_code, received_at, citizen_name, citizen_name_key,"
               " citizen_phone, status, version, due_at, assignee FROM complaints ORDER BY id"_qs));
    while (q.next()) {
        for (int i = 0; i < 10; ++i)
            hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
    }
    EXPECT_TRUE(q.exec(u"SELECT id, complaint_id, at, actor, type, from_status, to_status, data"
                       " FROM complaint_events ORDER BY id"_qs));
    while (q.next()) {
        for (int i = 0; i < 8; ++i)
            hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
    }
    snap.digest = hash.result().toHex();
    return snap;
}

// A raw connection of the test's own, outside Database (which would migrate).
class RawConnection
{
public:
    explicit RawConnection(const DatabaseUrl &url)
    {
        const bool sqlite = url.kind == DatabaseUrl::Kind::SQLite;
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? u"QSQLITE"_qs : u"QPSQL"_qs, m_name);
        if (sqlite) {
            db.setDatabaseName(url.path);
        } else {
            db.setHostName(url.host);
            db.setPort(url.port);
            db.setUserName(url.user);
            db.setPassword(url.password);
            db.setDatabaseName(url.database);
        }
        m_open = db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name = u"schema7-raw"_qs;
    bool m_open = false;
};

class Schema7UpgradeTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        if (GetParam() == Backend::SQLite) {
            ASSERT_TRUE(QFile::copy(Fixtures + u"/schema7.sqlite"_qs, testDb->url().path));
            QFile::setPermissions(testDb->url().path, QFile::ReadOwner | QFile::WriteOwner);
        } else {
            // pg_dump's output, restored as an administrator would.
            const QString psql = QStandardPaths::findExecutable(u"psql"_qs);
            ASSERT_FALSE(psql.isEmpty()) << "psql not found";
            QProcess restore;
            restore.start(psql,
                          { u"-q"_qs, u"-v"_qs, u"ON_ERROR_STOP=1"_qs, u"-f"_qs,
                            Fixtures + u"/schema7.postgresql.sql"_qs, testDb->url().toString() });
            ASSERT_TRUE(restore.waitForFinished(60000));
            ASSERT_EQ(restore.exitCode(), 0) << restore.readAllStandardError().toStdString();
        }
    }

    std::unique_ptr<TestDatabase> testDb;
};

TEST_P(Schema7UpgradeTest, UpgradesInPlaceWithNothingLost)
{
    Snapshot before;
    {
        RawConnection raw(testDb->url());
        ASSERT_TRUE(raw.isOpen());
        QSqlQuery q(raw.db());
        ASSERT_TRUE(q.exec(u"SELECT MAX(version) FROM schema_migrations"_qs) && q.next());
        ASSERT_EQ(q.value(0).toInt(), 7); // the fixture really is schema 7
        before = snapshot(raw.db());
    }
    ASSERT_EQ(before.complaints, 201);

    auto opened = Database::open(testDb->url()); // what init-db and the console do
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    auto db = opened.value();
    EXPECT_EQ(db->schemaVersion(), Migrations::latestVersion());
    EXPECT_EQ(snapshot(db->connection()), before);

    // Old rows are in the new indexes: by name typed with Arabic letters, by a
    // phone part, by a code prefix.
    ComplaintRepository repo(*db);
    repo.setSearchLimits({ 0, 10 }); // through the trigram index, not a walk
    ComplaintQuery query;
    query.search = s(u"علي كريمي");
    auto found = repo.list(query);
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    QStringList codes;
    for (const Complaint &c : found.value()) {
        EXPECT_EQ(c.citizen.name, s(u"علی کریمی"));
        codes << c.trackingCode;
    }
    EXPECT_TRUE(codes.contains(s(u"10002010"))) << codes.join(u' ').toStdString();
    query.search = s(u"021 8877 66");
    found = repo.list(query);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1);
    EXPECT_EQ(found->constFirst().trackingCode, s(u"10002010"));
    EXPECT_EQ(found->constFirst().status, Status::Referred);
    query.search = s(u"1000");
    query.limit = -1;
    found = repo.list(query);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->size(), 201); // every code starts 1000…

    // And new complaints join them.
    const auto catalog = ReferenceRepository(*db).load();
    ASSERT_TRUE(catalog.ok());
    ComplaintDraft d = sampleDraft();
    d.citizenName = s(u"ناصر خسروی");
    ASSERT_TRUE(IntakeService(*db, catalog.value()).registerComplaint(d).ok());
    query.search = s(u"خسرو");
    query.limit = 50;
    found = repo.list(query);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->size(), 1);

    // A second start changes nothing.
    db.reset();
    auto again = Database::open(testDb->url());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value()->schemaVersion(), Migrations::latestVersion());
}

INSTANTIATE_TEST_SUITE_P(Backends, Schema7UpgradeTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param); });

} // namespace
