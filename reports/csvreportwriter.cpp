#include "csvreportwriter.h"

#include "serialize/csvwriter.h"
#include "storage/reportrowsrepository.h"

#include <QSaveFile>

namespace fouad {

Result<ReportOutcome> CsvReportWriter::write(Database &db, const ReportData &data,
                                             const ExportControl &control)
{
    const bool personal = data.request.includePersonal;
    // QSaveFile: the file appears only on commit(); a cancel or an error
    // leaves whatever was there before (or nothing).
    QSaveFile file(data.request.outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::runtime(
            QStringLiteral("cannot write %1: %2").arg(data.request.outputPath, file.errorString()));
    file.write("\xEF\xBB\xBF"); // UTF-8 BOM: spreadsheet programs then read Persian right
    file.write(Csv::record(ReportColumns::header(personal)).toUtf8());
    auto written = eachRow(db, data, control, [&](const ReportRow &row, qint64) {
        file.write(Csv::record(ReportColumns::cells(row, personal)).toUtf8());
    });
    if (!written) {
        file.cancelWriting();
        return written.error();
    }
    if (!file.commit())
        return Error::runtime(
            QStringLiteral("cannot write %1: %2").arg(data.request.outputPath, file.errorString()));
    control.report(*written, data.dashboard.figures.total);
    return ReportOutcome { *written, 0, data.request.outputPath };
}

} // namespace fouad
