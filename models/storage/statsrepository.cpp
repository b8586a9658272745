#include "storage/statsrepository.h"

#include "domain/complaintenums.h"
#include "storage/complaintdays.h"
#include "storage/database.h"
#include "storage/figuresql.h"
#include "storage/statsfiltersql.h"

#include <QHash>

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <limits>
#include <memory>

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
    const QString row; // the columns of complaints, unprefixed
    return u"COUNT(resolution_seconds), SUM(resolved_within_target), SUM(resolution_seconds),"
           " SUM(CASE WHEN %1 THEN 1 ELSE 0 END),"
           " COUNT(outcome), SUM(satisfaction), COUNT(satisfaction),"
           " SUM(CASE WHEN %2 THEN 1 ELSE 0 END),"
           " SUM(CASE WHEN %3 THEN 1 ELSE 0 END)"_s.arg(
               FigureSql::founded(row), FigureSql::reopened(row), FigureSql::everClosed(row));
}

// The complaints a filter's figures read, and on SQLite the index they are
// read from: SQLite keeps no statistics here, and for a period open at one end
// it would rather walk a whole index in its GROUP BY's order (the category's,
// the office's) than the period's range of the figures' index.
QString complaintsFor(const StatsFilter &f, const Dialect &d)
{
    if (!d.isSQLite())
        return u"complaints"_s;
    const QString index = !f.office.isEmpty() ? u"complaints_office"_s
        : !f.category.isEmpty()               ? u"complaints_category_figures"_s
                                              : u"complaints_figures"_s;
    return u"complaints"_s + d.indexedBy(index);
}

std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
}

// The period of a filter in complaint_days' rows of one kind, when they can
// answer it: whole Tehran days, and no filter the kind does not keep. A
// directorate's row ('d') keeps its agency and province; an office's ('o') its
// agency, province and office; a category's ('c') the category alone. None
// keeps the channel. Directorates and offices are read by the block where a
// period covers whole blocks ('D', 'O'), by the day at its ends, unless `byDay`.
std::optional<Where> daysWhere(const StatsFilter &f, QChar kind, bool byDay = false)
{
    if (!f.channel.isEmpty())
        return std::nullopt;
    const bool keeps = kind == u'c'
        ? f.agency.isEmpty() && f.province.isEmpty() && f.office.isEmpty()
        : f.category.isEmpty() && (kind == u'o' || f.office.isEmpty());
    if (!keeps)
        return std::nullopt;
    // [first, end) in days; open ends as far as any day goes.
    qint64 first = 0, end = std::numeric_limits<qint32>::max(); // day is an INTEGER
    const std::pair<const std::optional<QDateTime> *, qint64 *> bounds[] = { { &f.from, &first },
                                                                             { &f.to, &end } };
    for (const auto &[bound, day] : bounds) {
        if (!*bound)
            continue;
        const qint64 ms = (*bound)->toMSecsSinceEpoch() + ComplaintDays::DayOffsetMs;
        if (ms < 0 || ms % ComplaintDays::DayMs != 0)
            return std::nullopt; // not a Tehran midnight of its standard time
        *day = ms / ComplaintDays::DayMs;
    }
    Where w;
    QStringList ranges;
    const auto range = [&](QChar k, qint64 from, qint64 to) {
        if (from >= to)
            return;
        ranges << u"(kind = ? AND day >= ? AND day < ?)"_s;
        w.values << QString(k) << from << to;
    };
    const qint64 block = ComplaintDays::BlockDays;
    const qint64 blocksFrom = (first + block - 1) / block * block, blocksEnd = end / block * block;
    if (byDay || kind == u'c' || blocksFrom >= blocksEnd) {
        range(kind, first, end);
    } else {
        range(kind, first, blocksFrom);
        range(kind.toUpper(), blocksFrom, blocksEnd);
        range(kind, blocksEnd, end);
    }
    if (ranges.isEmpty()) { // an empty period: no row
        ranges << u"(kind = ? AND day < 0)"_s;
        w.values << QString(kind);
    }
    w.sql = u" WHERE ("_s + ranges.join(u" OR "_s) + u')';
    if (!f.agency.isEmpty()) {
        w.sql += u" AND agency_code = ?"_s;
        w.values << f.agency;
    }
    if (!f.province.isEmpty()) {
        w.sql += u" AND province_code = ?"_s;
        w.values << f.province;
    }
    if (const QString &code = kind == u'c' ? f.category : f.office; !code.isEmpty()) {
        w.sql += u" AND code = ?"_s;
        w.values << code;
    }
    return w;
}

// The rows that sum a filter's complaints by agency and province: its
// office's when it names one (the office rows leave out complaints without one).
std::optional<Where> directoratesWhere(const StatsFilter &f, bool byDay = false)
{
    return daysWhere(f, f.office.isEmpty() ? u'd' : u'o', byDay);
}

// The rows that sum every complaint a filter selects, when some do: its
// directorates' (or office's), or its category's.
std::optional<Where> totalsWhere(const StatsFilter &f, bool byDay = false)
{
    if (auto directorates = directoratesWhere(f, byDay))
        return directorates;
    return daysWhere(f, u'c', byDay);
}

// complaint_days' measures summed per group of the key columns given (one
// row for none): the measures asked for, found by name.
struct DayGroup
{
    QStringList key;
    std::shared_ptr<const QHash<QString, int>> index; // measure → position in values
    QList<qint64> values;
    qint64 operator[](const QString &measure) const
    {
        const int at = index ? index->value(measure, -1) : -1;
        return at >= 0 ? values.value(at) : 0;
    }
};

// What a scorecard row or a chart's bar needs (measuresOf).
QStringList groupMeasures()
{
    QStringList out { u"complaints"_s };
    for (int level = 0; level < ComplaintDays::LevelsKept; ++level)
        out << u"open_%1"_s.arg(level);
    out << u"resolved"_s << u"within_target"_s << u"resolution_seconds"_s << u"founded"_s
        << u"outcomes"_s;
    for (int score = 1; score <= 5; ++score)
        out << u"sat_%1"_s.arg(score);
    out << u"reopened"_s << u"ever_closed"_s;
    return out;
}

Result<QList<DayGroup>> sumDays(Database &db, const Where &where, const QStringList &keys,
                                const QStringList &measures = ComplaintDays::measures())
{
    QStringList selected = keys;
    auto index = std::make_shared<QHash<QString, int>>();
    for (const QString &m : measures) {
        index->insert(m, int(index->size()));
        selected << u"SUM(%1) AS %1"_s.arg(m);
    }
    QString sql = u"SELECT %1 FROM %2%3"_s.arg(selected.join(u", "_s),
                                               QStringView(ComplaintDays::Table), where.sql);
    if (!keys.isEmpty())
        sql += u" GROUP BY "_s + keys.join(u", "_s);
    auto result = run(db, sql, where.values);
    if (!result)
        return result.error();
    QSqlQuery &q = result.value();
    // Each measure's column by its name, looked up once.
    QList<int> columns;
    const QSqlRecord record = q.record();
    for (const QString &m : measures)
        columns << record.indexOf(m);
    QList<DayGroup> out;
    while (q.next()) {
        DayGroup g;
        g.index = index;
        for (qsizetype i = 0; i < keys.size(); ++i)
            g.key << q.value(int(i)).toString();
        g.values.reserve(columns.size());
        for (int column : std::as_const(columns))
            g.values << q.value(column).toLongLong(); // NULL (no rows): 0
        out << g;
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError());
    return out;
}

StatsRepository::Measures measuresOf(const DayGroup &g)
{
    StatsRepository::Measures m;
    m.key = g.key;
    m.complaints = g[u"complaints"_s];
    for (int level = 0; level < ComplaintDays::LevelsKept; ++level)
        m.open += g[u"open_%1"_s.arg(level)];
    m.resolved = g[u"resolved"_s];
    m.withinTarget = g[u"within_target"_s];
    m.resolutionSeconds = g[u"resolution_seconds"_s];
    m.founded = g[u"founded"_s];
    m.outcomes = g[u"outcomes"_s];
    for (int score = 1; score <= 5; ++score) {
        const qint64 n = g[u"sat_%1"_s.arg(score)];
        m.satisfactionSum += score * n;
        m.satisfactionCount += n;
    }
    m.reopened = g[u"reopened"_s];
    m.everClosed = g[u"ever_closed"_s];
    return m;
}

// A read of complaint_days kept for the same WHERE.
template<typename Value> struct Slot
{
    QString key;
    std::optional<Value> value;
};

QString keyOf(const Where &w)
{
    QStringList parts { w.sql };
    for (const QVariant &v : w.values)
        parts << v.toString();
    return parts.join(u'\x1f');
}

Result<QList<DayGroup>> cachedSums(Slot<QList<DayGroup>> &slot, Database &db, const Where &where,
                                   const QStringList &keys)
{
    const QString key = keyOf(where);
    if (slot.value && slot.key == key)
        return *slot.value;
    auto read = sumDays(db, where, keys);
    if (!read)
        return read.error();
    slot.key = key;
    slot.value = read.value();
    return read;
}

void add(StatsRepository::Measures &to, const StatsRepository::Measures &m)
{
    to.complaints += m.complaints;
    to.open += m.open;
    to.resolved += m.resolved;
    to.withinTarget += m.withinTarget;
    to.resolutionSeconds += m.resolutionSeconds;
    to.founded += m.founded;
    to.outcomes += m.outcomes;
    to.satisfactionSum += m.satisfactionSum;
    to.satisfactionCount += m.satisfactionCount;
    to.reopened += m.reopened;
    to.everClosed += m.everClosed;
}

} // namespace

struct StatsRepository::Cache
{
    Slot<QList<DayGroup>> totals; // one group, every measure
    Slot<QList<DayGroup>> directorates; // by agency and province
};

StatsRepository::StatsRepository(Database &database)
    : m_database(database)
    , m_cache(std::make_unique<Cache>())
{
}

StatsRepository::~StatsRepository() = default;

Result<KeyFigures> StatsRepository::keyFigures(const StatsFilter &filter)
{
    const Where where = whereOf(filter);
    const QString from = complaintsFor(filter, m_database.dialect());
    const QString closed = code(Status::Closed);
    KeyFigures k;
    Measures tot;
    QHash<QString, qint64> byStatus, byCategory;
    QMap<int, qint64> openByLevel;
    for (int level = 0; level <= 3; ++level)
        openByLevel[level] = 0; // every level of the ladder, zero too
    // Resolution times in complaint_days' buckets, when read there: where the
    // median's walk starts.
    std::optional<QList<qint64>> buckets;

    if (const std::optional<Where> days = totalsWhere(filter)) {
        auto read = cachedSums(m_cache->totals, m_database, *days, {});
        if (!read)
            return read.error();
        const DayGroup g = read.value().value(0);
        tot = measuresOf(g);
        for (Status s : allStatuses())
            if (const qint64 n = g[u"n_"_s + code(s)])
                byStatus[code(s)] = n;
        const int top = ComplaintDays::LevelsKept - 1; // this level and above
        for (int level = 0; level < top; ++level)
            openByLevel[level] += g[u"open_%1"_s.arg(level)];
        if (g[u"open_%1"_s.arg(top)] > 0) {
            // Levels that high are rare: counted one by one from the complaints.
            auto high =
                run(m_database,
                    u"SELECT escalation_level, COUNT(*) FROM %1%2"
                    " GROUP BY escalation_level"_s.arg(
                        from,
                        also(where,
                             u"status <> '%1' AND escalation_level >= %2"_s.arg(closed).arg(top))),
                    where.values);
            if (!high)
                return high.error();
            while (high.value().next())
                openByLevel[high.value().value(0).toInt()] += high.value().value(1).toLongLong();
        }
        buckets.emplace();
        for (int b = 0; b < ComplaintDays::Buckets; ++b)
            buckets->append(g[u"res_%1"_s.arg(b)]);
    } else {
        // The sums in one pass without grouping (a GROUP BY over these would
        // sort every row with every value).
        auto totals =
            run(m_database, u"SELECT COUNT(*), %1 FROM %2%3"_s.arg(sums(), from, where.sql),
                where.values);
        if (!totals)
            return totals.error();
        QSqlQuery &q = totals.value();
        if (!q.next())
            return sqlError(q.lastError());
        tot.complaints = q.value(0).toLongLong();
        tot.resolved = q.value(1).toLongLong();
        tot.withinTarget = q.value(2).toLongLong();
        tot.resolutionSeconds = q.value(3).toLongLong();
        tot.founded = q.value(4).toLongLong();
        tot.outcomes = q.value(5).toLongLong();
        tot.satisfactionSum = q.value(6).toLongLong();
        tot.satisfactionCount = q.value(7).toLongLong();
        tot.reopened = q.value(8).toLongLong();
        tot.everClosed = q.value(9).toLongLong();
        q.finish();

        // Counts by status and level: narrow groups.
        auto levels = run(m_database,
                          u"SELECT status, escalation_level, COUNT(*) FROM %1%2"
                          " GROUP BY status, escalation_level"_s.arg(from, where.sql),
                          where.values);
        if (!levels)
            return levels.error();
        QSqlQuery &groups = levels.value();
        while (groups.next()) {
            const QString status = groups.value(0).toString();
            const qint64 n = groups.value(2).toLongLong();
            byStatus[status] += n;
            if (status != closed)
                openByLevel[groups.value(1).toInt()] += n;
        }
    }
    k.total = tot.complaints;
    k.resolved = tot.resolved;
    k.resolvedWithinTargetShare = ratio(tot.withinTarget, k.resolved);
    k.averageResolutionSeconds = ratio(tot.resolutionSeconds, k.resolved);
    k.foundedShare = ratio(tot.founded, tot.outcomes);
    k.averageSatisfaction = ratio(tot.satisfactionSum, tot.satisfactionCount);
    k.reopenRate = ratio(tot.reopened, tot.everClosed);
    for (auto it = openByLevel.cbegin(); it != openByLevel.cend(); ++it) {
        k.open += it.value();
        k.openByEscalationLevel.append({ it.key(), it.value() });
    }

    if (const std::optional<Where> days = daysWhere(filter, u'c')) {
        auto read = sumDays(m_database, *days, { u"code"_s }, { u"complaints"_s });
        if (!read)
            return read.error();
        for (const DayGroup &g : std::as_const(read.value()))
            byCategory[g.key.value(0)] += g[u"complaints"_s];
    } else {
        auto categories = run(m_database,
                              u"SELECT category_code, COUNT(*) FROM %1%2"
                              " GROUP BY category_code"_s.arg(from, where.sql),
                              where.values);
        if (!categories)
            return categories.error();
        QSqlQuery &perCategory = categories.value();
        while (perCategory.next())
            byCategory[perCategory.value(0).toString()] += perCategory.value(1).toLongLong();
    }

    if (k.resolved > 0) {
        // The middle one (the mean of the middle two when even): a walk of the
        // resolution-time index, skipping other periods, from the shortest or
        // from the bucket the middle falls in.
        qint64 offset = (k.resolved - 1) / 2;
        qint64 shortest = 0;
        if (buckets) {
            qint64 before = 0;
            for (qsizetype b = 0; b < buckets->size(); ++b) {
                if (offset < before + buckets->at(b)) {
                    if (b > 0)
                        shortest = b * ComplaintDays::BucketSeconds;
                    offset -= before;
                    break;
                }
                before += buckets->at(b);
            }
        }
        QString condition = u" WHERE resolution_seconds IS NOT NULL"_s;
        if (shortest > 0)
            condition += u" AND resolution_seconds >= %1"_s.arg(shortest);
        if (!where.sql.isEmpty())
            condition += u" AND"_s + where.sql.mid(6);
        // An office's few are read from its own index and sorted; walking
        // every office's resolution times for them would read the wide rows.
        const QString index =
            filter.office.isEmpty() ? u"complaints_resolution"_s : u"complaints_office"_s;
        const QString sql = u"SELECT resolution_seconds FROM complaints%1%2"
                            " ORDER BY resolution_seconds LIMIT %3 OFFSET %4"_s
                                .arg(m_database.dialect().indexedBy(index), condition)
                                .arg(k.resolved % 2 == 0 ? 2 : 1)
                                .arg(offset);
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
    if (by == GroupBy::Office) {
        if (const std::optional<Where> days = daysWhere(filter, u'o')) {
            auto read = sumDays(m_database, *days, { u"code"_s }, groupMeasures());
            if (!read)
                return read.error();
            QList<Measures> out;
            for (const DayGroup &g : std::as_const(read.value()))
                if (g[u"complaints"_s] > 0) // a group whose complaints all moved away
                    out << measuresOf(g);
            return out;
        }
    } else if (const std::optional<Where> days = directoratesWhere(filter)) {
        // Agencies and provinces are folded from the directorates, read once.
        auto read = cachedSums(m_cache->directorates, m_database, *days,
                               { u"agency_code"_s, u"province_code"_s });
        if (!read)
            return read.error();
        QList<Measures> out;
        QHash<QString, qsizetype> at;
        for (const DayGroup &g : std::as_const(read.value())) {
            if (g[u"complaints"_s] <= 0)
                continue; // a group whose complaints all moved away
            Measures m = measuresOf(g);
            if (by == GroupBy::AgencyProvince) {
                out << m;
                continue;
            }
            m.key = QStringList { m.key.value(by == GroupBy::Agency ? 0 : 1) };
            const auto found = at.constFind(m.key.constFirst());
            if (found == at.cend()) {
                at.insert(m.key.constFirst(), out.size());
                out << m;
            } else {
                add(out[*found], m);
            }
        }
        return out;
    }
    const Where where = whereOf(filter);
    const QString from = complaintsFor(filter, m_database.dialect());
    const QString clause =
        by == GroupBy::Office ? also(where, u"office_code IS NOT NULL"_s) : where.sql;
    const QString keys = columns.join(u", "_s);
    const QString closed = code(Status::Closed);
    auto result = run(m_database,
                      u"SELECT %1, COUNT(*), SUM(CASE WHEN status <> '%2' THEN 1 ELSE 0 END), %3"
                      " FROM %4%5 GROUP BY %1"_s.arg(keys, closed, sums(), from, clause),
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
    if (const std::optional<Where> days = totalsWhere(filter, true)) {
        // Each day's count at its first hour.
        auto read = run(m_database,
                        u"SELECT day, SUM(complaints) FROM %1%2 GROUP BY day ORDER BY day"_s.arg(
                            QStringView(ComplaintDays::Table), days->sql),
                        days->values);
        if (!read)
            return read.error();
        QSqlQuery &q = read.value();
        QList<std::pair<qint64, qint64>> out;
        while (q.next())
            if (const qint64 n = q.value(1).toLongLong(); n > 0)
                out.append({ q.value(0).toLongLong() * 24, n });
        if (q.lastError().isValid())
            return sqlError(q.lastError());
        return out;
    }
    const Where where = whereOf(filter);
    const QString from = complaintsFor(filter, m_database.dialect());
    // +03:30 in ms: Tehran's standard offset; its daylight-saving hour (until
    // 2022) moved whole hours, so these buckets never straddle a Tehran midnight.
    auto result = run(m_database,
                      u"SELECT (received_at + 12600000) / 3600000 AS hour, COUNT(*)"
                      " FROM %1%2 GROUP BY hour ORDER BY hour"_s.arg(from, where.sql),
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
    if (bucketSeconds == ComplaintDays::BucketSeconds && buckets == ComplaintDays::Buckets) {
        if (const std::optional<Where> days = totalsWhere(filter)) {
            auto read = cachedSums(m_cache->totals, m_database, *days, {});
            if (!read)
                return read.error();
            for (int b = 0; b < buckets; ++b)
                out[b] = read.value().value(0)[u"res_%1"_s.arg(b)];
            return out;
        }
    }
    const Where where = whereOf(filter);
    const QString from = complaintsFor(filter, m_database.dialect());
    const qint64 last = buckets - 1;
    auto result = run(m_database,
                      u"SELECT CASE WHEN resolution_seconds >= %1 THEN %2"
                      " ELSE resolution_seconds / %3 END AS bucket, COUNT(*)"
                      " FROM %4%5 GROUP BY bucket"_s.arg(last * bucketSeconds)
                          .arg(last)
                          .arg(bucketSeconds)
                          .arg(from, also(where, u"resolution_seconds IS NOT NULL"_s)),
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
    if (const std::optional<Where> days = totalsWhere(filter)) {
        auto read = cachedSums(m_cache->totals, m_database, *days, {});
        if (!read)
            return read.error();
        std::array<qint64, 5> out {};
        for (int score = 1; score <= 5; ++score)
            out[score - 1] = read.value().value(0)[u"sat_%1"_s.arg(score)];
        return out;
    }
    const Where where = whereOf(filter);
    const QString from = complaintsFor(filter, m_database.dialect());
    auto result = run(m_database,
                      u"SELECT satisfaction, COUNT(*) FROM %1%2 GROUP BY satisfaction"_s.arg(
                          from, also(where, u"satisfaction IS NOT NULL"_s)),
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
