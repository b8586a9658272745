// Migrations: migration 3 writes the SLA defaults from the core's one definition
// of each, as schema 3 was released with them; and schema 7 (issues 2-4) is
// released: a database it made upgrades in place with nothing lost, and what it
// held is found by the new search indexes.
#include "domain/complaintdraft.h"
#include "domain/referencedata.h"
#include "services/intakeservice.h"
#include "sla/holidays.h"
#include "sla/slapolicy.h"
#include "sla/workcalendar.h"
#include "storage/calendarrepository.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "storage/statsrepository.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

class MigrationsTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
    }

    // Every row of a query, each as its columns joined by '|'.
    QStringList rows(const QString &sql)
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        QStringList out;
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i)
                columns << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out << columns.join(u'|');
        }
        return out;
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
};

TEST_P(MigrationsTest, AFreshDatabaseHoldsTheCoreDefaults)
{
    const SlaConfig config = SlaRepository(*db).load().value();
    EXPECT_EQ(config.ladder(), EscalationRung::defaultLadder());

    const ReferenceCatalog catalog = ReferenceCatalog::builtIn();
    ASSERT_FALSE(catalog.categories().isEmpty());
    for (const Category &c : catalog.categories())
        EXPECT_EQ(config.policyFor(c.code, {}), SlaPolicy::defaultFor(c.urgent))
            << c.code.toStdString();
    // One policy a category, none per province: policyFor above did not fall back.
    EXPECT_EQ(rows(QStringLiteral("SELECT category_code FROM sla_policies")).size(),
              catalog.categories().size());

    CalendarRepository calendars(*db);
    EXPECT_EQ(calendars.hours(QStringLiteral("default")).value(), WorkCalendar::officeWeek());
    const QList<Holiday> holidays = calendars.holidays(QStringLiteral("default")).value();
    ASSERT_EQ(holidays.size(), Holidays::fixedSolar().size());
    for (qsizetype i = 0; i < holidays.size(); ++i) {
        const Holiday &stored = holidays[i];
        const Holiday &core = Holidays::fixedSolar()[i];
        EXPECT_EQ(stored.jalaliYear, core.jalaliYear);
        EXPECT_EQ(stored.jalaliMonth, core.jalaliMonth);
        EXPECT_EQ(stored.jalaliDay, core.jalaliDay);
        EXPECT_EQ(stored.name, core.name);
        EXPECT_EQ(stored.confirmed, core.confirmed);
    }
}

// Schema 3 is released: these are its rows as issue 4 shipped them, written out
// here once more on purpose. A changed default belongs in a new migration.
TEST_P(MigrationsTest, SchemaThreeRowsAreTheReleasedOnes)
{
    QStringList policies;
    const ReferenceCatalog catalog = ReferenceCatalog::builtIn();
    for (const Category &c : catalog.categories())
        policies << c.code
                + (c.urgent ? QStringLiteral("|NULL|5400|1|10800|1|10800|1")
                            : QStringLiteral("|NULL|86400|0|172800|0|86400|0"));
    policies.sort();
    EXPECT_EQ(rows(QStringLiteral(
                  "SELECT category_code, province_code, ack_seconds, ack_working, resolve_seconds,"
                  " resolve_working, verify_seconds, verify_working FROM sla_policies"
                  " ORDER BY category_code")),
              policies);
    EXPECT_EQ(rows(QStringLiteral("SELECT level, fraction, only_if_unacknowledged, notify"
                                  " FROM escalation_ladder ORDER BY level")),
              (QStringList { QStringLiteral("1|0.5|1|agency manager"),
                             QStringLiteral("2|1|0|centre supervisor, provincial manager"),
                             QStringLiteral("3|2|0|inspection headquarters") }));
    EXPECT_EQ(rows(QStringLiteral("SELECT code, name, time_zone, all_day FROM calendars"
                                  " ORDER BY code")),
              (QStringList {
                  QStringLiteral("24x7|Around the clock|Asia/Tehran|1"),
                  QStringLiteral("default|Saturday to Wednesday 07:00-14:00|Asia/Tehran|0") }));
    EXPECT_EQ(
        rows(QStringLiteral("SELECT calendar_code, weekday, start_minute, end_minute"
                            " FROM calendar_hours ORDER BY weekday")),
        (QStringList { QStringLiteral("default|1|420|840"), QStringLiteral("default|2|420|840"),
                       QStringLiteral("default|3|420|840"), QStringLiteral("default|6|420|840"),
                       QStringLiteral("default|7|420|840") }));
    // Ids as migration 5 numbered them, in the order migration 3 wrote them.
    EXPECT_EQ(rows(QStringLiteral("SELECT id, calendar_code, jalali_year, jalali_month, jalali_day,"
                                  " name, confirmed FROM calendar_holidays ORDER BY id")),
              (QStringList { QStringLiteral("1|default|NULL|1|1|Nowruz|1"),
                             QStringLiteral("2|default|NULL|1|2|Nowruz|1"),
                             QStringLiteral("3|default|NULL|1|3|Nowruz|1"),
                             QStringLiteral("4|default|NULL|1|4|Nowruz|1"),
                             QStringLiteral("5|default|NULL|1|12|Islamic Republic Day|1"),
                             QStringLiteral("6|default|NULL|1|13|Nature Day|1"),
                             QStringLiteral("7|default|NULL|3|14|Khomeini death|1"),
                             QStringLiteral("8|default|NULL|3|15|15 Khordad uprising|1"),
                             QStringLiteral("9|default|NULL|11|22|Revolution Day|1"),
                             QStringLiteral("10|default|NULL|12|29|Oil nationalisation|1") }));
}

// A step that fails half-way leaves the database as it was: its table, its new
// column and its row changes are gone, the version is the one before, and the
// next start tries it again (issue 11).
TEST_P(MigrationsTest, AFailingStepLeavesTheDatabaseAsItWas)
{
    IntakeService intake(*db, ReferenceRepository(*db).load().value());
    ASSERT_TRUE(intake.registerComplaint(sampleDraft()).ok());
    const QStringList complaintsBefore = rows(QStringLiteral("SELECT * FROM complaints"));
    const QStringList tablesBefore =
        rows(GetParam() == Backend::SQLite
                 ? QStringLiteral("SELECT name FROM sqlite_master ORDER BY name")
                 : QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = "
                                  "current_schema() ORDER BY tablename"));
    const int version = Migrations::currentVersion(*db);

    const Migrations::ExtraStep failing {
        version + 1,
        QStringLiteral("a step that breaks half-way"),
        {
            QStringLiteral("CREATE TABLE half_done (x INTEGER)"),
            QStringLiteral("INSERT INTO half_done VALUES (1)"),
            QStringLiteral("ALTER TABLE complaints ADD COLUMN half_done TEXT"),
            QStringLiteral("UPDATE complaints SET status = 'closed', citizen_name = 'x'"),
            QStringLiteral("CREATE INDEX complaints_half_done ON complaints (half_done)"),
            QStringLiteral("SELECT no_such_column FROM complaints"),
        },
    };
    auto applied = Migrations::apply(*db, { failing });
    ASSERT_FALSE(applied.ok());

    EXPECT_EQ(Migrations::currentVersion(*db), version);
    EXPECT_EQ(rows(QStringLiteral("SELECT * FROM complaints")), complaintsBefore);
    EXPECT_EQ(rows(GetParam() == Backend::SQLite
                       ? QStringLiteral("SELECT name FROM sqlite_master ORDER BY name")
                       : QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = "
                                        "current_schema() ORDER BY tablename")),
              tablesBefore);

    // Mended, the same step applies, once.
    Migrations::ExtraStep mended = failing;
    mended.statements.removeLast();
    ASSERT_TRUE(Migrations::apply(*db, { mended }).ok());
    EXPECT_EQ(Migrations::currentVersion(*db), version + 1);
    EXPECT_EQ(rows(QStringLiteral("SELECT x FROM half_done")), QStringList { QStringLiteral("1") });
    ASSERT_TRUE(Migrations::apply(*db, { mended }).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT x FROM half_done")), QStringList { QStringLiteral("1") });
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace

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

    // Migration 18 settled the resolution figures of the old complaints from
    // their history, as every writer now keeps them.
    {
        auto sla = SlaRepository(*db).load();
        ASSERT_TRUE(sla.ok());
        ComplaintQuery everything;
        auto all = repo.list(everything);
        ASSERT_TRUE(all.ok());
        int resolved = 0;
        for (const Complaint &stored : all.value()) {
            Complaint c = repo.findByCode(stored.trackingCode).value();
            Complaint expected = c;
            sla->settleResolution(expected);
            EXPECT_EQ(c.resolvedAt, expected.resolvedAt) << c.trackingCode.toStdString();
            EXPECT_EQ(c.resolutionSeconds, expected.resolutionSeconds);
            EXPECT_EQ(c.resolvedWithinTarget, expected.resolvedWithinTarget);
            EXPECT_EQ(c.reopenCount, expected.reopenCount);
            resolved += c.resolvedAt.isValid() ? 1 : 0;
        }
        EXPECT_GT(resolved, 0) << "the fixture holds fixed complaints";
    }

    // Migration 21 summed the old complaints per day: the figures read from the
    // summary equal those read from the complaints (a period starting a second
    // after the epoch is not whole days, so it takes the complaints' road).
    {
        StatsFilter rows;
        rows.from = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
        auto fromSummary = StatsRepository(*db).keyFigures({});
        auto fromComplaints = StatsRepository(*db).keyFigures(rows);
        ASSERT_TRUE(fromSummary.ok() && fromComplaints.ok());
        EXPECT_EQ(fromSummary->total, 201);
        EXPECT_EQ(fromSummary->toJson(), fromComplaints->toJson());
    }

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
                         [](const auto &p) { return backendName(p.param); });

} // namespace
