#pragma once

#include "core/result.h"
#include "stats/keyfigures.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace fouad {

class Database;

// One complaint as a report lists it. The personal fields (name, national ID,
// description, which may name the citizen) are read only when asked for;
// otherwise they stay empty and only the phone is read, to be masked.
struct ReportRow
{
    QString trackingCode;
    QDateTime receivedAt; // UTC
    QString channel;
    QString province;
    QString city;
    QString agency;
    QString office;
    QString category;
    QString priority;
    QString status;
    int escalationLevel = 0;
    QString outcome;
    std::optional<int> satisfaction;
    QDateTime resolvedAt; // invalid: not resolved
    std::optional<qint64> resolutionSeconds;
    bool resolvedWithinTarget = false;
    int reopenCount = 0;
    QString phone; // E.164 as stored
    QString citizenName; // only with personal data
    QString nationalId;
    QString description;
};

// The complaints a report lists: those a StatsFilter selects (the set the key
// figures count), oldest first, streamed from one forward-only prepared query
// (QPSQL then uses libpq's single-row mode), so a month of a national
// database is never held in memory. Only reads.
class ReportRowsRepository final
{
public:
    explicit ReportRowsRepository(Database &database)
        : m_database(database)
    {
    }

    Result<qint64> count(const StatsFilter &filter);
    // Calls `row` for each complaint in order until it returns false (a
    // cancelled export); returns how many it was given.
    Result<qint64> forEach(const StatsFilter &filter, bool withPersonalData,
                           const std::function<bool(const ReportRow &)> &row);

private:
    Database &m_database;
};

} // namespace fouad
