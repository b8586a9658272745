#include "storage/reportrowsrepository.h"

#include "storage/database.h"
#include "storage/statsfiltersql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

Result<void> prepareAndRun(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError());
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

QDateTime utcOrInvalid(const QVariant &ms)
{
    return ms.isNull() ? QDateTime()
                       : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), QTimeZone::utc());
}

} // namespace

Result<qint64> ReportRowsRepository::count(const StatsFilter &filter)
{
    const StatsFilterSql f = StatsFilterSql::of(filter);
    QSqlQuery q(m_database.connection());
    if (auto ran = prepareAndRun(q, u"SELECT COUNT(*) FROM complaints"_s + f.where, f.values); !ran)
        return ran.error();
    if (!q.next())
        return sqlError(q.lastError());
    return q.value(0).toLongLong();
}

Result<qint64> ReportRowsRepository::forEach(const StatsFilter &filter, bool withPersonalData,
                                             const std::function<bool(const ReportRow &)> &row)
{
    const StatsFilterSql f = StatsFilterSql::of(filter);
    QString columns = u"tracking_code, received_at, channel, province_code, city_code, agency_code,"
                      " office_code, category_code, priority, status, escalation_level, outcome,"
                      " satisfaction, resolved_at, resolution_seconds, resolved_within_target,"
                      " reopen_count, citizen_phone"_s;
    if (withPersonalData)
        columns += u", citizen_name, citizen_national_id, description"_s;
    QSqlQuery q(m_database.connection());
    if (auto ran = prepareAndRun(
            q, u"SELECT %1 FROM complaints%2 ORDER BY received_at, id"_s.arg(columns, f.where),
            f.values);
        !ran)
        return ran.error();

    // Columns by name, resolved once.
    const QSqlRecord record = q.record();
    auto at = [&record](const char *name) {
        return record.indexOf(QLatin1StringView(name));
    };
    const int code = at("tracking_code"), received = at("received_at"), channel = at("channel"),
              province = at("province_code"), city = at("city_code"), agency = at("agency_code"),
              office = at("office_code"), category = at("category_code"), priority = at("priority"),
              status = at("status"), level = at("escalation_level"), outcome = at("outcome"),
              satisfaction = at("satisfaction"), resolvedAt = at("resolved_at"),
              seconds = at("resolution_seconds"), withinTarget = at("resolved_within_target"),
              reopens = at("reopen_count"), phone = at("citizen_phone"), name = at("citizen_name"),
              nationalId = at("citizen_national_id"), description = at("description");

    qint64 given = 0;
    ReportRow r;
    while (q.next()) {
        r.trackingCode = q.value(code).toString();
        r.receivedAt = utcOrInvalid(q.value(received));
        r.channel = q.value(channel).toString();
        r.province = q.value(province).toString();
        r.city = q.value(city).toString();
        r.agency = q.value(agency).toString();
        r.office = q.value(office).toString();
        r.category = q.value(category).toString();
        r.priority = q.value(priority).toString();
        r.status = q.value(status).toString();
        r.escalationLevel = q.value(level).toInt();
        r.outcome = q.value(outcome).toString();
        const QVariant score = q.value(satisfaction);
        r.satisfaction = score.isNull() ? std::nullopt : std::optional<int>(score.toInt());
        r.resolvedAt = utcOrInvalid(q.value(resolvedAt));
        const QVariant s = q.value(seconds);
        r.resolutionSeconds = s.isNull() ? std::nullopt : std::optional<qint64>(s.toLongLong());
        r.resolvedWithinTarget = q.value(withinTarget).toInt() != 0;
        r.reopenCount = q.value(reopens).toInt();
        r.phone = q.value(phone).toString();
        if (withPersonalData) {
            r.citizenName = q.value(name).toString();
            r.nationalId = q.value(nationalId).toString();
            r.description = q.value(description).toString();
        }
        ++given;
        if (!row(r))
            break;
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError());
    return given;
}

} // namespace fouad
