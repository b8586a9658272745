#pragma once

#include "core/result.h"
#include "stats/keyfigures.h"

namespace fouad {

class Database;

// The figures of issue 10, aggregated in SQL (never by loading rows) on
// migration 18's indexes: the sums of the period in one pass and its counts by
// status and level and by category (complaints_figures, never the wide rows),
// and the median by a walk of complaints_resolution. Only reads: it runs on a
// read-only replica too.
class StatsRepository final
{
public:
    explicit StatsRepository(Database &database)
        : m_database(database)
    {
    }

    Result<KeyFigures> keyFigures(const StatsFilter &filter);

private:
    Database &m_database;
};

} // namespace fouad
