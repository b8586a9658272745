#pragma once

#include "ctl/command.h"
#include "storage/complaintquery.h"

namespace fouad::ctl {

struct ListRequest
{
    enum class Format { Text, Json, Csv };
    ComplaintQuery query;
    Format format = Format::Text;
};

// complaint list [--status S] [--search TEXT] [--limit N] [--json|--csv]
class ComplaintListCommand final : public DatabaseCommand<ListRequest>
{
public:
    ComplaintListCommand();

protected:
    Result<ListRequest> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const ListRequest &request) const override;
};

} // namespace fouad::ctl
