#pragma once

#include "ctl/command.h"

namespace fouad::ctl {

struct ShowRequest
{
    QString code; // normalised
    bool json = false;
};

// CODE (any digit form, its check digit checked) and --json: what show and status read.
Result<ShowRequest> readShowRequest(const QCommandLineParser &args);

// complaint show CODE [--json]: one complaint with its history.
class ComplaintShowCommand final : public DatabaseCommand<ShowRequest>
{
public:
    ComplaintShowCommand();

protected:
    Result<ShowRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const ShowRequest &request) const override;
};

} // namespace fouad::ctl
