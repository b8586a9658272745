#include "storage/statsrepository.h"

#include "domain/complaintenums.h"
#include "storage/database.h"

#include <QHash>
#include <QMap>
#include <QSqlError>
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
           std::pair { u"office_code"_s, f.office },
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
    KeyFigures k;

    // The sums in one pass without grouping (a GROUP BY over these would sort
    // every row with every value).
    auto sums = run(m_database,
                    u"SELECT COUNT(*), COUNT(resolution_seconds), SUM(resolved_within_target),"
                    " SUM(resolution_seconds),"
                    " SUM(CASE WHEN outcome IN ('founded', 'partly_founded') THEN 1 ELSE 0 END),"
                    " COUNT(outcome), SUM(satisfaction), COUNT(satisfaction),"
                    " SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END),"
                    " SUM(CASE WHEN reopen_count > 0 OR status = '%1' THEN 1 ELSE 0 END)"
                    " FROM complaints%2"_s.arg(closed, where.sql),
                    where.values);
    if (!sums)
        return sums.error();
    QSqlQuery &q = sums.value();
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

} // namespace fouad
