#pragma once

#include "core/result.h"
#include "storage/databaseurl.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace fouad {

class Database;

// How many rows each table of a database holds: what a backup holds and what a
// restore brought back, printed by fouadctl and compared by the tests.
struct TableCounts
{
    QList<std::pair<QString, qint64>> tables; // every table of the schema, by name
    int schemaVersion = 0;

    qint64 of(const QString &table) const;
    qint64 complaints() const { return of(QStringLiteral("complaints")); }
    qint64 events() const { return of(QStringLiteral("complaint_events")); }
    qint64 users() const { return of(QStringLiteral("users")); }
    // The centre's configuration: reference data, offices, contacts, SLA
    // policies, the escalation ladder, calendars and holidays.
    qint64 settings() const;
};

// Backups and restores of a whole database (issue 11), while the centre works.
// SQLite: the online backup API on the connection's own handle, so the copy is
// itself an SQLite database, consistent while other consoles keep writing.
// PostgreSQL: pg_dump -Fc on an exported snapshot (its counts are the dump's),
// and pg_restore, which carries no roles: staff logins missing on the target
// server are recreated without a password (NOLOGIN) and listed.
class DatabaseBackup final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)

public:
    struct Written
    {
        QString file;
        qint64 bytes = 0;
        TableCounts counts;
    };
    struct Restored
    {
        TableCounts counts; // after the restore and the migrations
        int backupSchemaVersion = 0; // the schema the backup was made with
        bool replaced = false; // the target held complaints, and --replace was given
        QStringList recreatedLogins; // made NOLOGIN: an administrator resets their passwords
    };

    // Writes the whole database to `output` (replaced only when complete: a
    // failed backup leaves no file and an older one untouched).
    static Result<Written> backup(Database &database, const QString &output);

    // Restores `file` into the database `target` names, which must be new or
    // hold no complaints (Invalid otherwise) unless `replace`; then migrates it
    // to this program's schema. A failed restore leaves the target as it was.
    static Result<Restored> restore(const DatabaseUrl &target, const QString &file, bool replace);

    // A database whose schema this program would migrate, and what it holds:
    // the console offers a backup first when there are complaints to lose.
    struct PendingUpgrade
    {
        int from = 0; // 0: a new database, nothing to upgrade
        int to = 0;
        qint64 complaints = 0;
        bool offersBackup() const { return from > 0 && from < to && complaints > 0; }
    };
    static Result<PendingUpgrade> pendingUpgrade(Database &database);

    // Every table's row count, read in one transaction.
    static Result<TableCounts> countsOf(Database &database);

    // The program's name for PostgreSQL's tools, found on PATH or in the
    // server's bin folder; empty when missing.
    static QString findTool(const QString &name);
};

} // namespace fouad
