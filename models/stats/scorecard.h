#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace fouad {

// What a scorecard row stands for (issue 10; DESIGN §2: national body →
// provincial directorate → office). Province rows sum every agency in the
// province; a directorate is one agency in one province.
enum class ScorecardLevel { Agency, Province, Directorate, Office };

QString code(ScorecardLevel level); // "agency", "province", "directorate", "office"
std::optional<ScorecardLevel> scorecardLevelFromCode(const QString &code);

// One row: the figures of the complaints against it in the period.
struct ScorecardRow
{
    QString code; // the agency's, province's or office's code; a directorate's is "agency/province"
    QString agency; // for directorate and office rows (and agency rows): the agency
    QString province; // for directorate and office rows (and province rows): the province
    qint64 complaints = 0;
    std::optional<double> foundedShare; // founded + partly founded, of those with an outcome
    std::optional<double> slaCompliance; // resolved within target, of the resolved
    std::optional<double> averageResolutionSeconds;
    std::optional<double> reopenRate; // reopened, of those ever closed
    std::optional<double> averageSatisfaction; // 1–5
    std::optional<double> score; // 0–100, Scorecard::scoreOf; none with nothing to score
    std::optional<int> rank; // 1 is the best; none without a score
};

struct Scorecard
{
    ScorecardLevel level = ScorecardLevel::Agency;
    // Ranked rows first (score descending; ties by fewer complaints, then
    // code), then those without a score — agencies with no complaints in the
    // period among them: the programme notes the best agencies receive none.
    QList<ScorecardRow> rows;

    // The performance score, defined only here (and shown by formula()):
    // see scorecard.cpp and docs/architecture.md ("Figures").
    static std::optional<double> scoreOf(const ScorecardRow &row);
    // The formula in Persian, for the console and the reports.
    static QString formula();

    // fouadctl scorecard --json: one object per row with the row's key as a
    // code (agency, province, office; a directorate has agency and province),
    // complaints, founded_share, sla_compliance, average_resolution_seconds,
    // reopen_rate, average_satisfaction, score, rank (null where undefined).
    QJsonArray toJson() const;
};

} // namespace fouad
