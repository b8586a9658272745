#include "storage/statsrepository.h"

#include "domain/complaintenums.h"
#include "storage/database.h"

#include <QHash>
#include <QMap>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

// The WHERE clause of a filter, its values bound in order.
struct Where
{
    QString sql;
    QVariantList values;
};

Where whereOf(const StatsFilter &f)
{
    QStringList parts;
    Where w;
    if (f.from) {
        parts << u"received_at >= ?"_s;
        w.values << f.from->toMSecsSinceEpoch();
    }
    if (f.to) {
        parts << u"received_at < ?"_s;
        w.values << f.to->toMSecsSinceEpoch();
    }
    for (const auto &[column, value] :
         { std::pair { u"province_code"_s, f.province }, std::pair { u"agency_code"_s, f.agency },
           std::pair { u"category_code"_s, f.category }, std::pair { u"channel"_s, f.channel } }) {
        if (value.isEmpty())
            continue;
        parts << column + u" = ?"_s;
        w.values << value;
    }
    w.sql = parts.isEmpty() ? QString() : u" WHERE "_s + parts.join(u" AND "_s);
    return w;
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

std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
}

} // namespace

Result<KeyFigures> StatsRepository::keyFigures(const StatsFilter &filter)
{
    const Where where = whereOf(filter);
    const QString closed = code(Status::Closed);
    // One scan, grouped finely enough to fold every figure from the groups.
    auto grouped =
        run(m_database,
            u"SELECT status, category_code, escalation_level, COUNT(*), COUNT(resolution_seconds),"
            " SUM(resolved_within_target), SUM(resolution_seconds),"
            " SUM(CASE WHEN outcome IN ('founded', 'partly_founded') THEN 1 ELSE 0 END),"
            " COUNT(outcome), SUM(satisfaction), COUNT(satisfaction),"
            " SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN reopen_count > 0 OR status = '%1' THEN 1 ELSE 0 END)"
            " FROM complaints%2 GROUP BY status, category_code, escalation_level"_s.arg(closed,
                                                                                        where.sql),
            where.values);
    if (!grouped)
        return grouped.error();
    QSqlQuery &q = grouped.value();
    KeyFigures k;
    QHash<QString, qint64> byStatus, byCategory;
    QMap<int, qint64> openByLevel;
    qint64 withinTarget = 0, resolutionSum = 0, founded = 0, withOutcome = 0, satisfactionSum = 0,
           satisfied = 0, reopened = 0, everClosed = 0;
    while (q.next()) {
        const QString status = q.value(0).toString();
        const qint64 n = q.value(3).toLongLong();
        k.total += n;
        byStatus[status] += n;
        byCategory[q.value(1).toString()] += n;
        if (status != closed) {
            k.open += n;
            openByLevel[q.value(2).toInt()] += n;
        }
        k.resolved += q.value(4).toLongLong();
        withinTarget += q.value(5).toLongLong();
        resolutionSum += q.value(6).toLongLong();
        founded += q.value(7).toLongLong();
        withOutcome += q.value(8).toLongLong();
        satisfactionSum += q.value(9).toLongLong();
        satisfied += q.value(10).toLongLong();
        reopened += q.value(11).toLongLong();
        everClosed += q.value(12).toLongLong();
    }
    q.finish();
    k.resolvedWithinTargetShare = ratio(withinTarget, k.resolved);
    k.averageResolutionSeconds = ratio(resolutionSum, k.resolved);
    k.foundedShare = ratio(founded, withOutcome);
    k.averageSatisfaction = ratio(satisfactionSum, satisfied);
    k.reopenRate = ratio(reopened, everClosed);
    for (int level = 0; level <= 3; ++level)
        openByLevel[level] += 0; // every level of the ladder, zero too
    for (auto it = openByLevel.cbegin(); it != openByLevel.cend(); ++it)
        k.openByEscalationLevel.append({ it.key(), it.value() });

    if (k.resolved > 0) {
        // The middle one (the mean of the middle two when even), by an ordered
        // read of the period's resolution times only.
        const QString sql =
            u"SELECT resolution_seconds FROM complaints%1%2"
            " resolution_seconds IS NOT NULL ORDER BY resolution_seconds"
            " LIMIT %3 OFFSET %4"_s.arg(where.sql, where.sql.isEmpty() ? u" WHERE"_s : u" AND"_s)
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
    auto categories =
        run(m_database, u"SELECT code FROM categories ORDER BY sort_order, code"_s, {});
    if (!categories)
        return categories.error();
    QSqlQuery &codes = categories.value();
    while (codes.next()) {
        const QString c = codes.value(0).toString();
        k.byCategory.append({ c, byCategory.take(c) });
    }
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it)
        k.byCategory.append({ it.key(), it.value() }); // codes no longer in the catalogue
    return k;
}

} // namespace fouad
