#pragma once

#include "ctl/command.h"

#include <QDateTime>

#include <optional>

namespace fouad::ctl {

struct StatsRequest
{
    std::optional<QDateTime> fromUtc; // inclusive
    std::optional<QDateTime> toUtc; // exclusive: the midnight after --to's day
    bool json = false;
};

// stats [--from JALALI --to JALALI] [--json]: the key figures (StatsService).
class StatsCommand final : public DatabaseCommand<StatsRequest>
{
public:
    StatsCommand();

protected:
    Result<StatsRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const StatsRequest &request) const override;
};

} // namespace fouad::ctl
