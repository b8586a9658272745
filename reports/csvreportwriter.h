#pragma once

#include "reportwriter.h"

namespace fouad {

// CSV: UTF-8 with a BOM, one header row of column codes, then one RFC 4180
// record per complaint of the period (ReportColumns), Latin digits.
class CsvReportWriter final : public ReportWriter
{
public:
    Result<ReportOutcome> write(Database &db, const ReportData &data,
                                const ExportControl &control) override;
};

} // namespace fouad
