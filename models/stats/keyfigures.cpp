#include "stats/keyfigures.h"

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

template<typename T> QJsonValue orNull(const std::optional<T> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject KeyFigures::toJson() const
{
    QJsonObject levels, statuses, categories;
    for (const auto &[level, n] : openByEscalationLevel)
        levels[QString::number(level)] = n;
    for (const auto &[key, n] : byStatus)
        statuses[key] = n;
    for (const auto &[key, n] : byCategory)
        categories[key] = n;
    return {
        { u"total"_s, total },
        { u"open"_s, open },
        { u"resolved"_s, resolved },
        { u"resolved_within_target_share"_s, orNull(resolvedWithinTargetShare) },
        { u"average_resolution_seconds"_s, orNull(averageResolutionSeconds) },
        { u"median_resolution_seconds"_s, orNull(medianResolutionSeconds) },
        { u"founded_share"_s, orNull(foundedShare) },
        { u"average_satisfaction"_s, orNull(averageSatisfaction) },
        { u"reopen_rate"_s, orNull(reopenRate) },
        { u"open_by_escalation_level"_s, levels },
        { u"by_status"_s, statuses },
        { u"by_category"_s, categories },
    };
}

} // namespace fouad
