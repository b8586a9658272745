#include "storage/figuresql.h"

#include "domain/complaintenums.h"

using namespace Qt::StringLiterals;

namespace fouad::FigureSql {

QString resolved(const QString &row)
{
    return row + u"resolution_seconds IS NOT NULL"_s;
}

QString withinTarget(const QString &row)
{
    return row + u"resolved_within_target = 1"_s;
}

QString founded(const QString &row)
{
    return row + u"outcome IN ('founded', 'partly_founded')"_s;
}

QString withOutcome(const QString &row)
{
    return row + u"outcome IS NOT NULL"_s;
}

QString rated(const QString &row)
{
    return row + u"satisfaction IS NOT NULL"_s;
}

QString reopened(const QString &row)
{
    return row + u"reopen_count > 0"_s;
}

QString everClosed(const QString &row)
{
    // Reopened ones were closed once; the rest are closed now.
    return u"%1reopen_count > 0 OR %1status = '%2'"_s.arg(row, code(Status::Closed));
}

QString open(const QString &row)
{
    return u"%1status <> '%2'"_s.arg(row, code(Status::Closed));
}

QString escalated(const QString &row)
{
    return u"%1 AND %2escalation_level >= 1"_s.arg(open(row), row);
}

} // namespace fouad::FigureSql
