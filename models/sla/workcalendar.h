#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <array>
#include <vector>

namespace fouad {

// When the clock of a working-time SLA target runs: office hours per weekday
// in a time zone, less holidays. Pure arithmetic, no database; exact to the
// second across midnights, weekends, holidays, year ends and offset changes.
// Copies share nothing mutable, so one calendar serves many threads.
class WorkCalendar final
{
public:
    struct Interval
    {
        int startMinute; // minutes after local midnight
        int endMinute;
        friend bool operator==(const Interval &, const Interval &) = default;
    };
    struct JalaliDay
    {
        int month;
        int day;
    };

    // The centre's office hours (DESIGN §3): Saturday to Wednesday 07:00–14:00 in
    // Asia/Tehran. The default calendar and a new database's (migration 3) come
    // from here, and the calendars dialog offers these hours for a day it opens.
    static constexpr char DefaultTimeZone[] = "Asia/Tehran";
    static constexpr Interval OfficeHours = { 7 * 60, 14 * 60 };
    // Indexed like `week` below (Monday = 0).
    static const std::array<QList<Interval>, 7> &officeWeek();

    // The office week and the fixed solar holidays (Holidays::fixedSolar).
    static const WorkCalendar &defaultCalendar();
    // Always working (the abroad line, say).
    static const WorkCalendar &allDay();

    // week is indexed by Qt::DayOfWeek - 1 (Monday = 0). recurring: Jalali
    // month/day holidays of every year; dates: one-off holidays (confirmed lunar
    // holidays), as local dates.
    WorkCalendar(QTimeZone zone, std::array<QList<Interval>, 7> week, QList<JalaliDay> recurring,
                 QList<QDate> dates, bool allDay = false);

    bool isAllDay() const { return m_allDay; }
    const QTimeZone &timeZone() const { return m_zone; }
    bool isHoliday(QDate localDate) const;
    bool isWorkingDay(QDate localDate) const;

    // The instant `seconds` of working time after start (start itself when 0).
    QDateTime addWorking(const QDateTime &startUtc, qint64 seconds) const;
    // Working seconds in [from, to); 0 when to is not after from.
    qint64 workingSeconds(const QDateTime &fromUtc, const QDateTime &toUtc) const;

    // The same on seconds since the epoch (UTC), for hot loops.
    qint64 addWorkingSecs(qint64 startUtc, qint64 seconds) const;
    qint64 workingSecsBetween(qint64 fromUtc, qint64 toUtc) const;

    static const QList<JalaliDay> &fixedSolarHolidays();

private:
    qint64 offsetAtUtc(qint64 utcSecs) const;
    qint64 toLocal(qint64 utcSecs) const { return utcSecs + offsetAtUtc(utcSecs); }
    qint64 toUtc(qint64 localSecs) const;
    bool workingDay(qint64 localDay) const;
    const QList<Interval> &hours(qint64 localDay) const;

    QTimeZone m_zone;
    std::array<QList<Interval>, 7> m_week;
    bool m_allDay = false;
    // Offset changes of the zone: from m_offsetFrom[i] (UTC seconds) on, m_offsets[i].
    std::vector<qint64> m_offsetFrom;
    std::vector<qint64> m_offsets;
    // One flag per local day since 1970-01-01 up to 2100: a holiday.
    std::vector<bool> m_holiday;
};

} // namespace fouad
