#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fouad {

// Which complaints a figure counts (issue 10): received in [from, to) (UTC;
// either open-ended), and optionally of one province, agency, office, category
// or channel. The dashboard, the reports and `fouadctl stats` share it.
struct StatsFilter
{
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
    QString province;
    QString agency;
    QString office;
    QString category;
    QString channel;
};

// The key figures of the complaints a filter selects, as defined once here and
// in docs/architecture.md ("Figures"). A share or average over nothing is
// absent (null in JSON).
struct KeyFigures
{
    qint64 total = 0; // registered in the period
    qint64 open = 0; // of those, not closed now
    qint64 resolved = 0; // the agency's fix in force
    std::optional<double> resolvedWithinTargetShare; // of the resolved
    std::optional<double> averageResolutionSeconds; // working time, as the target counts it
    std::optional<qint64> medianResolutionSeconds;
    std::optional<double> foundedShare; // founded + partly founded, of those with an outcome
    std::optional<double> averageSatisfaction; // 1–5, of those who gave one
    std::optional<double> reopenRate; // reopened, of those ever closed
    QList<std::pair<int, qint64>> openByEscalationLevel; // levels 0..3 (and any above)
    QList<std::pair<QString, qint64>> byStatus; // every status, in lifecycle order
    QList<std::pair<QString, qint64>> byCategory; // every category, in catalogue order

    // fouadctl stats --json's keys (machine format, Latin digits): total, open,
    // resolved, resolved_within_target_share, average_resolution_seconds,
    // median_resolution_seconds, founded_share, average_satisfaction,
    // reopen_rate, open_by_escalation_level {"0": n, …}, by_status, by_category.
    QJsonObject toJson() const;
};

} // namespace fouad
