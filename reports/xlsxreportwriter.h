#pragma once

#include "reportwriter.h"

namespace fouad {

// XLSX through libxlsxwriter, in constant-memory mode (rows go to disk as
// written): sheet 1 the key figures, sheet 2 the agencies' and directorates'
// scorecards, sheet 3 one header row then one row per complaint; every sheet
// right to left; times as Jalali text and as real date cells (Tehran time).
class XlsxReportWriter final : public ReportWriter
{
public:
    Result<ReportOutcome> write(Database &db, const ReportData &data,
                                const ExportControl &control) override;
};

} // namespace fouad
