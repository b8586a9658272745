#include "storage/slarepository.h"

#include "storage/database.h"

#include <QCalendar>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

Result<SlaConfig> SlaRepository::load()
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    SlaConfig config;

    if (!q.exec(u"SELECT category_code, province_code, ack_seconds, ack_working, resolve_seconds, "
                u"resolve_working,"
                " verify_seconds, verify_working FROM sla_policies"_s))
        return sqlError(q.lastError());
    while (q.next()) {
        SlaPolicy p;
        p.acknowledge = { q.value(2).toLongLong(), q.value(3).toInt() != 0 };
        p.resolve = { q.value(4).toLongLong(), q.value(5).toInt() != 0 };
        p.verify = { q.value(6).toLongLong(), q.value(7).toInt() != 0 };
        config.setPolicy(q.value(0).toString(), q.value(1).toString(), p);
    }

    QList<EscalationRung> ladder;
    if (!q.exec(
            u"SELECT level, fraction, only_if_unacknowledged, notify FROM escalation_ladder ORDER BY level"_s))
        return sqlError(q.lastError());
    while (q.next())
        ladder.append({ q.value(0).toInt(), q.value(1).toDouble(), q.value(2).toInt() != 0,
                        q.value(3).toString() });
    config.setLadder(ladder);

    // Calendars, with their hours and holidays.
    struct Raw
    {
        QString zone;
        bool allDay = false;
        std::array<QList<WorkCalendar::Interval>, 7> week;
        QList<WorkCalendar::JalaliDay> recurring;
        QList<QDate> dates;
    };
    QHash<QString, Raw> raw;
    if (!q.exec(u"SELECT code, time_zone, all_day FROM calendars"_s))
        return sqlError(q.lastError());
    while (q.next())
        raw[q.value(0).toString()] =
            Raw { q.value(1).toString(), q.value(2).toInt() != 0, {}, {}, {} };
    if (!q.exec(u"SELECT calendar_code, weekday, start_minute, end_minute FROM calendar_hours"_s))
        return sqlError(q.lastError());
    while (q.next()) {
        const int weekday = q.value(1).toInt();
        if (weekday >= 1 && weekday <= 7 && raw.contains(q.value(0).toString()))
            raw[q.value(0).toString()].week[size_t(weekday - 1)].append(
                { q.value(2).toInt(), q.value(3).toInt() });
    }
    if (!q.exec(
            u"SELECT calendar_code, jalali_year, jalali_month, jalali_day FROM calendar_holidays"
            " WHERE confirmed = 1"_s))
        return sqlError(q.lastError());
    const QCalendar jalali(QCalendar::System::Jalali);
    while (q.next()) {
        const QString code = q.value(0).toString();
        if (!raw.contains(code))
            continue;
        if (q.value(1).isNull())
            raw[code].recurring.append({ q.value(2).toInt(), q.value(3).toInt() });
        else
            raw[code].dates.append(
                jalali.dateFromParts(q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt()));
    }
    QHash<QString, std::shared_ptr<const WorkCalendar>> calendars;
    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        calendars.insert(it.key(),
                         std::make_shared<const WorkCalendar>(QTimeZone(it->zone.toUtf8()),
                                                              it->week, it->recurring, it->dates,
                                                              it->allDay));
    }
    config.setDefaultCalendar(calendars.value(u"default"_s));
    if (!q.exec(u"SELECT province_code, calendar_code FROM province_calendars"_s))
        return sqlError(q.lastError());
    while (q.next())
        config.setCalendar(q.value(0).toString(), calendars.value(q.value(1).toString()));
    if (!q.exec(u"SELECT channel, calendar_code FROM channel_calendars"_s))
        return sqlError(q.lastError());
    while (q.next())
        config.setChannelCalendar(q.value(0).toString(), calendars.value(q.value(1).toString()));
    return config;
}

Result<void> SlaRepository::savePolicy(const QString &category, const QString &province,
                                       const SlaPolicy &p)
{
    for (const SlaTarget &t : { p.acknowledge, p.resolve, p.verify }) {
        if (t.seconds <= 0 || t.seconds > 30 * 86400)
            return Error::invalid(u"target"_s,
                                  tr("A target is more than zero and at most 30 days."));
    }
    QSqlQuery q(m_database.connection());
    q.prepare(
        u"DELETE FROM sla_policies WHERE category_code = ? AND COALESCE(province_code, '') = ?"_s);
    q.addBindValue(category);
    q.addBindValue(province.isEmpty() ? u""_s : province); // a null QString would bind NULL
    if (!q.exec())
        return sqlError(q.lastError());
    q.prepare(
        u"INSERT INTO sla_policies (category_code, province_code, ack_seconds, ack_working, "
        u"resolve_seconds,"
        " resolve_working, verify_seconds, verify_working) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(category);
    q.addBindValue(nullableText(province));
    for (const SlaTarget &t : { p.acknowledge, p.resolve, p.verify }) {
        q.addBindValue(t.seconds);
        q.addBindValue(t.working ? 1 : 0);
    }
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<void> SlaRepository::saveLadder(const QList<EscalationRung> &ladder)
{
    double previous = 0;
    for (int i = 0; i < ladder.size(); ++i) {
        const EscalationRung &rung = ladder.at(i);
        if (rung.level != i + 1)
            return Error::invalid(u"level"_s, tr("The ladder's levels are 1, 2, 3… in order."));
        if (rung.fraction <= previous || rung.fraction > 10)
            return Error::invalid(u"fraction"_s,
                                  tr("Each level comes at a larger share of the resolution "
                                     "target than the one before, at most ten times it."));
        if (rung.notify.trimmed().isEmpty())
            return Error::invalid(u"notify"_s, tr("Say whom each level notifies."));
        previous = rung.fraction;
    }
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"DELETE FROM escalation_ladder"_s))
        return sqlError(q.lastError());
    q.prepare(u"INSERT INTO escalation_ladder (level, fraction, only_if_unacknowledged, notify)"
              " VALUES (?, ?, ?, ?)"_s);
    for (const EscalationRung &rung : ladder) {
        q.addBindValue(rung.level);
        q.addBindValue(rung.fraction);
        q.addBindValue(rung.onlyIfUnacknowledged ? 1 : 0);
        q.addBindValue(rung.notify.trimmed());
        if (!q.exec())
            return sqlError(q.lastError());
    }
    return {};
}

} // namespace fouad
