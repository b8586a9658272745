#include "storage/backup.h"

#include "domain/user.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QVersionNumber>

#include <sqlite3.h>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

// The configuration an administrator keeps (for TableCounts::settings()).
const QLatin1StringView SettingsTables[] = {
    "provinces"_L1,         "agencies"_L1,       "categories"_L1,        "cities"_L1,
    "offices"_L1,           "contacts"_L1,       "sla_policies"_L1,      "escalation_ladder"_L1,
    "calendars"_L1,         "calendar_hours"_L1, "calendar_holidays"_L1, "province_calendars"_L1,
    "channel_calendars"_L1,
};

// The first bytes of each kind of backup file.
constexpr QByteArrayView SQLiteMagic("SQLite format 3\0", 16);
constexpr QByteArrayView PgDumpMagic("PGDMP");

enum class FileKind { Missing, SQLite, PgDump, Other };

FileKind kindOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return FileKind::Missing;
    const QByteArray head = file.read(16);
    if (head.startsWith(SQLiteMagic))
        return FileKind::SQLite;
    if (head.startsWith(PgDumpMagic))
        return FileKind::PgDump;
    return FileKind::Other;
}

Result<void> exec(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql))
        return sqlError(query.lastError());
    return {};
}

// The counts on a connection already inside the transaction they are read in.
Result<TableCounts> countsIn(QSqlDatabase db, const Dialect &dialect)
{
    QSqlQuery q(db);
    // Virtual tables (the search index) and their shadow tables are derived data.
    const QString tablesSql = dialect.isSQLite()
        ? u"SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
          " AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name"_s
        : u"SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
          " ORDER BY tablename"_s;
    if (!q.exec(tablesSql))
        return sqlError(q.lastError());
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    TableCounts counts;
    for (const QString &name : names) {
        // The names come from the catalogue, never from input.
        QString quoted = name;
        quoted.replace(u'"', u"\"\""_s);
        if (!q.exec(u"SELECT COUNT(*) FROM \"%1\""_s.arg(quoted)) || !q.next())
            return sqlError(q.lastError());
        counts.tables.append({ name, q.value(0).toLongLong() });
    }
    if (names.contains(u"schema_migrations"_s)) {
        if (!q.exec(u"SELECT MAX(version) FROM schema_migrations"_s) || !q.next())
            return sqlError(q.lastError());
        counts.schemaVersion = q.value(0).toInt();
    }
    return counts;
}

sqlite3 *sqliteHandle(QSqlDatabase db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

struct SqliteCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using SqliteFile = std::unique_ptr<sqlite3, SqliteCloser>;

Error sqliteError(sqlite3 *db, const QString &message)
{
    Error e = Error::runtime(message);
    e.detail = QString::fromUtf8(sqlite3_errmsg(db));
    return e;
}

// Copies every page of `from` into `to` in one step, so the copy is one
// consistent state of `from`; waits while another connection holds a lock that
// stops the copy (a writer committing, on the target).
Result<void> copyPages(sqlite3 *to, sqlite3 *from, const QString &failure)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return sqliteError(to, failure);
    int rc = SQLITE_OK;
    for (int waited = 0;; waited += 50) {
        rc = sqlite3_backup_step(backup, -1);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= Database::BusyTimeoutMs)
            break;
        QThread::msleep(50);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return sqliteError(to, failure);
    return {};
}

QString quotedConnInfo(const QString &value)
{
    QString v = value;
    v.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + v + u'\'';
}

// libpq's connection string for PostgreSQL's tools; the password goes in the
// environment, never on a command line others can read.
QString connInfo(const DatabaseUrl &url)
{
    QStringList parts { u"host="_s + quotedConnInfo(url.host),
                        u"port="_s + QString::number(url.port),
                        u"dbname="_s + quotedConnInfo(url.database) };
    if (!url.user.isEmpty())
        parts << u"user="_s + quotedConnInfo(url.user);
    for (const auto &[name, value] : url.parameters)
        parts << name + u'=' + quotedConnInfo(value);
    return parts.join(u' ');
}

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QString errors;
};

Result<ToolRun> runTool(const QString &tool, const QStringList &arguments, const DatabaseUrl &url)
{
    const QString program = DatabaseBackup::findTool(tool);
    if (program.isEmpty())
        return Error::runtime(
            DatabaseBackup::tr("%1 was not found: install PostgreSQL's client programs "
                               "(Debian: postgresql-client) or put %1 on the PATH.")
                .arg(tool));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!url.password.isEmpty())
        env.insert(u"PGPASSWORD"_s, url.password);
    env.insert(u"PGAPPNAME"_s, u"fouad-"_s + tool);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return Error::runtime(
            DatabaseBackup::tr("%1 could not be started: %2").arg(tool, process.errorString()));
    process.closeWriteChannel();
    ToolRun run;
    // A large database takes as long as it takes; the output is read as it comes.
    while (!process.waitForFinished(200))
        run.out += process.readAllStandardOutput();
    run.out += process.readAllStandardOutput();
    run.errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

Error toolFailed(const QString &tool, const ToolRun &run)
{
    Error e = Error::runtime(DatabaseBackup::tr("%1 failed (exit %2): %3")
                                 .arg(tool)
                                 .arg(run.exitCode)
                                 .arg(run.errors.section(u'\n', 0, 2)));
    e.detail = run.errors;
    return e;
}

// One table's rows in a custom-format dump, as pg_restore writes them (COPY's
// text format): what a restore needs to know before it restores.
Result<QList<QHash<QString, QString>>> dumpedRows(const QString &file, const QString &table,
                                                  const DatabaseUrl &url)
{
    auto run = runTool(u"pg_restore"_s,
                       { u"--data-only"_s, u"--table="_s + table, u"--file=-"_s, file }, url);
    if (!run)
        return run.error();
    if (run->exitCode != 0)
        return toolFailed(u"pg_restore"_s, run.value());
    QList<QHash<QString, QString>> rows;
    QStringList columns;
    bool inCopy = false;
    const QList<QByteArray> lines = run->out.split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        if (!inCopy) {
            if (line.startsWith(u"COPY "_s) && line.endsWith(u"FROM stdin;"_s)) {
                const qsizetype open = line.indexOf(u'('), close = line.indexOf(u')');
                for (const QString &c : line.mid(open + 1, close - open - 1).split(u','))
                    columns << c.trimmed().remove(u'"');
                inCopy = true;
            }
            continue;
        }
        if (line == u"\\.")
            break;
        const QStringList fields = line.split(u'\t');
        QHash<QString, QString> row;
        for (qsizetype i = 0; i < columns.size() && i < fields.size(); ++i) {
            QString v = fields[i];
            if (v == u"\\N")
                v.clear();
            else
                v.replace(u"\\t"_s, u"\t"_s).replace(u"\\n"_s, u"\n"_s).replace(u"\\\\"_s, u"\\"_s);
            row.insert(columns[i], v);
        }
        rows.append(row);
    }
    return rows;
}

// The role that owned the complaints table where the dump was made.
Result<QString> dumpedOwner(const QString &file, const DatabaseUrl &url)
{
    auto run = runTool(u"pg_restore"_s, { u"--list"_s, file }, url);
    if (!run)
        return run.error();
    if (run->exitCode != 0)
        return toolFailed(u"pg_restore"_s, run.value());
    // "215; 1259 16390 TABLE public complaints fouad"
    for (const QByteArray &raw : run->out.split('\n')) {
        const QStringList f = QString::fromUtf8(raw).simplified().split(u' ');
        if (f.size() >= 7 && f[3] == u"TABLE" && f[5] == u"complaints")
            return f[6];
    }
    return QString();
}

Result<qint64> complaintsIn(QSqlDatabase db, const Dialect &dialect, bool *hasTables)
{
    QSqlQuery q(db);
    const QString tables = dialect.isSQLite()
        ? u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"_s
        : u"SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          " WHERE n.nspname = current_schema()"_s;
    if (!q.exec(tables) || !q.next())
        return sqlError(q.lastError());
    *hasTables = q.value(0).toLongLong() > 0;
    const QString hasComplaints = dialect.isSQLite()
        ? u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'complaints'"_s
        : u"SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"
          " AND tablename = 'complaints'"_s;
    if (!q.exec(hasComplaints) || !q.next())
        return sqlError(q.lastError());
    if (q.value(0).toLongLong() == 0)
        return 0;
    if (!q.exec(u"SELECT COUNT(*) FROM complaints"_s) || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toLongLong();
}

Error refuseNonEmpty(const DatabaseUrl &target, qint64 complaints)
{
    return Error::invalid(
        u"--db"_s,
        DatabaseBackup::tr("%1 already holds complaints (%2): a restore does not overwrite them. "
                           "Restore into a new database, or give --replace to replace them.")
            .arg(target.displayName())
            .arg(complaints));
}

Result<int> backupVersionOf(Database &backup)
{
    QSqlQuery q(backup.connection());
    if (!q.exec(u"SELECT MAX(version) FROM schema_migrations"_s) || !q.next())
        return Error::invalid(u"FILE"_s,
                              DatabaseBackup::tr("This file is an SQLite database but not a "
                                                 "backup of Fouad Console."));
    return q.value(0).toInt();
}

Result<void> checkVersion(int version)
{
    if (version > Migrations::latestVersion())
        return Error::invalid(u"FILE"_s,
                              DatabaseBackup::tr("This backup was made by a newer version of Fouad "
                                                 "Console (schema %1; this one knows %2). Restore "
                                                 "it with that version or a later one.")
                                  .arg(version)
                                  .arg(Migrations::latestVersion()));
    return {};
}

// The restored database opened anew: migrated to this program's schema, one
// transaction per step, and counted.
Result<DatabaseBackup::Restored> migratedAndCounted(const DatabaseUrl &target,
                                                    DatabaseBackup::Restored restored)
{
    auto migrated = Database::open(target);
    if (!migrated)
        return migrated.error();
    auto counts = DatabaseBackup::countsOf(*migrated.value());
    if (!counts)
        return counts.error();
    restored.counts = counts.value();
    return restored;
}

Result<DatabaseBackup::Restored> restoreSQLite(const DatabaseUrl &target, const QString &file,
                                               bool replace)
{
    DatabaseBackup::Restored restored;
    {
        auto source = Database::open(DatabaseUrl::sqlite(file), Database::Access::ReadOnly,
                                     Database::Schema::AsIs);
        if (!source)
            return source.error();
        auto version = backupVersionOf(*source.value());
        if (!version)
            return version.error();
        if (auto ok = checkVersion(version.value()); !ok)
            return ok.error();
        restored.backupSchemaVersion = version.value();
        // The backup API copies pages as they are: a damaged file is found here,
        // before it reaches the target.
        QSqlQuery check(source.value()->connection());
        if (!check.exec(u"PRAGMA quick_check"_s) || !check.next()
            || check.value(0).toString() != u"ok") {
            Error e = Error::invalid(u"FILE"_s,
                                     DatabaseBackup::tr("The backup %1 is damaged: it cannot be "
                                                        "restored. Use another backup.")
                                         .arg(file));
            e.detail =
                check.lastError().isValid() ? check.lastError().text() : check.value(0).toString();
            return e;
        }
    }
    if (QFileInfo(target.path).canonicalFilePath() == QFileInfo(file).canonicalFilePath())
        return Error::invalid(u"--db"_s,
                              DatabaseBackup::tr("The backup is the database itself: name "
                                                 "another database with --db."));
    {
        auto into = Database::open(target, Database::Access::ReadWrite, Database::Schema::AsIs);
        if (!into)
            return into.error();
        Database &db = *into.value();
        bool hasTables = false;
        auto complaints = complaintsIn(db.connection(), db.dialect(), &hasTables);
        if (!complaints)
            return complaints.error();
        if (complaints.value() > 0 && !replace)
            return refuseNonEmpty(target, complaints.value());
        restored.replaced = complaints.value() > 0;

        sqlite3 *to = sqliteHandle(db.connection());
        if (!to)
            return Error::runtime(
                DatabaseBackup::tr("The database driver gives no SQLite handle."));
        sqlite3 *opened = nullptr;
        const int rc = sqlite3_open_v2(QFile::encodeName(file).constData(), &opened,
                                       SQLITE_OPEN_READONLY, nullptr);
        SqliteFile from(opened);
        if (rc != SQLITE_OK)
            return sqliteError(opened, DatabaseBackup::tr("Cannot read the backup %1.").arg(file));
        // One write transaction on the target: it ends whole, or as it was.
        if (auto copied =
                copyPages(to, from.get(), DatabaseBackup::tr("The backup could not be restored."));
            !copied)
            return copied.error();
    }
    return migratedAndCounted(target, std::move(restored));
}

QString identifier(QSqlQuery &q, const QString &name)
{
    q.prepare(u"SELECT quote_ident(?)"_s);
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// Makes the target database when the server has none of that name, through
// the server's maintenance database.
Result<std::shared_ptr<Database>> openOrCreate(const DatabaseUrl &target)
{
    auto into = Database::open(target, Database::Access::ReadWrite, Database::Schema::AsIs);
    if (into || !into.error().detail.contains(u"does not exist"_s))
        return into;
    DatabaseUrl maintenance = target;
    maintenance.database = u"postgres"_s;
    {
        auto server =
            Database::open(maintenance, Database::Access::ReadWrite, Database::Schema::AsIs);
        if (!server)
            return into; // the first failure says more
        QSqlQuery q(server.value()->connection());
        const QString name = identifier(q, target.database);
        if (name.isEmpty() || !q.exec(u"CREATE DATABASE "_s + name))
            return sqlError(q.lastError());
    }
    return Database::open(target, Database::Access::ReadWrite, Database::Schema::AsIs);
}

Result<DatabaseBackup::Restored> restorePostgreSQL(const DatabaseUrl &target, const QString &file,
                                                   bool replace)
{
    DatabaseBackup::Restored restored;
    // What the dump holds, before anything on the target changes.
    auto migrations = dumpedRows(file, u"schema_migrations"_s, target);
    if (!migrations)
        return migrations.error();
    for (const auto &row : migrations.value())
        restored.backupSchemaVersion =
            std::max(restored.backupSchemaVersion, row.value(u"version"_s).toInt());
    if (restored.backupSchemaVersion == 0)
        return Error::invalid(u"FILE"_s,
                              DatabaseBackup::tr("This file is a PostgreSQL dump but not a backup "
                                                 "of Fouad Console."));
    if (auto ok = checkVersion(restored.backupSchemaVersion); !ok)
        return ok.error();
    auto users = dumpedRows(file, u"users"_s, target);
    if (!users)
        return users.error();
    auto owner = dumpedOwner(file, target);
    if (!owner)
        return owner.error();

    auto into = openOrCreate(target);
    if (!into)
        return into.error();
    Database &db = *into.value();
    QSqlQuery q(db.connection());
    bool hasTables = false;
    auto complaints = complaintsIn(db.connection(), db.dialect(), &hasTables);
    if (!complaints)
        return complaints.error();
    if (complaints.value() > 0 && !replace)
        return refuseNonEmpty(target, complaints.value());
    restored.replaced = complaints.value() > 0;

    // The roles the dump's grants name (pg_dump carries no roles): the group
    // roles, and each staff login missing here, recreated without a password.
    // Logins are PostgreSQL roles from schema 13 on.
    QStringList created;
    auto dropCreated = [&] {
        for (const QString &login : std::as_const(created)) {
            q.exec(u"DROP ROLE IF EXISTS "_s + identifier(q, login));
        }
    };
    if (restored.backupSchemaVersion >= 12) {
        for (Role role : allRoles()) {
            if (auto made = exec(
                    q,
                    u"DO $$ BEGIN CREATE ROLE fouad_%1 NOLOGIN; EXCEPTION WHEN "
                    "duplicate_object OR unique_violation THEN NULL; END $$"_s.arg(code(role)));
                !made)
                return made.error();
        }
    }
    if (restored.backupSchemaVersion >= 13) {
        for (const auto &user : users.value()) {
            const QString login = user.value(u"name"_s);
            q.prepare(u"SELECT 1 FROM pg_roles WHERE rolname = ?"_s);
            q.addBindValue(login);
            if (!q.exec())
                return sqlError(q.lastError());
            if (q.next())
                continue;
            const QString name = identifier(q, login);
            const QString group = u"fouad_"_s + user.value(u"role"_s);
            if (!q.exec(u"CREATE ROLE "_s + name + u" NOLOGIN"_s)) {
                Error e = sqlError(q.lastError());
                dropCreated();
                e.message = DatabaseBackup::tr("The login %1 could not be recreated: the restore "
                                               "needs a login that may create roles.")
                                .arg(login);
                return e;
            }
            created << login;
            if (!q.exec(u"GRANT "_s + identifier(q, group) + u" TO "_s + name)) {
                Error e = sqlError(q.lastError());
                dropCreated();
                return e;
            }
        }
    }

    // What the target held is set aside, not dropped, until the restore has
    // committed: a failed restore puts it back.
    const QString aside = u"fouad_before_restore_%1"_s.arg(QDateTime::currentSecsSinceEpoch());
    // Extensions (pg_trgm) go with the new schema, where the dump expects them;
    // the set-aside indexes keep using them.
    QStringList extensions;
    if (hasTables) {
        if (!q.exec(u"SELECT e.extname FROM pg_extension e JOIN pg_namespace n"
                    " ON n.oid = e.extnamespace WHERE n.nspname = 'public'"_s))
            return sqlError(q.lastError());
        while (q.next())
            extensions << identifier(q, q.value(0).toString());
    }
    auto moveExtensions = [&](const QString &to) -> Result<void> {
        for (const QString &extension : std::as_const(extensions)) {
            if (auto moved = exec(q, u"ALTER EXTENSION %1 SET SCHEMA %2"_s.arg(extension, to));
                !moved)
                return moved;
        }
        return {};
    };
    auto putBack = [&] {
        if (!hasTables)
            return;
        q.exec(u"SET client_min_messages = warning"_s);
        q.exec(u"BEGIN"_s);
        // Best effort: the failure that made us put the data back is the one
        // reported; each step's own error would only hide it.
        (void)moveExtensions(aside);
        q.exec(u"DROP SCHEMA public CASCADE"_s);
        q.exec(u"ALTER SCHEMA %1 RENAME TO public"_s.arg(aside));
        (void)moveExtensions(u"public"_s);
        q.exec(u"COMMIT"_s);
    };
    if (hasTables) {
        Result<void> done = exec(q, u"BEGIN"_s);
        if (done)
            done = exec(q, u"ALTER SCHEMA public RENAME TO %1"_s.arg(aside));
        if (done)
            done = exec(q, u"CREATE SCHEMA public"_s);
        // As a new database has it (PostgreSQL 15), which the dump takes for granted.
        if (done)
            done = exec(q, u"ALTER SCHEMA public OWNER TO pg_database_owner"_s);
        if (done)
            done = exec(q, u"GRANT USAGE ON SCHEMA public TO PUBLIC"_s);
        if (done)
            done = moveExtensions(u"public"_s);
        if (done)
            done = exec(q, u"COMMIT"_s);
        if (!done) {
            q.exec(u"ROLLBACK"_s);
            dropCreated();
            return done.error();
        }
    }

    QStringList arguments { u"--single-transaction"_s, u"--exit-on-error"_s, u"--dbname"_s,
                            connInfo(target) };
    // The owner of the schema is kept where that role exists here; otherwise the
    // login restoring owns it (and migrates it from now on).
    bool ownerHere = false;
    if (!owner->isEmpty()) {
        q.prepare(u"SELECT 1 FROM pg_roles WHERE rolname = ?"_s);
        q.addBindValue(owner.value());
        ownerHere = q.exec() && q.next();
    }
    if (!ownerHere)
        arguments << u"--no-owner"_s;
    arguments << file;
    auto run = runTool(u"pg_restore"_s, arguments, target);
    if (!run || run->exitCode != 0) {
        putBack();
        dropCreated();
        return run ? toolFailed(u"pg_restore"_s, run.value()) : run.error();
    }
    if (hasTables) {
        // Its objects, one NOTICE line each, are nobody's news.
        q.exec(u"SET client_min_messages = warning"_s);
        q.exec(u"DROP SCHEMA %1 CASCADE"_s.arg(aside));
    }
    restored.recreatedLogins = created;
    return migratedAndCounted(target, std::move(restored));
}

} // namespace

qint64 TableCounts::of(const QString &table) const
{
    for (const auto &[name, rows] : tables) {
        if (name == table)
            return rows;
    }
    return 0;
}

qint64 TableCounts::settings() const
{
    qint64 sum = 0;
    for (const QLatin1StringView table : SettingsTables)
        sum += of(table);
    return sum;
}

QString DatabaseBackup::findTool(const QString &name)
{
    // FOUAD_PG_BINDIR names the one folder to look in (another PostgreSQL version's).
    const QString only = qEnvironmentVariable("FOUAD_PG_BINDIR");
    if (!only.isEmpty())
        return QStandardPaths::findExecutable(name, { only });
    QString found = QStandardPaths::findExecutable(name);
    if (!found.isEmpty())
        return found;
    // Debian keeps the server's own copies per version.
    QStringList versions =
        QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &v : versions) {
        found = QStandardPaths::findExecutable(name, { u"/usr/lib/postgresql/%1/bin"_s.arg(v) });
        if (!found.isEmpty())
            return found;
    }
    return {};
}

Result<DatabaseBackup::PendingUpgrade> DatabaseBackup::pendingUpgrade(Database &database)
{
    if (auto connected = database.connect(); !connected)
        return connected.error();
    PendingUpgrade pending;
    pending.from = Migrations::currentVersion(database);
    pending.to = Migrations::latestVersion();
    if (pending.from == 0 || pending.from >= pending.to)
        return pending;
    bool hasTables = false;
    auto complaints = complaintsIn(database.connection(), database.dialect(), &hasTables);
    if (!complaints)
        return complaints.error();
    pending.complaints = complaints.value();
    return pending;
}

Result<TableCounts> DatabaseBackup::countsOf(Database &database)
{
    if (auto connected = database.connect(); !connected)
        return connected.error();
    QSqlDatabase db = database.connection();
    QSqlQuery q(db);
    const bool sqlite = database.dialect().isSQLite();
    // One snapshot for every count.
    if (auto begun = exec(q, sqlite ? u"BEGIN"_s : u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s);
        !begun)
        return begun.error();
    auto counts = countsIn(db, database.dialect());
    q.exec(u"COMMIT"_s);
    return counts;
}

Result<DatabaseBackup::Written> DatabaseBackup::backup(Database &database, const QString &output)
{
    if (auto connected = database.connect(); !connected)
        return connected.error();
    const QFileInfo out(output);
    if (!out.absoluteDir().exists())
        return Error::invalid(u"--output"_s,
                              tr("The folder %1 does not exist.").arg(out.absolutePath()));
    if (database.dialect().isSQLite()
        && out.canonicalFilePath() == QFileInfo(database.url().path).canonicalFilePath())
        return Error::invalid(u"--output"_s, tr("The backup cannot be the database itself."));
    // Written beside the target and renamed over it only when whole.
    const QString part = output + u".part"_s;
    QFile::remove(part);
    auto discard = qScopeGuard([&] { QFile::remove(part); });

    Written written;
    written.file = out.absoluteFilePath();
    QSqlDatabase db = database.connection();
    if (database.dialect().isSQLite()) {
        sqlite3 *from = sqliteHandle(db);
        if (!from)
            return Error::runtime(tr("The database driver gives no SQLite handle."));
        sqlite3 *opened = nullptr;
        const int rc = sqlite3_open_v2(QFile::encodeName(part).constData(), &opened,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        SqliteFile to(opened);
        if (rc != SQLITE_OK)
            return sqliteError(opened, tr("Cannot write the backup %1.").arg(output));
        if (auto copied = copyPages(to.get(), from, tr("The backup could not be written."));
            !copied)
            return copied.error();
        // One self-contained file: no write-ahead log beside it.
        char *message = nullptr;
        if (sqlite3_exec(to.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, &message)
            != SQLITE_OK) {
            sqlite3_free(message);
            return sqliteError(to.get(), tr("The backup could not be written."));
        }
        to.reset();
        // The counts are read back from the copy: what a restore will bring.
        auto copy = Database::open(DatabaseUrl::sqlite(part), Database::Access::ReadOnly,
                                   Database::Schema::AsIs);
        if (!copy)
            return copy.error();
        auto counts = countsOf(*copy.value());
        if (!counts)
            return counts.error();
        written.counts = counts.value();
    } else {
        // pg_dump reads the snapshot this transaction exported, so the counts
        // printed are the dump's own.
        QSqlQuery q(db);
        if (auto begun = exec(q, u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s); !begun)
            return begun.error();
        auto rollback = qScopeGuard([&] { q.exec(u"ROLLBACK"_s); });
        if (!q.exec(u"SELECT pg_export_snapshot()"_s) || !q.next())
            return sqlError(q.lastError());
        const QString snapshot = q.value(0).toString();
        auto counts = countsIn(db, database.dialect());
        if (!counts)
            return counts.error();
        written.counts = counts.value();
        auto run = runTool(u"pg_dump"_s,
                           { u"--format=custom"_s, u"--snapshot="_s + snapshot, u"--file="_s + part,
                             u"--dbname"_s, connInfo(database.url()) },
                           database.url());
        if (!run)
            return run.error();
        if (run->exitCode != 0)
            return toolFailed(u"pg_dump"_s, run.value());
    }
    // rename(2) replaces an older backup of that name in one step.
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(output).constData())
        != 0)
        return Error::runtime(tr("The backup could not be saved as %1.").arg(output));
    discard.dismiss();
    written.bytes = QFileInfo(output).size();
    return written;
}

Result<DatabaseBackup::Restored> DatabaseBackup::restore(const DatabaseUrl &target,
                                                         const QString &file, bool replace)
{
    const bool sqlite = target.kind == DatabaseUrl::Kind::SQLite;
    switch (kindOf(file)) {
    case FileKind::Missing:
        return Error::invalid(u"FILE"_s, tr("Cannot read %1.").arg(file));
    case FileKind::Other:
        return Error::invalid(u"FILE"_s,
                              tr("%1 is not a backup made by \"fouadctl backup\".").arg(file));
    case FileKind::SQLite:
        if (!sqlite)
            return Error::invalid(u"FILE"_s,
                                  tr("This is a backup of an SQLite database: restore it into "
                                     "SQLite (--db sqlite:FILE)."));
        return restoreSQLite(target, file, replace);
    case FileKind::PgDump:
        if (sqlite)
            return Error::invalid(u"FILE"_s,
                                  tr("This is a backup of a PostgreSQL database: restore it into "
                                     "PostgreSQL (--db postgresql://…)."));
        return restorePostgreSQL(target, file, replace);
    }
    return Error::runtime(tr("Unknown backup."));
}

} // namespace fouad
