#include "stats/scorecard.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

template<typename T> QJsonValue orNull(const std::optional<T> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

// The weights of the score's components; they sum to 100.
constexpr double slaWeight = 40;
constexpr double foundedWeight = 20;
constexpr double satisfactionWeight = 20;
constexpr double reopenWeight = 20;

} // namespace

QString code(ScorecardLevel level)
{
    switch (level) {
    case ScorecardLevel::Agency:
        return u"agency"_s;
    case ScorecardLevel::Province:
        return u"province"_s;
    case ScorecardLevel::Directorate:
        return u"directorate"_s;
    case ScorecardLevel::Office:
        return u"office"_s;
    }
    return {};
}

std::optional<ScorecardLevel> scorecardLevelFromCode(const QString &text)
{
    for (auto level : { ScorecardLevel::Agency, ScorecardLevel::Province,
                        ScorecardLevel::Directorate, ScorecardLevel::Office })
        if (code(level) == text)
            return level;
    return std::nullopt;
}

std::optional<double> Scorecard::scoreOf(const ScorecardRow &row)
{
    if (row.complaints <= 0)
        return std::nullopt;
    // Each component is 0..1 where 1 is best; an undefined one drops out and
    // the others keep their proportions (weights renormalised).
    double sum = 0, weights = 0;
    const auto add = [&](const std::optional<double> &value, double weight) {
        if (!value)
            return;
        sum += weight * std::clamp(*value, 0.0, 1.0);
        weights += weight;
    };
    add(row.slaCompliance, slaWeight);
    add(row.foundedShare ? std::optional(1 - *row.foundedShare) : std::nullopt, foundedWeight);
    add(row.averageSatisfaction ? std::optional((*row.averageSatisfaction - 1) / 4) : std::nullopt,
        satisfactionWeight);
    add(row.reopenRate ? std::optional(1 - *row.reopenRate) : std::nullopt, reopenWeight);
    if (weights <= 0)
        return std::nullopt;
    return 100 * sum / weights;
}

QString Scorecard::formula()
{
    return QCoreApplication::translate(
        "Scorecard",
        "Score (0–100) = 40 × SLA compliance + 20 × (1 − founded share) + 20 × (average "
        "satisfaction − 1) / 4 + 20 × (1 − reopen rate). A component that is undefined in the "
        "period drops out and the remaining weights are scaled to 100. No complaints: no score "
        "and no rank.");
}

QJsonArray Scorecard::toJson() const
{
    QJsonArray out;
    for (const auto &row : rows) {
        QJsonObject o;
        switch (level) {
        case ScorecardLevel::Agency:
            o[u"agency"_s] = row.code;
            break;
        case ScorecardLevel::Province:
            o[u"province"_s] = row.code;
            break;
        case ScorecardLevel::Directorate:
            o[u"agency"_s] = row.agency;
            o[u"province"_s] = row.province;
            break;
        case ScorecardLevel::Office:
            o[u"office"_s] = row.code;
            o[u"agency"_s] = row.agency;
            o[u"province"_s] = row.province;
            break;
        }
        o[u"code"_s] = row.code;
        o[u"complaints"_s] = row.complaints;
        o[u"founded_share"_s] = orNull(row.foundedShare);
        o[u"sla_compliance"_s] = orNull(row.slaCompliance);
        o[u"average_resolution_seconds"_s] = orNull(row.averageResolutionSeconds);
        o[u"reopen_rate"_s] = orNull(row.reopenRate);
        o[u"average_satisfaction"_s] = orNull(row.averageSatisfaction);
        o[u"score"_s] = orNull(row.score);
        o[u"rank"_s] = orNull(row.rank);
        out.append(o);
    }
    return out;
}

} // namespace fouad
