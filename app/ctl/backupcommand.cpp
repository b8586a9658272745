#include "ctl/backupcommand.h"

#include "storage/backup.h"
#include "storage/database.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

QString countsLine(const TableCounts &counts)
{
    return u"%1 complaints, %2 history events, %3 users, %4 settings rows"_s
        .arg(counts.complaints())
        .arg(counts.events())
        .arg(counts.users())
        .arg(counts.settings());
}

QJsonObject countsJson(const TableCounts &counts)
{
    QJsonObject tables;
    for (const auto &[name, rows] : counts.tables)
        tables.insert(name, rows);
    return {
        { u"schema_version"_s, counts.schemaVersion },
        { u"complaints"_s, counts.complaints() },
        { u"events"_s, counts.events() },
        { u"users"_s, counts.users() },
        { u"settings"_s, counts.settings() },
        { u"tables"_s, tables },
    };
}

BackupCommand::BackupCommand()
    : DatabaseCommand(
        u"backup"_s,
        u"Write the whole database to FILE while the centre keeps working. SQLite:\n"
        "with SQLite's online backup, so FILE is itself an SQLite database, one\n"
        "consistent state. PostgreSQL: with pg_dump -Fc (PostgreSQL's client programs\n"
        "must be installed). FILE is replaced only once the backup is complete.\n"
        "Restore it with \"fouadctl restore\"."_s)
{
    addOption(QCommandLineOption(u"output"_s, u"the backup file to write"_s, u"FILE"_s),
              u"--output FILE is required"_s);
    addOption(QCommandLineOption(u"json"_s, u"print what was written as JSON"_s));
}

Result<BackupRequest> BackupCommand::readInput(Context &, const QCommandLineParser &args) const
{
    BackupRequest request;
    request.output = args.value(u"output"_s).trimmed();
    if (request.output.isEmpty())
        return Error::invalid(u"--output"_s, u"a file name is required"_s);
    if (QFileInfo(request.output).isDir())
        return Error::invalid(u"--output"_s, u"%1 is a folder, not a file"_s.arg(request.output));
    request.json = args.isSet(u"json"_s);
    return request;
}

Result<void> BackupCommand::runWith(Context &ctx, Database &db, const BackupRequest &request) const
{
    auto written = DatabaseBackup::backup(db, request.output);
    if (!written)
        return written.error();
    if (request.json) {
        QJsonObject o = countsJson(written->counts);
        o.insert(u"file"_s, written->file);
        o.insert(u"bytes"_s, written->bytes);
        o.insert(u"database"_s, db.url().displayName());
        printJson(ctx, QJsonDocument(o));
        return {};
    }
    ctx.out << "backup written: " << QDir::toNativeSeparators(written->file) << " ("
            << written->bytes << " bytes, schema version " << written->counts.schemaVersion
            << ") from " << db.url().displayName() << ": " << countsLine(written->counts)
            << Qt::endl;
    return {};
}

} // namespace fouad::ctl
