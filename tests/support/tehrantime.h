#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace fouad::test {

// A wall-clock time in Tehran, as UTC: tehran(2026, 11, 22, 9) is Sunday 09:00 there.
inline QDateTime tehran(int y, int m, int d, int h, int min = 0)
{
    static const QTimeZone zone("Asia/Tehran");
    return QDateTime(QDate(y, m, d), QTime(h, min), zone).toUTC();
}

} // namespace fouad::test
