#include "reportexporter.h"

#include "csvreportwriter.h"
#include "domain/workflow.h"
#include "pdfreportwriter.h"
#include "storage/reportrowsrepository.h"
#include "xlsxreportwriter.h"

namespace fouad {

std::unique_ptr<ReportWriter> ReportWriter::forFormat(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return std::make_unique<CsvReportWriter>();
    case ReportFormat::Xlsx:
        return std::make_unique<XlsxReportWriter>();
    case ReportFormat::Pdf:
        return std::make_unique<PdfReportWriter>();
    }
    return nullptr;
}

Result<qint64> ReportWriter::eachRow(Database &db, const ReportData &data,
                                     const ExportControl &control,
                                     const std::function<void(const ReportRow &, qint64)> &row)
{
    const qint64 total = data.dashboard.figures.total;
    qint64 written = 0;
    bool stopped = false;
    auto rows = ReportRowsRepository(db).forEach(
        data.request.filter(), data.request.includePersonal, [&](const ReportRow &r) {
            if (control.cancelled()) {
                stopped = true;
                return false;
            }
            row(r, written);
            if (++written % 1000 == 0)
                control.report(written, total);
            return true;
        });
    if (!rows)
        return rows.error();
    if (stopped)
        return cancelledError();
    return written;
}

Error ReportWriter::cancelledError()
{
    return Error::runtime(QStringLiteral("the export was cancelled"));
}

bool ReportWriter::isCancelled(const Error &error)
{
    return error.kind == ErrorKind::Runtime && error.message == cancelledError().message;
}

Result<ReportOutcome> ReportExporter::run(const ReportRequest &request, const User &requester,
                                          const QDateTime &now, const ExportControl &control)
{
    if (request.includePersonal && !Workflow::mayIncludePersonalData(requester))
        return Error::forbidden(reportText(QT_TRANSLATE_NOOP(
            "Reports", "Only supervisors and administrators may include personal data.")));
    if (!request.fromDay.isValid() || !request.toDay.isValid() || request.fromDay > request.toDay)
        return Error::invalid(QStringLiteral("to"), QStringLiteral("must not be before from"));
    if (request.outputPath.isEmpty())
        return Error::invalid(QStringLiteral("output"), QStringLiteral("required"));
    auto data = ReportData::load(m_database, request, now);
    if (!data)
        return data.error();
    return ReportWriter::forFormat(request.format)->write(m_database, data.value(), control);
}

} // namespace fouad
