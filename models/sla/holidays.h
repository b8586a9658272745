#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace fouad {

// A holiday of a work calendar, by Jalali date. Recurring ones (the fixed
// solar holidays) have no year. Lunar holidays move each year: an estimate is
// stored unconfirmed and does not count until an administrator confirms it.
struct Holiday
{
    qint64 id = 0;
    int jalaliYear = 0; // 0: every year
    int jalaliMonth = 1;
    int jalaliDay = 1;
    QString name;
    bool confirmed = true;
};

namespace Holidays {

// Estimates of the lunar (Hijri) holidays that fall in a Jalali year, from Qt's
// IslamicCivil calendar; unconfirmed, since the official dates follow the moon.
QList<Holiday> lunarEstimates(int jalaliYear);

// CSV lines "JALALI_DATE,NAME" (1405/01/01 or 1405-01-01, any digits; an empty
// year part "*/01/01" means every year). A header line starting with "date" is
// skipped. Any bad line refuses the whole file, naming the line.
Result<QList<Holiday>> parseCsv(const QString &text);

} // namespace Holidays

} // namespace fouad
