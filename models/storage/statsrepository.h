#pragma once

#include "core/result.h"
#include "stats/keyfigures.h"

#include <QStringList>

#include <array>
#include <memory>

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
    explicit StatsRepository(Database &database);
    ~StatsRepository();

    Result<KeyFigures> keyFigures(const StatsFilter &filter);

    // The measures of a group of complaints: what a scorecard row and a
    // chart's bar are computed from (StatsService), summed in SQL.
    struct Measures
    {
        QStringList key; // the group's values of the columns asked for
        qint64 complaints = 0;
        qint64 open = 0; // not closed now
        qint64 resolved = 0; // the agency's fix in force
        qint64 withinTarget = 0; // of the resolved
        qint64 resolutionSeconds = 0; // summed over the resolved
        qint64 founded = 0; // founded + partly founded
        qint64 outcomes = 0; // with an outcome
        qint64 satisfactionSum = 0;
        qint64 satisfactionCount = 0;
        qint64 reopened = 0;
        qint64 everClosed = 0; // reopened or closed now
    };
    enum class GroupBy { Agency, Province, Office, AgencyProvince };
    // One row per group that has complaints the filter selects (an office's
    // group leaves out complaints with no office).
    Result<QList<Measures>> measures(const StatsFilter &filter, GroupBy by);

    // Complaints per hour of Tehran standard time: (hour number since the
    // epoch, shifted by +03:30, count), ascending. Hours, not days, so the
    // caller maps them to Tehran days through the time zone (a day is a
    // whole number of these hours, daylight saving or not).
    Result<QList<std::pair<qint64, qint64>>> perTehranHour(const StatsFilter &filter);
    // Resolved complaints by resolution time: bucket i counts
    // [i * bucketSeconds, (i + 1) * bucketSeconds), the last one everything longer.
    Result<QList<qint64>> resolutionHistogram(const StatsFilter &filter, qint64 bucketSeconds,
                                              int buckets);
    // Satisfaction 1..5 counts ([0] counts the 1s).
    Result<std::array<qint64, 5>> satisfaction(const StatsFilter &filter);

    // The catalogue, for rows with no complaints: codes in catalogue order.
    Result<QStringList> agencies();
    Result<QStringList> provinces();
    // Every office as (code, agency, province), by agency, province, code.
    Result<QList<std::array<QString, 3>>> offices();

private:
    Database &m_database;
    // What one dashboard reads more than once, read once: the period's sums
    // from complaint_days, and its directorates' (agencies and provinces).
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

} // namespace fouad
