#include "pdfreportwriter.h"

#include "reportpainter.h"

#include <QGuiApplication>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>

namespace fouad {

Result<ReportOutcome> PdfReportWriter::write(Database &, const ReportData &data,
                                             const ExportControl &control)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error::runtime(QStringLiteral("a PDF report needs a QGuiApplication"));
    QSaveFile file(data.request.outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::runtime(
            QStringLiteral("cannot write %1: %2").arg(data.request.outputPath, file.errorString()));
    std::optional<int> pages;
    {
        QPdfWriter pdf(&file);
        pdf.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        pdf.setResolution(300);
        pdf.setTitle(reportText(
            QT_TRANSLATE_NOOP("Reports", "Report on administrative-emergency complaints")));
        pdf.setCreator(QStringLiteral("Fouad Console"));
        // A report has a few pages; a guess for the progress bar.
        const int expected =
            3 + int((data.dashboard.scorecard.rows.size() + data.directorates.rows.size()) / 45);
        pages = ReportPainter(data).paint(pdf, [&](int page) {
            control.report(page, std::max(page, expected));
            return !control.cancelled();
        });
    }
    if (!pages) {
        file.cancelWriting();
        return ReportWriter::cancelledError();
    }
    if (!file.commit())
        return Error::runtime(
            QStringLiteral("cannot write %1: %2").arg(data.request.outputPath, file.errorString()));
    return ReportOutcome { data.dashboard.figures.total, *pages, data.request.outputPath };
}

} // namespace fouad
