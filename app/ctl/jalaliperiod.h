#pragma once

#include "core/result.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>

#include <optional>

namespace fouad::ctl {

// --from JALALI --to JALALI, both days included, Tehran days: stats,
// scorecard and report read their period with this one reader.
struct JalaliPeriod
{
    std::optional<QDate> fromDay; // Gregorian QDate of the Tehran day
    std::optional<QDate> toDay;
    std::optional<QDateTime> fromUtc; // inclusive
    std::optional<QDateTime> toUtc; // exclusive: the midnight after --to's day
};

// Declares --from and --to (for a command's constructor).
QList<QCommandLineOption> jalaliPeriodOptions();
// An invalid date names its flag; --from after --to names --to. `required`:
// both must be given.
Result<JalaliPeriod> readJalaliPeriod(const QCommandLineParser &args, bool required);

} // namespace fouad::ctl
