#include "stats/scorecard.h"

#include <gtest/gtest.h>

#include <QJsonObject>

using namespace fouad;
using namespace Qt::StringLiterals;

namespace {

struct ScoreCase
{
    const char *name;
    ScorecardRow row;
    std::optional<double> expected;
};

ScorecardRow row(qint64 complaints, std::optional<double> sla, std::optional<double> founded,
                 std::optional<double> satisfaction, std::optional<double> reopen)
{
    ScorecardRow r;
    r.complaints = complaints;
    r.slaCompliance = sla;
    r.foundedShare = founded;
    r.averageSatisfaction = satisfaction;
    r.reopenRate = reopen;
    return r;
}

class ScoreOf : public testing::TestWithParam<ScoreCase>
{
};

TEST_P(ScoreOf, FollowsTheFormula)
{
    const auto &c = GetParam();
    const auto score = Scorecard::scoreOf(c.row);
    ASSERT_EQ(score.has_value(), c.expected.has_value());
    if (c.expected) {
        EXPECT_NEAR(*score, *c.expected, 1e-9);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ScoreOf,
    testing::Values(
        ScoreCase { "perfect", row(5, 1.0, 0.0, 5.0, 0.0), 100.0 },
        ScoreCase { "worst", row(5, 0.0, 1.0, 1.0, 1.0), 0.0 },
        // 40×0.5 + 20×(1−0.25) + 20×(3−1)/4 + 20×(1−0.1) = 20+15+10+18
        ScoreCase { "mixed", row(5, 0.5, 0.25, 3.0, 0.1), 63.0 },
        // satisfaction undefined: (20+15+18)/80×100
        ScoreCase { "no satisfaction", row(5, 0.5, 0.25, std::nullopt, 0.1), 53.0 / 80 * 100 },
        // only SLA: 40×0.75/40×100
        ScoreCase { "only sla", row(5, 0.75, std::nullopt, std::nullopt, std::nullopt), 75.0 },
        ScoreCase { "nothing defined",
                    row(5, std::nullopt, std::nullopt, std::nullopt, std::nullopt), std::nullopt },
        ScoreCase { "no complaints", row(0, 1.0, 0.0, 5.0, 0.0), std::nullopt }),
    [](const auto &test) {
        std::string name = test.param.name;
        for (auto &ch : name)
            if (!std::isalnum(static_cast<unsigned char>(ch)))
                ch = '_';
        return name;
    });

TEST(ScorecardLevelCode, RoundTrips)
{
    for (auto level : { ScorecardLevel::Agency, ScorecardLevel::Province,
                        ScorecardLevel::Directorate, ScorecardLevel::Office })
        EXPECT_EQ(scorecardLevelFromCode(code(level)), level);
    EXPECT_EQ(scorecardLevelFromCode(u"city"_s), std::nullopt);
}

TEST(ScorecardJson, KeysAndNulls)
{
    Scorecard card;
    card.level = ScorecardLevel::Office;
    ScorecardRow r;
    r.code = u"OF1"_s;
    r.agency = u"AG"_s;
    r.province = u"THR"_s;
    card.rows.append(r);
    const auto o = card.toJson().at(0).toObject();
    EXPECT_EQ(o[u"office"_s].toString(), u"OF1"_s);
    EXPECT_EQ(o[u"agency"_s].toString(), u"AG"_s);
    EXPECT_EQ(o[u"complaints"_s].toInteger(), 0);
    for (const auto *key : { "founded_share", "sla_compliance", "average_resolution_seconds",
                             "reopen_rate", "average_satisfaction", "score", "rank" })
        EXPECT_TRUE(o[QString::fromLatin1(key)].isNull()) << key;
}

TEST(ScorecardFormula, NamesTheWeights)
{
    const auto text = Scorecard::formula();
    for (const auto *w : { "40", "20" })
        EXPECT_TRUE(text.contains(QString::fromLatin1(w))) << w;
}

} // namespace
