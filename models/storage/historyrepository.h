#pragma once

#include "core/result.h"
#include "domain/complaint.h"

#include <QHash>

namespace fouad {

class Database;

// The histories of many complaints at once, in a few statements instead of one
// per complaint: `complaint list --json` needs every listed complaint's history
// for its SLA clocks (but prints none of it).
class HistoryRepository final
{
public:
    explicit HistoryRepository(Database &database)
        : m_database(database)
    {
    }

    // Each complaint id's events, oldest first; ids without events are absent.
    Result<QHash<qint64, QList<HistoryEvent>>> histories(const QList<qint64> &complaintIds);

    // Ids per statement: far below both databases' limits on bound parameters.
    static constexpr qsizetype IdsPerStatement = 500;

private:
    Database &m_database;
};

} // namespace fouad
