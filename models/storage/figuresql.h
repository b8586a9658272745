#pragma once

#include <QString>

namespace fouad::FigureSql {

// Which complaints each key figure counts (issue 10), as SQL over one
// complaints row whose columns carry the prefix `row` ("", "c.", "NEW.").
// StatsRepository's sums, the daily summary's triggers and the queue behind a
// dashboard tile all say it here, so a tile and the queue it opens agree.
QString resolved(const QString &row);
QString withinTarget(const QString &row);
QString founded(const QString &row);
QString withOutcome(const QString &row);
QString rated(const QString &row);
QString reopened(const QString &row);
QString everClosed(const QString &row);
QString open(const QString &row);
// Open and escalated at least once.
QString escalated(const QString &row);

} // namespace fouad::FigureSql
