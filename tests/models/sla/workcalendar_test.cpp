#include "sla/workcalendar.h"
#include "support/tehrantime.h"

#include <QCalendar>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace fouad;
using fouad::test::tehran;

namespace {

const QTimeZone Tehran("Asia/Tehran");

QDate jalali(int y, int m, int d)
{
    return QCalendar(QCalendar::System::Jalali).dateFromParts(y, m, d);
}

const WorkCalendar &cal()
{
    return WorkCalendar::defaultCalendar();
}

TEST(WorkCalendar, NamedExamples)
{
    // 25 November 2026 is a Wednesday.
    ASSERT_EQ(QDate(2026, 11, 25).dayOfWeek(), Qt::Wednesday);
    EXPECT_EQ(cal().addWorking(tehran(2026, 11, 25, 13), 3 * 3600),
              tehran(2026, 11, 28, 9)); // Saturday 09:00
    EXPECT_EQ(cal().addWorking(tehran(2026, 11, 25, 20), 3 * 3600), tehran(2026, 11, 28, 10));
    // Inside office hours the same day; a target ending at closing time ends then.
    EXPECT_EQ(cal().addWorking(tehran(2026, 11, 22, 9, 30), 3 * 3600),
              tehran(2026, 11, 22, 12, 30));
    EXPECT_EQ(cal().addWorking(tehran(2026, 11, 22, 11), 3 * 3600), tehran(2026, 11, 22, 14));
    EXPECT_EQ(cal().addWorking(tehran(2026, 11, 22, 6), 30 * 60),
              tehran(2026, 11, 22, 7, 30)); // before opening
}

TEST(WorkCalendar, NowruzAndYearEnd)
{
    // 1404/12/27 (18 March 2026, Wednesday) 13:00 + 3 h: one hour that day, then
    // Thursday, Friday, Nowruz (1-4 Farvardin = Sat-Tue): due Wednesday 25 March 09:00.
    ASSERT_EQ(jalali(1404, 12, 27), QDate(2026, 3, 18));
    EXPECT_EQ(cal().addWorking(tehran(2026, 3, 18, 13), 3 * 3600), tehran(2026, 3, 25, 9));
    EXPECT_TRUE(cal().isHoliday(jalali(1405, 1, 1)));
    EXPECT_TRUE(cal().isHoliday(jalali(1405, 1, 4)));
    EXPECT_FALSE(cal().isHoliday(jalali(1405, 1, 5)));
    EXPECT_TRUE(cal().isHoliday(jalali(1405, 1, 12)));
    EXPECT_TRUE(cal().isHoliday(jalali(1405, 1, 13)));
    EXPECT_TRUE(cal().isHoliday(jalali(1405, 3, 14)));
    EXPECT_TRUE(cal().isHoliday(jalali(1405, 3, 15)));
    EXPECT_TRUE(cal().isHoliday(jalali(1405, 11, 22)));
    EXPECT_TRUE(cal().isHoliday(jalali(1403, 12, 29)));
    EXPECT_FALSE(
        cal().isHoliday(jalali(1403, 12, 30))); // 1403 is leap: 30 Esfand is a working date
    EXPECT_FALSE(cal().isWorkingDay(QDate(2026, 11, 26))); // Thursday
    EXPECT_FALSE(cal().isWorkingDay(QDate(2026, 11, 27))); // Friday
    EXPECT_TRUE(cal().isWorkingDay(QDate(2026, 11, 28))); // Saturday
}

TEST(WorkCalendar, WorkingSecondsBetween)
{
    EXPECT_EQ(cal().workingSeconds(tehran(2026, 11, 25, 13), tehran(2026, 11, 28, 9)), 3 * 3600);
    EXPECT_EQ(cal().workingSeconds(tehran(2026, 11, 26, 8), tehran(2026, 11, 27, 20)),
              0); // weekend
    EXPECT_EQ(cal().workingSeconds(tehran(2026, 11, 28, 0), tehran(2026, 12, 3, 0)),
              5 * 7 * 3600); // Sat..Wed
    EXPECT_EQ(cal().workingSeconds(tehran(2026, 11, 28, 9), tehran(2026, 11, 28, 8)), 0);
    EXPECT_EQ(
        WorkCalendar::allDay().workingSeconds(tehran(2026, 11, 26, 8), tehran(2026, 11, 27, 8)),
        86400);
}

TEST(WorkCalendar, ProvincialHoursAndConfirmedLunarHolidays)
{
    std::array<QList<WorkCalendar::Interval>, 7> week;
    for (Qt::DayOfWeek d : { Qt::Saturday, Qt::Sunday, Qt::Monday, Qt::Tuesday, Qt::Wednesday })
        week[d - 1] = { { 8 * 60, 12 * 60 }, { 13 * 60, 15 * 60 } }; // a lunch break
    const WorkCalendar calendar(Tehran, week, WorkCalendar::fixedSolarHolidays(),
                                { QDate(2026, 11, 29) });
    // Saturday 11:00 + 3 h: 11-12, 13-15 → 15:00.
    EXPECT_EQ(calendar.addWorking(tehran(2026, 11, 28, 11), 3 * 3600), tehran(2026, 11, 28, 15));
    // Saturday 14:00 + 3 h: 14-15, Sunday a (confirmed) holiday, Monday 08-10.
    EXPECT_EQ(calendar.addWorking(tehran(2026, 11, 28, 14), 3 * 3600), tehran(2026, 11, 30, 10));
    EXPECT_TRUE(calendar.isHoliday(QDate(2026, 11, 29)));
}

// The engine against the obvious: walk minute by minute over random instants of
// two Jalali years (1404 and 1405) and count working minutes.
bool workingMinute(const QDateTime &utc)
{
    const QDateTime local = utc.toTimeZone(Tehran);
    const QDate date = local.date();
    const auto parts = QCalendar(QCalendar::System::Jalali).partsFromDate(date);
    for (const auto &h : WorkCalendar::fixedSolarHolidays()) {
        if (h.month == parts.month && h.day == parts.day)
            return false;
    }
    if (date.dayOfWeek() == Qt::Thursday || date.dayOfWeek() == Qt::Friday)
        return false;
    const int minute = local.time().hour() * 60 + local.time().minute();
    return minute >= 7 * 60 && minute < 14 * 60;
}

TEST(WorkCalendar, AgreesWithAMinuteByMinuteWalk)
{
    QRandomGenerator rng(1404);
    const qint64 first = tehran(2025, 3, 21, 0).toSecsSinceEpoch(); // 1404/01/01
    const qint64 last = tehran(2027, 3, 20, 0).toSecsSinceEpoch(); // end of 1405
    for (int sample = 0; sample < 300; ++sample) {
        const qint64 start = first + qint64(rng.bounded(int((last - first) / 60))) * 60;
        const int minutes = rng.bounded(0, 14 * 60); // up to two working days
        QDateTime t = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
        int counted = 0;
        while (counted < minutes) {
            if (workingMinute(t))
                ++counted;
            t = t.addSecs(60);
        }
        const QDateTime start_ = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
        ASSERT_EQ(cal().addWorking(start_, qint64(minutes) * 60), t)
            << start_.toTimeZone(Tehran).toString(Qt::ISODate).toStdString() << " + " << minutes
            << " min";
        ASSERT_EQ(cal().workingSeconds(start_, t), qint64(minutes) * 60);
    }
}

} // namespace
