#pragma once

#include "ctl/command.h"
#include "domain/complaintdraft.h"

namespace fouad::ctl {

struct NewComplaint
{
    ComplaintDraft draft;
    QString actor; // empty: system
};

// complaint add --json FILE|- [--as USER]: registers one complaint from an
// integration's JSON and prints it back with its clocks.
class ComplaintAddCommand final : public DatabaseCommand<NewComplaint>
{
public:
    ComplaintAddCommand();

protected:
    Result<NewComplaint> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const NewComplaint &input) const override;
};

} // namespace fouad::ctl
