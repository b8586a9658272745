#pragma once

#include "core/result.h"
#include "stats/keyfigures.h"

namespace fouad {

class Database;

// The figures of issue 10, aggregated in SQL (never by loading rows): one
// grouped scan of the period's complaints on complaints_received, folded here,
// and one ordered read of their resolution times for the median. Only reads:
// it runs on a read-only replica too.
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
