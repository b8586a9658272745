#pragma once

#include "core/result.h"
#include "sla/holidays.h"
#include "sla/workcalendar.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// Work calendars as an administrator edits them: office hours, holidays, and
// which calendar each province uses. Writes run inside the caller's transaction
// (AdministrationService's), so several make one change.
class CalendarRepository final
{
    Q_DECLARE_TR_FUNCTIONS(CalendarRepository)

public:
    explicit CalendarRepository(Database &database)
        : m_database(database)
    {
    }

    struct CalendarInfo
    {
        QString code;
        QString name;
        bool allDay = false;
    };
    Result<QList<CalendarInfo>> calendars();

    // Office hours, indexed Monday = 0 .. Sunday = 6.
    Result<std::array<QList<WorkCalendar::Interval>, 7>> hours(const QString &calendar);
    Result<void> setHours(const QString &calendar,
                          const std::array<QList<WorkCalendar::Interval>, 7> &week);

    Result<QList<Holiday>> holidays(const QString &calendar);
    Result<Holiday> holiday(qint64 id);
    Result<void> addHolidays(const QString &calendar, const QList<Holiday> &holidays);
    Result<void> removeHoliday(qint64 id);
    Result<void> setConfirmed(qint64 id, bool confirmed);

    Result<QHash<QString, QString>> provinceCalendars(); // province → calendar (absent: default)
    Result<void> setProvinceCalendar(const QString &province, const QString &calendar);
    Result<QHash<QString, QString>>
    channelCalendars(); // channel code → calendar (absent: the province's)
    // An empty calendar removes the channel's own calendar.
    Result<void> setChannelCalendar(const QString &channel, const QString &calendar);

private:
    Database &m_database;
};

} // namespace fouad
