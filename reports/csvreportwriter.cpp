#include "csvreportwriter.h"

#include "serialize/csvwriter.h"
#include "storage/reportrowsrepository.h"

#include <QSaveFile>

namespace fouad {

Result<ReportOutcome> CsvReportWriter::write(Database &db, const ReportData &data,
                                             const ExportControl &control)
{
    const bool personal = data.request.includePersonal;
    const qint64 total = data.dashboard.figures.total;
    // QSaveFile: the file appears only on commit(); a cancel or an error
    // leaves whatever was there before (or nothing).
    QSaveFile file(data.request.outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::runtime(
            QStringLiteral("cannot write %1: %2").arg(data.request.outputPath, file.errorString()));
    file.write("\xEF\xBB\xBF"); // UTF-8 BOM: spreadsheet programs then read Persian right
    file.write(Csv::record(ReportColumns::header(personal)).toUtf8());
    qint64 written = 0;
    bool stopped = false;
    auto rows = ReportRowsRepository(db).forEach(
        data.request.filter(), personal, [&](const ReportRow &row) {
            if (control.cancelled()) {
                stopped = true;
                return false;
            }
            file.write(Csv::record(ReportColumns::cells(row, personal)).toUtf8());
            if (++written % 1000 == 0)
                control.report(written, total);
            return true;
        });
    if (!rows) {
        file.cancelWriting();
        return rows.error();
    }
    if (stopped) {
        file.cancelWriting();
        return ReportWriter::cancelledError();
    }
    if (!file.commit())
        return Error::runtime(
            QStringLiteral("cannot write %1: %2").arg(data.request.outputPath, file.errorString()));
    control.report(written, total);
    return ReportOutcome { written, 0, data.request.outputPath };
}

} // namespace fouad
