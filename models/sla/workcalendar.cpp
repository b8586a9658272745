#include "sla/workcalendar.h"

#include "sla/holidays.h"

#include <QCalendar>

#include <algorithm>

namespace fouad {

namespace {

constexpr qint64 Day = 86400;
// Local days from 1970-01-01 to 2100-01-01.
constexpr qint64 DaysCovered = 47482;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

qint64 dayNumber(QDate date)
{
    return QDate(1970, 1, 1).daysTo(date);
}

} // namespace

const QList<WorkCalendar::JalaliDay> &WorkCalendar::fixedSolarHolidays()
{
    static const QList<JalaliDay> days = [] {
        QList<JalaliDay> out;
        for (const Holiday &h : Holidays::fixedSolar())
            out.append({ h.jalaliMonth, h.jalaliDay });
        return out;
    }();
    return days;
}

const std::array<QList<WorkCalendar::Interval>, 7> &WorkCalendar::officeWeek()
{
    static const std::array<QList<Interval>, 7> week = [] {
        std::array<QList<Interval>, 7> out;
        for (Qt::DayOfWeek d : { Qt::Saturday, Qt::Sunday, Qt::Monday, Qt::Tuesday, Qt::Wednesday })
            out[d - 1] = { OfficeHours };
        return out;
    }();
    return week;
}

const WorkCalendar &WorkCalendar::defaultCalendar()
{
    static const WorkCalendar calendar(QTimeZone(DefaultTimeZone), officeWeek(),
                                       fixedSolarHolidays(), {});
    return calendar;
}

const WorkCalendar &WorkCalendar::allDay()
{
    static const WorkCalendar calendar = [] {
        std::array<QList<Interval>, 7> week;
        for (auto &day : week)
            day = { { 0, 24 * 60 } };
        return WorkCalendar(QTimeZone(DefaultTimeZone), week, {}, {}, true);
    }();
    return calendar;
}

WorkCalendar::WorkCalendar(QTimeZone zone, std::array<QList<Interval>, 7> week,
                           QList<JalaliDay> recurring, QList<QDate> dates, bool allDay)
    : m_zone(std::move(zone))
    , m_week(std::move(week))
    , m_allDay(allDay)
    , m_holiday(DaysCovered, false)
{
    for (auto &day : m_week)
        std::sort(day.begin(), day.end(), [](const Interval &a, const Interval &b) {
            return a.startMinute < b.startMinute;
        });

    // The zone's offsets, once: a lookup per conversion instead of a tz query.
    const QDateTime from(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC);
    m_offsetFrom.push_back(std::numeric_limits<qint64>::min());
    m_offsets.push_back(m_zone.offsetFromUtc(from));
    for (const QTimeZone::OffsetData &t : m_zone.transitions(from, to)) {
        m_offsetFrom.push_back(t.atUtc.toSecsSinceEpoch());
        m_offsets.push_back(t.offsetFromUtc);
    }

    const QCalendar jalali(QCalendar::System::Jalali);
    const int firstYear = jalali.partsFromDate(QDate(1970, 1, 1)).year;
    const int lastYear = jalali.partsFromDate(QDate(2100, 1, 1)).year;
    for (int year = firstYear; year <= lastYear; ++year) {
        for (const JalaliDay &d : recurring)
            dates.append(
                jalali.dateFromParts(year, d.month, d.day)); // invalid (30 Esfand) is skipped below
    }
    for (const QDate &date : std::as_const(dates)) {
        if (!date.isValid())
            continue;
        const qint64 n = dayNumber(date);
        if (n >= 0 && n < DaysCovered)
            m_holiday[size_t(n)] = true;
    }
}

qint64 WorkCalendar::offsetAtUtc(qint64 utcSecs) const
{
    const auto it = std::upper_bound(m_offsetFrom.begin(), m_offsetFrom.end(), utcSecs);
    return m_offsets[size_t(std::distance(m_offsetFrom.begin(), it) - 1)];
}

qint64 WorkCalendar::toUtc(qint64 localSecs) const
{
    // Two rounds settle the offset, also next to a change.
    const qint64 guess = localSecs - offsetAtUtc(localSecs - m_offsets.back());
    return localSecs - offsetAtUtc(guess);
}

bool WorkCalendar::workingDay(qint64 localDay) const
{
    if (localDay >= 0 && localDay < DaysCovered && m_holiday[size_t(localDay)])
        return false;
    return !hours(localDay).isEmpty();
}

const QList<WorkCalendar::Interval> &WorkCalendar::hours(qint64 localDay) const
{
    // 1970-01-01 was a Thursday (Qt::DayOfWeek 4).
    const qint64 dow = ((localDay + 3) % 7 + 7) % 7; // Monday = 0
    return m_week[size_t(dow)];
}

bool WorkCalendar::isHoliday(QDate localDate) const
{
    const qint64 n = dayNumber(localDate);
    return n >= 0 && n < DaysCovered && m_holiday[size_t(n)];
}

bool WorkCalendar::isWorkingDay(QDate localDate) const
{
    return workingDay(dayNumber(localDate));
}

qint64 WorkCalendar::addWorkingSecs(qint64 startUtc, qint64 seconds) const
{
    if (seconds <= 0)
        return startUtc;
    if (m_allDay)
        return startUtc + seconds;
    const qint64 local = toLocal(startUtc);
    qint64 day = floorDiv(local, Day);
    qint64 sod = local - day * Day;
    qint64 remaining = seconds;
    // Ten years without a working minute means a calendar without hours.
    for (int guard = 0; guard < 3660; ++guard, ++day, sod = 0) {
        if (!workingDay(day))
            continue;
        for (const Interval &iv : hours(day)) {
            const qint64 end = iv.endMinute * 60;
            if (sod >= end)
                continue;
            const qint64 from = std::max<qint64>(sod, iv.startMinute * 60);
            const qint64 available = end - from;
            if (remaining <= available)
                return toUtc(day * Day + from + remaining);
            remaining -= available;
            sod = end;
        }
    }
    return startUtc + seconds; // no working time at all: fall back to the wall clock
}

qint64 WorkCalendar::workingSecsBetween(qint64 fromUtc, qint64 toUtc) const
{
    if (toUtc <= fromUtc)
        return 0;
    if (m_allDay)
        return toUtc - fromUtc;
    const qint64 a = toLocal(fromUtc);
    const qint64 b = toLocal(toUtc);
    qint64 total = 0;
    for (qint64 day = floorDiv(a, Day), last = floorDiv(b, Day); day <= last; ++day) {
        if (!workingDay(day))
            continue;
        const qint64 base = day * Day;
        for (const Interval &iv : hours(day)) {
            const qint64 s = std::max(base + iv.startMinute * 60, a);
            const qint64 e = std::min(base + iv.endMinute * 60, b);
            if (e > s)
                total += e - s;
        }
    }
    return total;
}

QDateTime WorkCalendar::addWorking(const QDateTime &startUtc, qint64 seconds) const
{
    return QDateTime::fromSecsSinceEpoch(addWorkingSecs(startUtc.toSecsSinceEpoch(), seconds),
                                         Qt::UTC);
}

qint64 WorkCalendar::workingSeconds(const QDateTime &fromUtc, const QDateTime &toUtc) const
{
    return workingSecsBetween(fromUtc.toSecsSinceEpoch(), toUtc.toSecsSinceEpoch());
}

} // namespace fouad
