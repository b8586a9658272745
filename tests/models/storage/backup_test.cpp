// Backups and restores (issue 11) on SQLite and PostgreSQL: every table comes
// back row for row, a backup taken while a console keeps writing is one
// consistent state, a restore refuses a database that holds complaints, a
// failed one leaves the target as it was, an old backup is migrated, and
// PostgreSQL logins missing on the target server are recreated NOLOGIN.
#include "storage/backup.h"

#include "domain/complaintdraft.h"
#include "seed/demoseeder.h"
#include "services/administrationservice.h"
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>
#include <thread>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

const QString Fixtures = QStringLiteral(FOUAD_TEST_DATA_DIR);

// Each table's rows, digested in the order of all their columns: equal maps
// mean equal databases.
std::map<std::string, std::string> digests(Database &database)
{
    std::map<std::string, std::string> out;
    auto counts = DatabaseBackup::countsOf(database);
    EXPECT_TRUE(counts.ok());
    if (!counts)
        return out;
    QSqlQuery q(database.connection());
    for (const auto &[table, rows] : counts->tables) {
        if (table == u"schema_migrations")
            continue; // applied_at differs by design after a migrating restore
        EXPECT_TRUE(q.exec(u"SELECT * FROM \"%1\" LIMIT 0"_s.arg(table))) << table.toStdString();
        QStringList order;
        for (int i = 1; i <= q.record().count(); ++i)
            order << QString::number(i);
        EXPECT_TRUE(q.exec(u"SELECT * FROM \"%1\" ORDER BY %2"_s.arg(table, order.join(u','))))
            << table.toStdString() << q.lastError().text().toStdString();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
            hash.addData("\n");
        }
        out[QString(table + u':' + QString::number(rows)).toStdString()] =
            hash.result().toHex().toStdString();
    }
    return out;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString() << q.lastError().text().toStdString();
    return q.value(0).toLongLong();
}

class BackupTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(source, GetParam());
        FOUAD_MAKE_TEST_DATABASE(target, GetParam());
        ASSERT_TRUE(dir.isValid());
        auto opened = Database::open(source->url());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = opened.value();
        catalog = ReferenceRepository(*db).load().value();
        DemoSeeder::Options options;
        options.count = 300;
        options.days = 20;
        auto seeded = DemoSeeder(*db, catalog, clock).run(options);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
        ASSERT_TRUE(addTestUser(*db, u"backup_operator"_s, Role::Operator, clock.nowUtc()).ok());
    }

    bool sqlite() const { return GetParam() == Backend::SQLite; }
    QString file(const QString &name) const { return dir.filePath(name); }

    Result<DatabaseBackup::Written> backupTo(const QString &name)
    {
        return DatabaseBackup::backup(*db, file(name));
    }

    std::unique_ptr<TestDatabase> source;
    std::unique_ptr<TestDatabase> target;
    QTemporaryDir dir;
    MockClock clock;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
};

TEST_P(BackupTest, RestoresEveryTableRowForRow)
{
    auto written = backupTo(u"centre.backup"_s);
    ASSERT_TRUE(written.ok()) << written.error().message.toStdString() << " "
                              << written.error().detail.toStdString();
    EXPECT_EQ(written->counts.complaints(), 300);
    EXPECT_EQ(written->counts.complaints(), scalar(*db, u"SELECT COUNT(*) FROM complaints"_s));
    EXPECT_EQ(written->counts.events(), scalar(*db, u"SELECT COUNT(*) FROM complaint_events"_s));
    EXPECT_GT(written->counts.settings(), 0);
    EXPECT_EQ(written->counts.schemaVersion, Migrations::latestVersion());
    EXPECT_GT(written->bytes, 0);
    EXPECT_FALSE(QFile::exists(file(u"centre.backup.part"_s)));

    auto restored = DatabaseBackup::restore(target->url(), file(u"centre.backup"_s), false);
    ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString() << " "
                               << restored.error().detail.toStdString();
    EXPECT_FALSE(restored->replaced);
    EXPECT_EQ(restored->counts.tables, written->counts.tables);

    auto back = Database::open(target->url());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(digests(*back.value()), digests(*db));
    // The restored centre works: a new complaint gets the next number.
    IntakeService intake(*back.value(), catalog, clock);
    auto added = intake.registerComplaint(sampleDraft());
    ASSERT_TRUE(added.ok()) << added.error().message.toStdString() << " "
                            << added.error().detail.toStdString();
    EXPECT_GT(added->id, scalar(*db, u"SELECT MAX(id) FROM complaints"_s));
}

TEST_P(BackupTest, RefusesADatabaseThatHoldsComplaintsUnlessReplacing)
{
    ASSERT_TRUE(backupTo(u"centre.backup"_s).ok());
    {
        auto other = Database::open(target->url());
        ASSERT_TRUE(other.ok());
        IntakeService intake(*other.value(), catalog, clock);
        ASSERT_TRUE(intake.registerComplaint(sampleDraft()).ok());
        ASSERT_TRUE(intake.registerComplaint(sampleDraft()).ok());
    }
    auto refused = DatabaseBackup::restore(target->url(), file(u"centre.backup"_s), false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(refused.error().field, u"--db"_s);
    {
        auto other = Database::open(target->url());
        ASSERT_TRUE(other.ok());
        EXPECT_EQ(scalar(*other.value(), u"SELECT COUNT(*) FROM complaints"_s), 2);
    }
    auto replaced = DatabaseBackup::restore(target->url(), file(u"centre.backup"_s), true);
    ASSERT_TRUE(replaced.ok()) << replaced.error().message.toStdString() << " "
                               << replaced.error().detail.toStdString();
    EXPECT_TRUE(replaced->replaced);
    EXPECT_EQ(replaced->counts.complaints(), 300);
    auto back = Database::open(target->url());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(digests(*back.value()), digests(*db));
}

TEST_P(BackupTest, AFailedRestoreLeavesTheTargetAsItWas)
{
    ASSERT_TRUE(backupTo(u"centre.backup"_s).ok());
    // A backup damaged on its way: its middle overwritten, its beginning intact,
    // so the restore gets as far as it can before it finds out.
    QFile whole(file(u"centre.backup"_s));
    ASSERT_TRUE(whole.open(QIODevice::ReadOnly));
    QByteArray bytes = whole.readAll();
    bytes.replace(bytes.size() * 3 / 5, 8192, QByteArray(8192, '\x5a'));
    QFile cut(file(u"cut.backup"_s));
    ASSERT_TRUE(cut.open(QIODevice::WriteOnly));
    cut.write(bytes);
    cut.close();
    std::map<std::string, std::string> before;
    {
        auto other = Database::open(target->url());
        ASSERT_TRUE(other.ok());
        IntakeService intake(*other.value(), catalog, clock);
        ASSERT_TRUE(intake.registerComplaint(sampleDraft()).ok());
        before = digests(*other.value());
    }
    auto failed = DatabaseBackup::restore(target->url(), file(u"cut.backup"_s), true);
    ASSERT_FALSE(failed.ok());
    auto other = Database::open(target->url());
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    EXPECT_EQ(digests(*other.value()), before);

    // Not a backup at all: refused before anything is touched.
    QFile text(file(u"notes.txt"_s));
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.write("not a backup\n");
    text.close();
    auto refused = DatabaseBackup::restore(target->url(), file(u"notes.txt"_s), true);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(digests(*other.value()), before);
}

// Another connection registers complaints the whole time the backup runs: the
// backup is one state of the database, each complaint with its history.
TEST_P(BackupTest, ABackupWhileAConsoleWritesIsOneConsistentState)
{
    const qint64 before = scalar(*db, u"SELECT COUNT(*) FROM complaints"_s);
    std::atomic<bool> stop = false;
    std::atomic<int> written = 0;
    std::thread writer([&] {
        auto other = Database::open(source->url());
        if (!other)
            return;
        IntakeService intake(*other.value(), catalog, clock);
        while (!stop) {
            if (intake.registerComplaint(sampleDraft()).ok())
                ++written;
        }
        other.value()->closeConnection();
    });
    while (written < 5)
        std::this_thread::yield();
    auto backup = backupTo(u"busy.backup"_s);
    const int atBackup = written;
    while (written < atBackup + 5)
        std::this_thread::yield();
    stop = true;
    writer.join();
    ASSERT_TRUE(backup.ok()) << backup.error().message.toStdString() << " "
                             << backup.error().detail.toStdString();
    const qint64 after = scalar(*db, u"SELECT COUNT(*) FROM complaints"_s);
    EXPECT_GT(backup->counts.complaints(), before);
    EXPECT_LT(backup->counts.complaints(), after);

    auto restored = DatabaseBackup::restore(target->url(), file(u"busy.backup"_s), false);
    ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString() << " "
                               << restored.error().detail.toStdString();
    EXPECT_EQ(restored->counts.complaints(), backup->counts.complaints());
    EXPECT_EQ(restored->counts.events(), backup->counts.events());
    auto back = Database::open(target->url());
    ASSERT_TRUE(back.ok());
    // Every complaint came with its registration, and no event without its complaint.
    EXPECT_EQ(scalar(*back.value(),
                     u"SELECT COUNT(*) FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM"
                     " complaint_events e WHERE e.complaint_id = c.id)"_s),
              0);
    EXPECT_EQ(scalar(*back.value(),
                     u"SELECT COUNT(*) FROM complaint_events e WHERE NOT EXISTS (SELECT 1 FROM"
                     " complaints c WHERE c.id = e.complaint_id)"_s),
              0);
}

// A database of the first released schema, backed up as it is (no migration)
// and restored: it comes back at this program's schema with nothing lost.
TEST_P(BackupTest, AnOldDatabaseIsBackedUpAsItIsAndMigratedOnRestore)
{
    std::unique_ptr<TestDatabase> old;
    FOUAD_MAKE_TEST_DATABASE(old, GetParam());
    if (sqlite()) {
        ASSERT_TRUE(QFile::copy(Fixtures + u"/schema7.sqlite"_qs, old->url().path));
        QFile::setPermissions(old->url().path, QFile::ReadOwner | QFile::WriteOwner);
    } else {
        QProcess psql;
        psql.start(QStandardPaths::findExecutable(u"psql"_s),
                   { u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-f"_s,
                     Fixtures + u"/schema7.postgresql.sql"_s, old->url().toString() });
        ASSERT_TRUE(psql.waitForFinished(60000));
        ASSERT_EQ(psql.exitCode(), 0) << psql.readAllStandardError().toStdString();
    }
    qint64 complaints = 0;
    {
        auto asIs = Database::open(old->url(), Database::Access::ReadOnly, Database::Schema::AsIs);
        ASSERT_TRUE(asIs.ok()) << asIs.error().message.toStdString();
        auto written = DatabaseBackup::backup(*asIs.value(), file(u"schema7.backup"_s));
        ASSERT_TRUE(written.ok()) << written.error().message.toStdString() << " "
                                  << written.error().detail.toStdString();
        EXPECT_EQ(written->counts.schemaVersion, 7);
        complaints = written->counts.complaints();
        EXPECT_GT(complaints, 0);
        EXPECT_EQ(asIs.value()->schemaVersion(), 7); // backed up, not upgraded
    }
    auto restored = DatabaseBackup::restore(target->url(), file(u"schema7.backup"_s), false);
    ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString() << " "
                               << restored.error().detail.toStdString();
    EXPECT_EQ(restored->backupSchemaVersion, 7);
    EXPECT_EQ(restored->counts.schemaVersion, Migrations::latestVersion());
    EXPECT_EQ(restored->counts.complaints(), complaints);
}

TEST_P(BackupTest, ABackupOfTheOtherKindIsRefusedNamingIt)
{
    // An SQLite backup into PostgreSQL and the other way round.
    QString other;
    if (sqlite()) {
        QFile dump(file(u"fake.dump"_s));
        ASSERT_TRUE(dump.open(QIODevice::WriteOnly));
        dump.write("PGDMP\x01\x0e\x00");
        other = dump.fileName();
    } else {
        other = Fixtures + u"/schema7.sqlite"_s;
    }
    auto refused = DatabaseBackup::restore(target->url(), other, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(refused.error().field, u"FILE"_s);
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

// PostgreSQL only: the tools and the logins.
class PgBackupTest : public BackupTest
{
};

TEST_P(PgBackupTest, WithoutPgDumpTheBackupFailsNamingItAndWritesNothing)
{
    qputenv("FOUAD_PG_BINDIR", "/nonexistent");
    auto written = backupTo(u"none.backup"_s);
    qunsetenv("FOUAD_PG_BINDIR");
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().kind, ErrorKind::Runtime);
    EXPECT_TRUE(written.error().message.contains(u"pg_dump"_s))
        << written.error().message.toStdString();
    EXPECT_FALSE(QFile::exists(file(u"none.backup"_s)));
    EXPECT_FALSE(QFile::exists(file(u"none.backup.part"_s)));
}

TEST_P(PgBackupTest, MissingLoginsAreRecreatedWithoutAPasswordAndListed)
{
    ASSERT_TRUE(backupTo(u"centre.backup"_s).ok());
    // Another server: the login is not there (dropped here, as pg_dump carries none).
    {
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(u"DROP ROLE backup_operator"_s)) << q.lastError().text().toStdString();
    }
    auto restored = DatabaseBackup::restore(target->url(), file(u"centre.backup"_s), false);
    ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString() << " "
                               << restored.error().detail.toStdString();
    EXPECT_EQ(restored->recreatedLogins, QStringList { u"backup_operator"_s });
    auto back = Database::open(target->url());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(scalar(*back.value(),
                     u"SELECT COUNT(*) FROM pg_roles WHERE rolname = 'backup_operator'"
                     " AND NOT rolcanlogin AND pg_has_role('backup_operator', 'fouad_operator',"
                     " 'MEMBER')"_s),
              1);
    // No one signs in as it until an administrator sets its password; then they can.
    EXPECT_FALSE(back.value()->verifyLogin(u"backup_operator"_s, u"a-long-password"_s).ok());
    AdministrationService admin(*back.value(), clock);
    ASSERT_TRUE(addTestUser(*back.value(), u"backup_admin"_s, Role::Admin, clock.nowUtc()).ok());
    auto adminUser = UserRepository(*back.value()).find(u"backup_admin"_s);
    ASSERT_TRUE(adminUser.ok());
    auto reset =
        admin.resetPassword(adminUser.value(), u"backup_operator"_s, u"a-new-long-password"_s);
    ASSERT_TRUE(reset.ok()) << reset.error().message.toStdString() << " "
                            << reset.error().detail.toStdString();
    EXPECT_TRUE(back.value()->verifyLogin(u"backup_operator"_s, u"a-new-long-password"_s).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, PgBackupTest, ::testing::Values(Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
