#pragma once

#include "core/result.h"
#include "domain/complaint.h"

#include <QSqlDatabase>

namespace fouad {

// SQLite only: writes many complaints and their histories through SQLite's C
// API on the connection's own handle, inside the caller's transaction. Qt's
// per-value binding costs more than SQLite's insert itself at a million rows;
// the columns are the same as every other writer's (ComplaintRows).
class SqliteBulkWriter final
{
public:
    explicit SqliteBulkWriter(const QSqlDatabase &db)
        : m_db(db)
    {
    }

    // Complaints must have their ids and codes already.
    Result<void> write(const QList<Complaint> &complaints);

    static constexpr int RowsPerStatement = 64;

private:
    QSqlDatabase m_db;
};

} // namespace fouad
