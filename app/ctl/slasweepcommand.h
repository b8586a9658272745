#pragma once

#include "ctl/command.h"

#include <QDateTime>

namespace fouad::ctl {

struct SweepRequest
{
    QDateTime now; // invalid: the context's clock
    bool json = false;
};

// sla sweep [--now ISO-8601] [--json]: applies due escalations and reminders.
class SlaSweepCommand final : public DatabaseCommand<SweepRequest>
{
public:
    SlaSweepCommand();

protected:
    Result<SweepRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const SweepRequest &request) const override;
};

} // namespace fouad::ctl
