#pragma once

#include "ctl/command.h"
#include "ctl/period.h"
#include "stats/scorecard.h"

namespace fouad::ctl {

struct ScorecardRequest
{
    Period period;
    ScorecardLevel level = ScorecardLevel::Agency;
    QString province;
    QString agency;
    bool json = false;
};

// scorecard [--from JALALI --to JALALI] [--by agency|province|directorate|office]
// [--province CODE] [--agency CODE] [--json]: the ranked scorecard
// (StatsService), the same the console and the reports show.
class ScorecardCommand final : public DatabaseCommand<ScorecardRequest>
{
public:
    ScorecardCommand();

protected:
    Result<ScorecardRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db,
                         const ScorecardRequest &request) const override;
};

} // namespace fouad::ctl
