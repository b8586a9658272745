#pragma once

#include "ctl/command.h"

namespace fouad::ctl {

struct WatchRequest
{
    bool json = false;
};

// watch [--json]: every committed change, one line each, as it is committed,
// until SIGINT or SIGTERM (exit 0). Through ChangeFeed: after a lost connection
// it reconnects by itself and first prints what was committed meanwhile.
class WatchCommand final : public DatabaseCommand<WatchRequest>
{
public:
    WatchCommand();

protected:
    Result<WatchRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const WatchRequest &request) const override;
};

} // namespace fouad::ctl
