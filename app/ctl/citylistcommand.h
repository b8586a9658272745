#pragma once

#include "ctl/command.h"

namespace fouad::ctl {

struct CityListRequest
{
    QString province;
    bool json = false;
};

// city list [--province CODE] [--json]: the cities complaints and offices may
// name (their codes for "office add --city" and "complaint add"), by province,
// each province's capital first.
class CityListCommand final : public DatabaseCommand<CityListRequest>
{
public:
    CityListCommand();

protected:
    Result<CityListRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    bool readsOnly() const override { return true; }
    Result<void> runWith(Context &ctx, Database &db, const CityListRequest &request) const override;
};

} // namespace fouad::ctl
