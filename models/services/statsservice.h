#pragma once

#include "core/result.h"
#include "stats/dashboarddata.h"

namespace fouad {

class Database;

// The figures of issue 10 — key figures, dashboard charts, scorecards — for
// the console's dashboard, the reports and fouadctl stats/scorecard/report, by
// the same code. It only reads, so it runs on a read-only replica (the
// settings' reports URL). One per thread, on that thread's connection.
class StatsService final
{
public:
    explicit StatsService(Database &database)
        : m_database(database)
    {
    }

    Result<KeyFigures> keyFigures(const StatsFilter &filter);
    Result<Scorecard> scorecard(const StatsFilter &filter, ScorecardLevel level);
    Result<DashboardData> dashboard(const StatsFilter &filter);

private:
    Database &m_database;
};

} // namespace fouad
