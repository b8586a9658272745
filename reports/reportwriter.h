#pragma once

#include "core/result.h"
#include "reportdata.h"

#include <atomic>
#include <functional>
#include <memory>

namespace fouad {

class Database;
struct ReportRow;

// How a running export reports and is stopped: progress as done/total (rows,
// or pages for a PDF), and a flag checked between rows. A cancelled export
// returns ReportWriter::cancelledError() and leaves no file behind.
struct ExportControl
{
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(qint64 done, qint64 total) const
    {
        if (progress)
            progress(done, total);
    }
};

struct ReportOutcome
{
    qint64 rows = 0; // complaints listed (CSV, XLSX) or counted (PDF)
    int pages = 0; // PDF
    QString path;
};

// One format's way of writing a report to data.request.outputPath. Each writes
// to a temporary file beside it and puts it in place only when complete.
class ReportWriter
{
public:
    virtual ~ReportWriter() = default;
    virtual Result<ReportOutcome> write(Database &db, const ReportData &data,
                                        const ExportControl &control) = 0;

    static std::unique_ptr<ReportWriter> forFormat(ReportFormat format);

protected:
    // The period's complaints in order, `row(r, i)` for the i-th (from 0),
    // progress every thousand rows against the figures' total; stops when
    // cancelled (cancelledError()). Returns how many were written.
    static Result<qint64> eachRow(Database &db, const ReportData &data,
                                  const ExportControl &control,
                                  const std::function<void(const ReportRow &, qint64)> &row);

public:
    static Error cancelledError();
    static bool isCancelled(const Error &error);
};

// The columns of a complaint in CSV and the XLSX complaints sheet, in one place:
// machine codes, Latin digits, ISO 8601 times in Tehran with their offset; the
// phone masked (0912***4567) and no name, national ID or description unless
// personal data was asked for.
namespace ReportColumns {
QStringList header(bool personal); // codes, as CSV's header and the XLSX sheet's keys
QStringList persianHeader(bool personal);
QStringList cells(const ReportRow &row, bool personal);
// Column indexes of the times, written as real date cells in XLSX.
constexpr int ReceivedAt = 1;
constexpr int ResolvedAt = 15;
} // namespace ReportColumns

} // namespace fouad
