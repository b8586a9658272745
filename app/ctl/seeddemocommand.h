#pragma once

#include "ctl/command.h"
#include "seed/demoseeder.h"

namespace fouad::ctl {

// seed-demo --count N [--seed S] [--days D]: realistic, deterministic demo complaints.
class SeedDemoCommand final : public DatabaseCommand<DemoSeeder::Options>
{
public:
    SeedDemoCommand();

protected:
    Result<DemoSeeder::Options> readInput(Context &ctx,
                                          const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db,
                         const DemoSeeder::Options &options) const override;
};

} // namespace fouad::ctl
