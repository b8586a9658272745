#pragma once

#include "ctl/command.h"

namespace fouad::ctl {

struct NotifyRunRequest
{
    bool untilIdle = false;
};

// notify run [--until-idle]: the outbox's dispatcher in the foreground.
class NotifyRunCommand final : public DatabaseCommand<NotifyRunRequest>
{
public:
    NotifyRunCommand();

protected:
    Result<NotifyRunRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db,
                         const NotifyRunRequest &request) const override;
};

} // namespace fouad::ctl
