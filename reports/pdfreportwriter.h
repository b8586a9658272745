#pragma once

#include "reportwriter.h"

namespace fouad {

// PDF: ReportPainter's layout on a QPdfWriter (A4, 300 dpi) writing into a
// QSaveFile. Needs a QGuiApplication (fonts and text shaping).
class PdfReportWriter final : public ReportWriter
{
public:
    Result<ReportOutcome> write(Database &db, const ReportData &data,
                                const ExportControl &control) override;
};

} // namespace fouad
