#pragma once

#include "ctl/command.h"

namespace fouad::ctl {

// restore FILE [--replace] [--json]: a backup into the database --db names, which
// must be new or hold no complaints (exit 2) unless --replace; then migrated to
// this program's schema. A failed restore leaves the target as it was.
class RestoreCommand final : public Command
{
public:
    RestoreCommand();

protected:
    Result<void> run(Context &ctx, const QCommandLineParser &args) const override;
};

} // namespace fouad::ctl
