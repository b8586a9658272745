#pragma once

#include "stats/keyfigures.h"

#include <QDate>
#include <QString>

#include <optional>

namespace fouad {

enum class ReportFormat { Pdf, Xlsx, Csv };

QString code(ReportFormat format); // "pdf", "xlsx", "csv"
std::optional<ReportFormat> reportFormatFromCode(const QString &code);

// What a management report covers and where it goes (issue 10): the complaints
// received on Tehran days fromDay..toDay (both included), optionally of one
// province and one agency; personal data masked unless includePersonal, which
// only Workflow::mayIncludePersonalData allows.
struct ReportRequest
{
    QDate fromDay; // a Gregorian QDate of the Tehran day; shown Jalali
    QDate toDay;
    QString province;
    QString agency;
    bool includePersonal = false;
    ReportFormat format = ReportFormat::Pdf;
    QString outputPath;

    // [midnight of fromDay, midnight after toDay) in Tehran, as UTC: the set
    // `fouadctl stats --from --to` counts.
    StatsFilter filter() const;
};

} // namespace fouad
