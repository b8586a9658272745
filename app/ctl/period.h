#pragma once

#include "core/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>

#include <optional>

namespace fouad::ctl {

// A period of Jalali days given as --from and --to (both days included, each
// running from midnight to midnight in Tehran), as the UTC instants
// [from, to) a StatsFilter takes. stats, scorecard and report share it.
struct Period
{
    std::optional<QDateTime> fromUtc; // inclusive
    std::optional<QDateTime> toUtc; // exclusive: the midnight after --to's day
};

QList<QCommandLineOption> periodOptions();
// An invalid date names its flag; --from after --to names --to (exit 2).
Result<Period> readPeriod(const QCommandLineParser &args);

} // namespace fouad::ctl
