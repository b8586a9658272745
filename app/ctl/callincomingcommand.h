#pragma once

#include "ctl/command.h"
#include "domain/incomingcall.h"

namespace fouad::ctl {

struct IncomingCallRequest
{
    IncomingCall call; // checked
    bool json = false;
};

// call incoming --extension EXT --caller NUMBER [--code CODE] [--json]: what the
// PBX runs when a call rings an operator's extension (an integration login on
// PostgreSQL). The console signed in on that extension pops the caller's
// complaints; this prints them.
class CallIncomingCommand final : public DatabaseCommand<IncomingCallRequest>
{
public:
    CallIncomingCommand();

protected:
    Result<IncomingCallRequest> readInput(Context &ctx,
                                          const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db,
                         const IncomingCallRequest &request) const override;
};

} // namespace fouad::ctl
