#pragma once

#include "ctl/command.h"

namespace fouad::ctl {

// init-db: creates or migrates the schema and loads the reference data. Idempotent.
class InitDbCommand final : public DatabaseCommand<std::monostate>
{
public:
    InitDbCommand();

protected:
    Result<std::monostate> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const std::monostate &) const override;
};

} // namespace fouad::ctl
