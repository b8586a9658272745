#include "storage/calendarrepository.h"

#include "storage/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

Result<QList<CalendarRepository::CalendarInfo>> CalendarRepository::calendars()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT code, name, all_day FROM calendars ORDER BY code"_s))
        return sqlError(q.lastError());
    QList<CalendarInfo> out;
    while (q.next())
        out.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() != 0 });
    return out;
}

Result<std::array<QList<WorkCalendar::Interval>, 7>>
CalendarRepository::hours(const QString &calendar)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        u"SELECT weekday, start_minute, end_minute FROM calendar_hours WHERE calendar_code = ?"
        " ORDER BY weekday, start_minute"_s);
    q.addBindValue(calendar);
    if (!q.exec())
        return sqlError(q.lastError());
    std::array<QList<WorkCalendar::Interval>, 7> week;
    while (q.next()) {
        const int weekday = q.value(0).toInt();
        if (weekday >= 1 && weekday <= 7)
            week[size_t(weekday - 1)].append({ q.value(1).toInt(), q.value(2).toInt() });
    }
    return week;
}

Result<void> CalendarRepository::setHours(const QString &calendar,
                                          const std::array<QList<WorkCalendar::Interval>, 7> &week)
{
    for (const auto &day : week) {
        for (const auto &iv : day) {
            if (iv.startMinute < 0 || iv.endMinute > 24 * 60 || iv.startMinute >= iv.endMinute)
                return Error::invalid(
                    u"hours"_s, tr("Office hours must start before they end, within the day."));
        }
    }
    QSqlQuery q(m_database.connection());
    q.prepare(u"DELETE FROM calendar_hours WHERE calendar_code = ?"_s);
    q.addBindValue(calendar);
    if (!q.exec())
        return sqlError(q.lastError());
    q.prepare(
        u"INSERT INTO calendar_hours (calendar_code, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)"_s);
    for (int d = 0; d < 7; ++d) {
        for (const auto &iv : week[size_t(d)]) {
            q.addBindValue(calendar);
            q.addBindValue(d + 1);
            q.addBindValue(iv.startMinute);
            q.addBindValue(iv.endMinute);
            if (!q.exec())
                return sqlError(q.lastError());
        }
    }
    return {};
}

Result<QList<Holiday>> CalendarRepository::holidays(const QString &calendar)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        u"SELECT id, jalali_year, jalali_month, jalali_day, name, confirmed FROM calendar_holidays"
        " WHERE calendar_code = ? ORDER BY COALESCE(jalali_year, 0), jalali_month, jalali_day"_s);
    q.addBindValue(calendar);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Holiday> out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toInt(),
                     q.value(3).toInt(), q.value(4).toString(), q.value(5).toInt() != 0 });
    return out;
}

Result<Holiday> CalendarRepository::holiday(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT id, jalali_year, jalali_month, jalali_day, name, confirmed"
              " FROM calendar_holidays WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return Error::notFound(u"holiday"_s, tr("No holiday %1.").arg(id));
    return Holiday { q.value(0).toLongLong(), q.value(1).toInt(),    q.value(2).toInt(),
                     q.value(3).toInt(),      q.value(4).toString(), q.value(5).toInt() != 0 };
}

Result<void> CalendarRepository::addHolidays(const QString &calendar,
                                             const QList<Holiday> &holidays)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO calendar_holidays (calendar_code, jalali_year, jalali_month, "
              u"jalali_day, name, confirmed)"
              " VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const Holiday &h : holidays) {
        q.addBindValue(calendar);
        q.addBindValue(h.jalaliYear == 0 ? QVariant(QMetaType::fromType<int>())
                                         : QVariant(h.jalaliYear));
        q.addBindValue(h.jalaliMonth);
        q.addBindValue(h.jalaliDay);
        q.addBindValue(h.name);
        q.addBindValue(h.confirmed ? 1 : 0);
        if (!q.exec())
            return sqlError(q.lastError());
    }
    return {};
}

Result<void> CalendarRepository::removeHoliday(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"DELETE FROM calendar_holidays WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return Error::notFound(u"holiday"_s, tr("No holiday %1.").arg(id));
    return {};
}

Result<void> CalendarRepository::setConfirmed(qint64 id, bool confirmed)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"UPDATE calendar_holidays SET confirmed = ? WHERE id = ?"_s);
    q.addBindValue(confirmed ? 1 : 0);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return Error::notFound(u"holiday"_s, tr("No holiday %1.").arg(id));
    return {};
}

Result<QHash<QString, QString>> CalendarRepository::provinceCalendars()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT province_code, calendar_code FROM province_calendars"_s))
        return sqlError(q.lastError());
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Result<void> CalendarRepository::setProvinceCalendar(const QString &province,
                                                     const QString &calendar)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        u"INSERT INTO province_calendars (province_code, calendar_code) VALUES (?, ?)"
        " ON CONFLICT (province_code) DO UPDATE SET calendar_code = excluded.calendar_code"_s);
    q.addBindValue(province);
    q.addBindValue(calendar);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<QHash<QString, QString>> CalendarRepository::channelCalendars()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT channel, calendar_code FROM channel_calendars"_s))
        return sqlError(q.lastError());
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Result<void> CalendarRepository::setChannelCalendar(const QString &channel, const QString &calendar)
{
    QSqlQuery q(m_database.connection());
    if (calendar.isEmpty()) {
        q.prepare(u"DELETE FROM channel_calendars WHERE channel = ?"_s);
        q.addBindValue(channel);
    } else {
        q.prepare(u"INSERT INTO channel_calendars (channel, calendar_code) VALUES (?, ?)"
                  " ON CONFLICT (channel) DO UPDATE SET calendar_code = excluded.calendar_code"_s);
        q.addBindValue(channel);
        q.addBindValue(calendar);
    }
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

} // namespace fouad
