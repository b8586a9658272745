#pragma once

#include "stats/keyfigures.h"
#include "stats/scorecard.h"

#include <QDate>

#include <array>

namespace fouad {

// A count with the SLA figures of one group (an agency, a province).
struct GroupFigures
{
    QString code;
    qint64 complaints = 0;
    qint64 open = 0;
    qint64 resolved = 0;
    std::optional<double> slaCompliance; // resolved within target, of the resolved
};

// Everything the dashboard and a report's charts show for one filter, computed
// together by StatsService::dashboard (in SQL, never by loading rows).
struct DashboardData
{
    StatsFilter filter;
    KeyFigures figures;

    // Complaints per Tehran calendar day of the period, every day of it with
    // zeros too (a QDate is the Gregorian date of that Tehran day; views show
    // it Jalali). An open-ended period runs from the first complaint to the
    // newest.
    QList<std::pair<QDate, qint64>> perDay;
    // Every agency with complaints, most complaints first.
    QList<GroupFigures> agencies;
    // Every province of the catalogue, in catalogue order, zeros too.
    QList<GroupFigures> provinces;
    // Resolution times of the resolved: bucket i counts times in
    // [i * resolutionBucketSeconds, (i + 1) * resolutionBucketSeconds); the
    // last bucket holds everything longer.
    qint64 resolutionBucketSeconds = 1800;
    QList<qint64> resolutionHistogram;
    // The working-time target the distribution is drawn against (the default
    // policy's; DESIGN: three hours).
    qint64 targetSeconds = 3 * 3600;
    // Satisfaction 1..5: satisfaction[0] counts the 1s.
    std::array<qint64, 5> satisfaction {};
    // The agencies' scorecard for the same filter.
    Scorecard scorecard;
};

} // namespace fouad
