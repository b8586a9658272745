#include "storage/statsrepository.h"

#include "domain/complaintenums.h"
#include "storage/database.h"
#include "storage/statsfiltersql.h"

#include <QHash>

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

// The WHERE clause of a filter, its values bound in order.
struct Where
{
    QString sql;
    QVariantList values;
};

// The one WHERE of a period's complaints, shared with the report rows.
Where whereOf(const StatsFilter &f)
{
    StatsFilterSql sql = StatsFilterSql::of(f);
    return { std::move(sql.where), std::move(sql.values) };
}

Result<QSqlQuery> run(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError());
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    if (!q.exec())
        return sqlError(q.lastError());
    return q;
}

// The filter's clause with one more condition.
QString also(const Where &where, const QString &condition)
{
    if (where.sql.isEmpty())
        return u" WHERE "_s + condition;
    return where.sql + u" AND "_s + condition;
}

Result<QStringList> codes(Database &db, const QString &sql)
{
    auto q = run(db, sql, {});
    if (!q)
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

// The sums every figure is made of, in this order: resolved, within target,
// resolution seconds, founded, with an outcome, satisfaction sum and count,
// reopened, ever closed.
QString sums()
{
    return u"COUNT(resolution_seconds), SUM(resolved_within_target), SUM(resolution_seconds),"
           " SUM(CASE WHEN outcome IN ('founded', 'partly_founded') THEN 1 ELSE 0 END),"
           " COUNT(outcome), SUM(satisfaction), COUNT(satisfaction),"
           " SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END),"
           " SUM(CASE WHEN reopen_count > 0 OR status = '%1' THEN 1 ELSE 0 END)"_s.arg(
               code(Status::Closed));
}

std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
}

} // namespace

Result<KeyFigures> StatsRepository::keyFigures(const StatsFilter &filter)
{
    const Where where = whereOf(filter);
    const QString closed = code(Status::Closed);
    KeyFigures k;

    // The sums in one pass without grouping (a GROUP BY over these would sort
    // every row with every value).
    auto totals = run(m_database, u"SELECT COUNT(*), %1 FROM complaints%2"_s.arg(sums(), where.sql),
                      where.values);
    if (!totals)
        return totals.error();
    QSqlQuery &q = totals.value();
    if (!q.next())
        return sqlError(q.lastError());
    k.total = q.value(0).toLongLong();
    k.resolved = q.value(1).toLongLong();
    k.resolvedWithinTargetShare = ratio(q.value(2).toLongLong(), k.resolved);
    k.averageResolutionSeconds = ratio(q.value(3).toLongLong(), k.resolved);
    k.foundedShare = ratio(q.value(4).toLongLong(), q.value(5).toLongLong());
    k.averageSatisfaction = ratio(q.value(6).toLongLong(), q.value(7).toLongLong());
    k.reopenRate = ratio(q.value(8).toLongLong(), q.value(9).toLongLong());
    q.finish();

    // Counts by status and level, and by category: narrow groups.
    QHash<QString, qint64> byStatus, byCategory;
    QMap<int, qint64> openByLevel;
    for (int level = 0; level <= 3; ++level)
        openByLevel[level] = 0; // every level of the ladder, zero too
    auto levels = run(m_database,
                      u"SELECT status, escalation_level, COUNT(*) FROM complaints%1"
                      " GROUP BY status, escalation_level"_s.arg(where.sql),
                      where.values);
    if (!levels)
        return levels.error();
    QSqlQuery &groups = levels.value();
    while (groups.next()) {
        const QString status = groups.value(0).toString();
        const qint64 n = groups.value(2).toLongLong();
        byStatus[status] += n;
        if (status != closed) {
            k.open += n;
            openByLevel[groups.value(1).toInt()] += n;
        }
    }
    for (auto it = openByLevel.cbegin(); it != openByLevel.cend(); ++it)
        k.openByEscalationLevel.append({ it.key(), it.value() });
    auto categories = run(m_database,
                          u"SELECT category_code, COUNT(*) FROM complaints%1"
                          " GROUP BY category_code"_s.arg(where.sql),
                          where.values);
    if (!categories)
        return categories.error();
    QSqlQuery &perCategory = categories.value();
    while (perCategory.next())
        byCategory[perCategory.value(0).toString()] += perCategory.value(1).toLongLong();

    if (k.resolved > 0) {
        // The middle one (the mean of the middle two when even): a walk of the
        // resolution-time index from the shortest, skipping other periods.
        const QString sql =
            u"SELECT resolution_seconds FROM complaints%1 WHERE resolution_seconds IS NOT NULL%2"
            " ORDER BY resolution_seconds LIMIT %3 OFFSET %4"_s
                .arg(m_database.dialect().indexedBy(u"complaints_resolution"_s),
                     where.sql.isEmpty() ? QString() : u" AND"_s + where.sql.mid(6))
                .arg(k.resolved % 2 == 0 ? 2 : 1)
                .arg((k.resolved - 1) / 2);
        auto middle = run(m_database, sql, where.values);
        if (!middle)
            return middle.error();
        QSqlQuery &rows = middle.value();
        qint64 sum = 0, count = 0;
        while (rows.next()) {
            sum += rows.value(0).toLongLong();
            ++count;
        }
        if (count > 0)
            k.medianResolutionSeconds = sum / count;
    }

    for (Status s : allStatuses())
        k.byStatus.append({ code(s), byStatus.take(code(s)) });
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        k.byStatus.append({ it.key(), it.value() });
    auto catalogue =
        run(m_database, u"SELECT code FROM categories ORDER BY sort_order, code"_s, {});
    if (!catalogue)
        return catalogue.error();
    QSqlQuery &codes = catalogue.value();
    while (codes.next()) {
        const QString c = codes.value(0).toString();
        k.byCategory.append({ c, byCategory.take(c) });
    }
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it)
        k.byCategory.append({ it.key(), it.value() }); // codes no longer in the catalogue
    return k;
}

Result<QList<StatsRepository::Measures>> StatsRepository::measures(const StatsFilter &filter,
                                                                   GroupBy by)
{
    QStringList columns;
    switch (by) {
    case GroupBy::Agency:
        columns = { u"agency_code"_s };
        break;
    case GroupBy::Province:
        columns = { u"province_code"_s };
        break;
    case GroupBy::Office:
        columns = { u"office_code"_s };
        break;
    case GroupBy::AgencyProvince:
        columns = { u"agency_code"_s, u"province_code"_s };
        break;
    }
    const Where where = whereOf(filter);
    const QString clause =
        by == GroupBy::Office ? also(where, u"office_code IS NOT NULL"_s) : where.sql;
    const QString keys = columns.join(u", "_s);
    const QString closed = code(Status::Closed);
    auto result = run(m_database,
                      u"SELECT %1, COUNT(*), SUM(CASE WHEN status <> '%2' THEN 1 ELSE 0 END), %3"
                      " FROM complaints%4 GROUP BY %1"_s.arg(keys, closed, sums(), clause),
                      where.values);
    if (!result)
        return result.error();
    QSqlQuery &q = result.value();
    QList<Measures> out;
    const int n = int(columns.size());
    while (q.next()) {
        Measures m;
        for (int i = 0; i < n; ++i)
            m.key << q.value(i).toString();
        m.complaints = q.value(n).toLongLong();
        m.open = q.value(n + 1).toLongLong();
        m.resolved = q.value(n + 2).toLongLong();
        m.withinTarget = q.value(n + 3).toLongLong();
        m.resolutionSeconds = q.value(n + 4).toLongLong();
        m.founded = q.value(n + 5).toLongLong();
        m.outcomes = q.value(n + 6).toLongLong();
        m.satisfactionSum = q.value(n + 7).toLongLong();
        m.satisfactionCount = q.value(n + 8).toLongLong();
        m.reopened = q.value(n + 9).toLongLong();
        m.everClosed = q.value(n + 10).toLongLong();
        out << m;
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError());
    return out;
}

Result<QList<std::pair<qint64, qint64>>> StatsRepository::perTehranHour(const StatsFilter &filter)
{
    const Where where = whereOf(filter);
    // +03:30 in ms: Tehran's standard offset; its daylight-saving hour (until
    // 2022) moved whole hours, so these buckets never straddle a Tehran midnight.
    auto result = run(m_database,
                      u"SELECT (received_at + 12600000) / 3600000 AS hour, COUNT(*)"
                      " FROM complaints%1 GROUP BY hour ORDER BY hour"_s.arg(where.sql),
                      where.values);
    if (!result)
        return result.error();
    QSqlQuery &q = result.value();
    QList<std::pair<qint64, qint64>> out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toLongLong() });
    if (q.lastError().isValid())
        return sqlError(q.lastError());
    return out;
}

Result<QList<qint64>> StatsRepository::resolutionHistogram(const StatsFilter &filter,
                                                           qint64 bucketSeconds, int buckets)
{
    QList<qint64> out(buckets, 0);
    if (buckets <= 0 || bucketSeconds <= 0)
        return out;
    const Where where = whereOf(filter);
    const qint64 last = buckets - 1;
    auto result = run(m_database,
                      u"SELECT CASE WHEN resolution_seconds >= %1 THEN %2"
                      " ELSE resolution_seconds / %3 END AS bucket, COUNT(*)"
                      " FROM complaints%4 GROUP BY bucket"_s.arg(last * bucketSeconds)
                          .arg(last)
                          .arg(bucketSeconds)
                          .arg(also(where, u"resolution_seconds IS NOT NULL"_s)),
                      where.values);
    if (!result)
        return result.error();
    QSqlQuery &q = result.value();
    while (q.next()) {
        const qint64 bucket = std::clamp<qint64>(q.value(0).toLongLong(), 0, last);
        out[bucket] += q.value(1).toLongLong();
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError());
    return out;
}

Result<std::array<qint64, 5>> StatsRepository::satisfaction(const StatsFilter &filter)
{
    const Where where = whereOf(filter);
    auto result =
        run(m_database,
            u"SELECT satisfaction, COUNT(*) FROM complaints%1 GROUP BY satisfaction"_s.arg(
                also(where, u"satisfaction IS NOT NULL"_s)),
            where.values);
    if (!result)
        return result.error();
    QSqlQuery &q = result.value();
    std::array<qint64, 5> out {};
    while (q.next()) {
        const int score = q.value(0).toInt();
        if (score >= 1 && score <= 5)
            out[score - 1] += q.value(1).toLongLong();
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError());
    return out;
}

Result<QStringList> StatsRepository::agencies()
{
    return codes(m_database, u"SELECT code FROM agencies ORDER BY sort_order, code"_s);
}

Result<QStringList> StatsRepository::provinces()
{
    return codes(m_database, u"SELECT code FROM provinces ORDER BY sort_order, code"_s);
}

Result<QList<std::array<QString, 3>>> StatsRepository::offices()
{
    auto result = run(m_database,
                      u"SELECT code, agency_code, province_code FROM offices"
                      " ORDER BY agency_code, province_code, code"_s,
                      {});
    if (!result)
        return result.error();
    QSqlQuery &q = result.value();
    QList<std::array<QString, 3>> out;
    while (q.next())
        out.append({ q.value(u"code"_s).toString(), q.value(u"agency_code"_s).toString(),
                     q.value(u"province_code"_s).toString() });
    return out;
}

} // namespace fouad
