#include "reportdata.h"

#include "domain/persiantext.h"
#include "services/statsservice.h"
#include "storage/referencerepository.h"

namespace fouad {

Result<ReportData> ReportData::load(Database &db, const ReportRequest &request,
                                    const QDateTime &now)
{
    ReportData data;
    data.request = request;
    data.generatedAt = now.toUTC();
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    data.catalog = std::move(catalog.value());
    // Unknown codes would give an empty report that looks like a good one.
    if (!request.province.isEmpty() && !data.catalog.province(request.province))
        return Error::invalid(QStringLiteral("province"),
                              QStringLiteral("unknown province %1").arg(request.province));
    if (!request.agency.isEmpty() && !data.catalog.agency(request.agency))
        return Error::invalid(QStringLiteral("agency"),
                              QStringLiteral("unknown agency %1").arg(request.agency));

    StatsService stats(db);
    auto dashboard = stats.dashboard(request.filter());
    if (!dashboard)
        return dashboard.error();
    data.dashboard = std::move(dashboard.value());
    auto directorates = stats.scorecard(request.filter(), ScorecardLevel::Directorate);
    if (!directorates)
        return directorates.error();
    data.directorates = std::move(directorates.value());
    return data;
}

QString ReportData::provinceName(const QString &code) const
{
    const Province *p = catalog.province(code);
    return p ? p->name : code;
}

QString ReportData::agencyName(const QString &code) const
{
    const Agency *a = catalog.agency(code);
    return a ? a->name : code;
}

QString ReportData::categoryName(const QString &code) const
{
    const Category *c = catalog.category(code);
    return c ? c->name : code;
}

QList<FigureLine> figureLines(const KeyFigures &k)
{
    using Kind = FigureLine::Kind;
    auto opt = [](const auto &v) {
        return v ? std::optional<double>(double(*v)) : std::nullopt;
    };
    QList<FigureLine> lines {
        { reportText(QT_TRANSLATE_NOOP("Reports", "Complaints registered")), double(k.total),
          Kind::Count },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Open now")), double(k.open), Kind::Count },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Resolved")), double(k.resolved), Kind::Count },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Resolved within target")),
          k.resolvedWithinTargetShare, Kind::Share },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Average resolution time")),
          k.averageResolutionSeconds, Kind::Duration },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Median resolution time")),
          opt(k.medianResolutionSeconds), Kind::Duration },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Found in the citizen's favour")), k.foundedShare,
          Kind::Share },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Average satisfaction (1–5)")),
          k.averageSatisfaction, Kind::Average },
        { reportText(QT_TRANSLATE_NOOP("Reports", "Reopen rate")), k.reopenRate, Kind::Share },
    };
    for (const auto &[level, n] : k.openByEscalationLevel)
        lines.append({ reportText(QT_TRANSLATE_NOOP("Reports", "Open at escalation level %1"))
                           .arg(QLocale(QLocale::Persian, QLocale::Iran).toString(level)),
                       double(n), Kind::Count });
    return lines;
}

QString formatFigure(const FigureLine &line, const QLocale &locale)
{
    if (!line.value)
        return QStringLiteral("-");
    const double v = *line.value;
    switch (line.kind) {
    case FigureLine::Kind::Count:
        return locale.toString(qint64(v));
    case FigureLine::Kind::Share:
        return locale.toString(v * 100.0, 'f', 1) + locale.percent();
    case FigureLine::Kind::Average:
        return locale.toString(v, 'f', 2);
    case FigureLine::Kind::Duration: {
        const qint64 minutes = qint64(v / 60.0 + 0.5);
        return reportText(QT_TRANSLATE_NOOP("Reports", "%1 h %2 min"))
            .arg(locale.toString(minutes / 60), locale.toString(minutes % 60));
    }
    }
    return {};
}

QString reportText(const char *source)
{
    return PersianText::translated("Reports", source);
}

} // namespace fouad
