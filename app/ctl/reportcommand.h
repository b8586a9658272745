#pragma once

#include "ctl/command.h"
#include "reportrequest.h"

namespace fouad::ctl {

struct ReportInput
{
    ReportRequest request;
    QString actor; // --as
};

// report --from JALALI --to JALALI --format pdf|xlsx|csv --output FILE
//        [--province CODE] [--agency CODE] [--include-personal --as USER]
// (ReportExporter). Needs a QGuiApplication for PDF: fouadctl_main makes one
// for this command (ctl::needsGui).
class ReportCommand final : public DatabaseCommand<ReportInput>
{
public:
    ReportCommand();

protected:
    Result<ReportInput> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const ReportInput &input) const override;
};

} // namespace fouad::ctl
