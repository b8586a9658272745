#pragma once

#include "ctl/command.h"
#include "ctl/complaintshowcommand.h"

namespace fouad::ctl {

// complaint status CODE [--json]: where a complaint stands, without personal data:
// what an integration's login (an IVR telling a caller) may read.
class ComplaintStatusCommand final : public DatabaseCommand<ShowRequest>
{
public:
    ComplaintStatusCommand();

protected:
    Result<ShowRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const ShowRequest &request) const override;
};

} // namespace fouad::ctl
