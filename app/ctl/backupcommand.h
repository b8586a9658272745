#pragma once

#include "ctl/command.h"

#include <QJsonObject>

namespace fouad {
struct TableCounts;
}

namespace fouad::ctl {

struct BackupRequest
{
    QString output;
    bool json = false;
};

// backup --output FILE [--json]: the whole database, consistent while the centre
// keeps working (DatabaseBackup). Never migrates: an old database is backed up
// as it is, before an upgrade.
class BackupCommand final : public DatabaseCommand<BackupRequest>
{
public:
    BackupCommand();

protected:
    Result<BackupRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    bool readsOnly() const override { return true; }
    bool takesSchemaAsIs() const override { return true; }
    Result<void> runWith(Context &ctx, Database &db, const BackupRequest &request) const override;
};

// "2000 complaints, 8123 history events, 5 users, 312 settings rows": what a
// backup holds or a restore brought back, for backup and restore alike.
QString countsLine(const TableCounts &counts);
QJsonObject countsJson(const TableCounts &counts);

} // namespace fouad::ctl
