#pragma once

#include "core/result.h"
#include "domain/referencedata.h"
#include "reportrequest.h"
#include "stats/dashboarddata.h"

#include <QDateTime>

namespace fouad {

class Database;

// Everything a report shows besides its complaint rows, read once before any
// file is written: the figures, the charts' series and the agencies' and
// directorates' scorecards (StatsService, the dashboard's code), and the
// catalogue for names.
struct ReportData
{
    ReportRequest request;
    DashboardData dashboard; // figures, per day, per agency, the agencies' scorecard
    Scorecard directorates;
    ReferenceCatalog catalog;
    QDateTime generatedAt; // UTC

    static Result<ReportData> load(Database &db, const ReportRequest &request,
                                   const QDateTime &now);

    // Names people read, in Persian (a report is Persian whatever the UI language).
    QString provinceName(const QString &code) const;
    QString agencyName(const QString &code) const;
    QString categoryName(const QString &code) const;
};

// One key figure as a report shows it (the PDF's table, the XLSX's first
// sheet): its Persian label and value (none: undefined in the period).
struct FigureLine
{
    enum class Kind { Count, Share, Duration, Average };
    QString label;
    std::optional<double> value;
    Kind kind = Kind::Count;
};
QList<FigureLine> figureLines(const KeyFigures &figures);
// For people: Persian digits with fa_IR, a share as a percentage, a duration
// in hours and minutes; "-" when undefined.
QString formatFigure(const FigureLine &line, const QLocale &locale);

// A report's text in Persian, from the bundled catalogue, context "Reports".
QString reportText(const char *source);

} // namespace fouad
