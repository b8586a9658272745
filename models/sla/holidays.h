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

// The fixed solar holidays of every year, with the names a new database's
// default calendar stores (migration 3): Nowruz 1–4, Islamic Republic Day 12
// and Nature Day 13 Farvardin; 14–15 Khordad; 22 Bahman; oil nationalisation
// 29 Esfand (30 Esfand of leap years is not one).
const QList<Holiday> &fixedSolar();

// Estimates of the lunar (Hijri) holidays that fall in a Jalali year, from Qt's
// IslamicCivil calendar; unconfirmed, since the official dates follow the moon.
QList<Holiday> lunarEstimates(int jalaliYear);

// CSV lines "JALALI_DATE,NAME" (1405/01/01 or 1405-01-01, any digits; an empty
// year part "*/01/01" means every year). A header line starting with "date" is
// skipped. Any bad line refuses the whole file, naming the line.
Result<QList<Holiday>> parseCsv(const QString &text);

} // namespace Holidays

} // namespace fouad
