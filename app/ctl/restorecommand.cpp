#include "ctl/restorecommand.h"

#include "ctl/backupcommand.h"
#include "storage/backup.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

RestoreCommand::RestoreCommand()
    : Command(u"restore"_s,
              u"Restore a backup made by \"fouadctl backup\" into the database --db names\n"
              "(SQLite into SQLite, PostgreSQL into PostgreSQL). The database must be new\n"
              "or hold no complaints, unless --replace is given; afterwards it is migrated\n"
              "to this version's schema. On PostgreSQL, a missing database is created, and\n"
              "staff logins missing on the server are recreated without a password\n"
              "(NOLOGIN) and listed: an administrator sets each one's password in the\n"
              "console (Users). A failed restore leaves the database as it was."_s)
{
    addPositional(u"FILE"_s, u"the backup file"_s);
    addOption(
        QCommandLineOption(u"replace"_s, u"replace a database that already holds complaints"_s));
    addOption(QCommandLineOption(u"json"_s, u"print what was restored as JSON"_s));
}

Result<void> RestoreCommand::run(Context &ctx, const QCommandLineParser &args) const
{
    const QString file = args.positionalArguments().value(0);
    auto target = ctx.resolvedUrl();
    if (!target)
        return target.error();
    auto restored = DatabaseBackup::restore(target.value(), file, args.isSet(u"replace"_s));
    if (!restored)
        return restored.error();
    if (args.isSet(u"json"_s)) {
        QJsonObject o = countsJson(restored->counts);
        o.insert(u"database"_s, target->displayName());
        o.insert(u"backup_schema_version"_s, restored->backupSchemaVersion);
        o.insert(u"replaced"_s, restored->replaced);
        o.insert(u"recreated_logins"_s, QJsonArray::fromStringList(restored->recreatedLogins));
        printJson(ctx, QJsonDocument(o));
        return {};
    }
    ctx.out << "restored " << file << " into " << target->displayName() << " (schema version "
            << restored->backupSchemaVersion << " -> " << restored->counts.schemaVersion
            << (restored->replaced ? ", replacing what it held" : "")
            << "): " << countsLine(restored->counts) << Qt::endl;
    if (!restored->recreatedLogins.isEmpty())
        ctx.out << "logins recreated without a password (NOLOGIN); set each one's password in "
                   "the console (Users) before they sign in: "
                << restored->recreatedLogins.join(u", "_s) << Qt::endl;
    return {};
}

} // namespace fouad::ctl
