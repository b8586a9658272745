#include "storage/complaintrepository.h"

#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "domain/trackingcode.h"
#include "storage/complaintrows.h"
#include "storage/database.h"
#include "storage/sqlitebulkwriter.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

const QString SequenceName = u"complaint_code"_s;

// What every SELECT reads: the inserted columns, then those actions set later.
const QString Columns = QStringView(ComplaintRows::ComplaintColumns).toString().simplified()
    + u", inspector, merged_into, closed_unverified, locked_by, locked_until"_s;

// The Binder of ComplaintRows over a Qt prepared statement.
struct QSqlBinder
{
    QSqlQuery &q;
    void integer(int i, qint64 v) { q.bindValue(i, v); }
    void text(int i, const QString &s) { q.bindValue(i, s); }
    void textOrNull(int i, const QString &s) { q.bindValue(i, nullableText(s)); }
    void null(int i) { q.bindValue(i, QVariant(QMetaType::fromType<qint64>())); }
};

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

Complaint readComplaint(const QSqlQuery &q)
{
    Complaint c;
    c.id = q.value(0).toLongLong();
    c.trackingCode = q.value(1).toString();
    c.receivedAt = fromMs(q.value(2));
    c.channel = channelFromCode(q.value(3).toString()).value_or(Channel::Line128);
    c.citizen.name = q.value(4).toString();
    c.citizen.phone = q.value(5).toString();
    c.citizen.nationalId = q.value(6).toString();
    c.citizen.shareIdentity = q.value(7).toInt() != 0;
    c.provinceCode = q.value(8).toString();
    c.agencyCode = q.value(9).toString();
    c.categoryCode = q.value(10).toString();
    c.priority = priorityFromCode(q.value(11).toString()).value_or(Priority::Normal);
    c.description = q.value(12).toString();
    c.status = statusFromCode(q.value(13).toString()).value_or(Status::Registered);
    c.assignee = q.value(14).toString();
    c.escalationLevel = q.value(15).toInt();
    c.dueAt = fromMs(q.value(16));
    c.outcome = q.value(17).toString();
    if (!q.value(18).isNull())
        c.satisfaction = q.value(18).toInt();
    c.version = q.value(19).toInt();
    c.createdBy = q.value(20).toString();
    c.updatedAt = fromMs(q.value(21));
    c.inspector = q.value(22).toString();
    c.mergedInto = q.value(23).toString();
    c.closedUnverified = q.value(24).toInt() != 0;
    c.lockedBy = q.value(25).toString();
    c.lockedUntil = fromMs(q.value(26));
    return c;
}

// The search box's text as SQL conditions: the name key, the tracking code, the phone.
struct SearchClause
{
    QString sql;
    QVariantList values;
};

SearchClause searchClause(const QString &typed, const Dialect &dialect)
{
    const QString key = PersianText::searchKey(typed);
    if (key.isEmpty())
        return {};
    QStringList ors;
    QVariantList values;
    ors << u"citizen_name_key %1 ? ESCAPE '\\'"_s.arg(dialect.likeOperator());
    values << QVariant(u'%' + escapeLike(key) + u'%');

    QString digits = key;
    digits.remove(u' ');
    digits.remove(u'-');
    const bool allDigits = !digits.isEmpty()
        && std::all_of(digits.cbegin(), digits.cend(), [](QChar c) { return c.isDigit(); });
    if (allDigits) {
        ors << u"tracking_code LIKE ?"_s;
        values << QVariant(u'%' + digits + u'%');
    }
    if (const auto phone = PhoneNumber::parse(typed)) {
        ors << u"citizen_phone = ?"_s;
        values << QVariant(phone->e164());
    } else if (allDigits && digits.size() >= 4) {
        // Part of a number: "0912 123" is stored as +98912123…, so drop the trunk 0.
        const QString part =
            digits.startsWith(u'0') && !digits.startsWith(u"00") ? digits.mid(1) : digits;
        ors << u"citizen_phone LIKE ?"_s;
        values << QVariant(u'%' + part + u'%');
    }
    return { u'(' + ors.join(u" OR "_s) + u')', values };
}

} // namespace

ComplaintRepository::ComplaintRepository(Database &database)
    : m_database(database)
{
}

QSqlQuery &ComplaintRepository::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return it->second;
}

Result<void> ComplaintRepository::appendEvent(qint64 complaintId, const HistoryEvent &event)
{
    static const QString sql = ComplaintRows::insertEventsSql(1);
    QSqlQuery &q = statement(sql);
    QSqlBinder binder { q };
    ComplaintRows::bindEvent(binder, 0, complaintId, event);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<Complaint> ComplaintRepository::registerComplaint(Complaint c, const QString &actor)
{
    const QString who = actor.isEmpty() ? QStringView(SystemActor).toString() : actor;
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    QSqlDatabase db = m_database.connection();
    const auto ids = m_database.dialect().takeSequenceValues(db, SequenceName, 1);
    if (!ids)
        return ids.error();
    c.id = ids.value().constFirst();
    c.trackingCode = TrackingCode::fromSequence(c.id);
    c.status = Status::Registered;
    c.version = 1;
    c.createdBy = who;
    c.updatedAt = c.receivedAt;

    HistoryEvent registered;
    registered.at = c.receivedAt;
    registered.actor = who;
    registered.type = u"registered"_s;
    registered.toStatus = code(Status::Registered);

    static const QString insertComplaint = ComplaintRows::insertComplaintsSql(1);
    QSqlQuery &complaintRow = statement(insertComplaint);
    QSqlBinder complaintBinder { complaintRow };
    ComplaintRows::bindComplaint(complaintBinder, 0, c);
    if (!complaintRow.exec())
        return sqlError(complaintRow.lastError());
    if (auto appended = appendEvent(c.id, registered); !appended)
        return appended.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    c.history = { registered };
    return c;
}

Result<void> ComplaintRepository::insertMany(QList<Complaint> &complaints)
{
    if (complaints.isEmpty())
        return {};
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    QSqlDatabase db = m_database.connection();
    const auto ids =
        m_database.dialect().takeSequenceValues(db, SequenceName, int(complaints.size()));
    if (!ids)
        return ids.error();

    for (qsizetype i = 0; i < complaints.size(); ++i) {
        complaints[i].id = ids.value().at(i);
        complaints[i].trackingCode = TrackingCode::fromSequence(complaints[i].id);
    }
    if (m_database.dialect().isSQLite()) {
        if (auto written = SqliteBulkWriter(db).write(complaints); !written)
            return written.error();
        return tx.commit();
    }

    // Many rows per statement: a round trip per row would dominate otherwise.
    constexpr int N = BulkRowsPerStatement;
    static const QString complaintsChunkSql = ComplaintRows::insertComplaintsSql(N);
    static const QString eventsChunkSql = ComplaintRows::insertEventsSql(N);
    static const QString oneComplaintSql = ComplaintRows::insertComplaintsSql(1);
    static const QString oneEventSql = ComplaintRows::insertEventsSql(1);
    for (qsizetype i = 0; i < complaints.size();) {
        const int rows = i + N <= complaints.size() ? N : 1;
        QSqlQuery &q = statement(rows == N ? complaintsChunkSql : oneComplaintSql);
        QSqlBinder binder { q };
        for (int row = 0; row < rows; ++row)
            ComplaintRows::bindComplaint(binder, row, complaints.at(i + row));
        if (!q.exec())
            return sqlError(q.lastError());
        i += rows;
    }
    QList<std::pair<qint64, const HistoryEvent *>> events;
    for (const Complaint &c : std::as_const(complaints)) {
        for (const HistoryEvent &e : c.history)
            events.append({ c.id, &e });
    }
    for (qsizetype i = 0; i < events.size();) {
        const int rows = i + N <= events.size() ? N : 1;
        QSqlQuery &q = statement(rows == N ? eventsChunkSql : oneEventSql);
        QSqlBinder binder { q };
        for (int row = 0; row < rows; ++row)
            ComplaintRows::bindEvent(binder, row, events.at(i + row).first,
                                     *events.at(i + row).second);
        if (!q.exec())
            return sqlError(q.lastError());
        i += rows;
    }
    return tx.commit();
}

Result<QList<HistoryEvent>> ComplaintRepository::history(qint64 complaintId)
{
    QSqlQuery &q = statement(u"SELECT id, at, actor, type, from_status, to_status, data"
                             " FROM complaint_events WHERE complaint_id = ? ORDER BY id"_s);
    q.bindValue(0, complaintId);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<HistoryEvent> events;
    while (q.next()) {
        HistoryEvent e;
        e.id = q.value(0).toLongLong();
        e.at = fromMs(q.value(1));
        e.actor = q.value(2).toString();
        e.type = q.value(3).toString();
        e.fromStatus = q.value(4).toString();
        e.toStatus = q.value(5).toString();
        e.data = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        events.append(e);
    }
    q.finish();
    return events;
}

Result<Complaint> ComplaintRepository::findByCode(const QString &code, bool withHistory,
                                                  bool forUpdate)
{
    static const QString sql = u"SELECT %1 FROM complaints WHERE tracking_code = ?"_s.arg(Columns);
    QSqlQuery &q = statement(forUpdate ? sql + m_database.dialect().forUpdate() : sql);
    q.bindValue(0, code);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return Error::notFound(u"code"_s, tr("No complaint has the tracking code %1.").arg(code));
    Complaint c = readComplaint(q);
    q.finish();
    if (withHistory) {
        auto events = history(c.id);
        if (!events)
            return events.error();
        c.history = std::move(events).value();
        QSqlQuery &merged =
            statement(u"SELECT tracking_code FROM complaints WHERE merged_into = ? ORDER BY id"_s);
        merged.bindValue(0, c.trackingCode);
        if (!merged.exec())
            return sqlError(merged.lastError());
        while (merged.next())
            c.mergedFrom.append(merged.value(0).toString());
        merged.finish();
    }
    return c;
}

Result<void> ComplaintRepository::update(const Complaint &c, int expectedVersion,
                                         const QList<HistoryEvent> &events)
{
    QSqlQuery &q = statement(
        u"UPDATE complaints SET status = ?, assignee = ?, inspector = ?, escalation_level = ?,"
        " outcome = ?, satisfaction = ?, closed_unverified = ?, merged_into = ?,"
        " version = ?, updated_at = ?, due_at = ? WHERE id = ? AND version = ?"_s);
    q.bindValue(0, code(c.status));
    q.bindValue(1, nullableText(c.assignee));
    q.bindValue(2, nullableText(c.inspector));
    q.bindValue(3, c.escalationLevel);
    q.bindValue(4, nullableText(c.outcome));
    q.bindValue(5,
                c.satisfaction ? QVariant(*c.satisfaction) : QVariant(QMetaType::fromType<int>()));
    q.bindValue(6, c.closedUnverified ? 1 : 0);
    q.bindValue(7, nullableText(c.mergedInto));
    q.bindValue(8, c.version);
    q.bindValue(9, c.updatedAt.toMSecsSinceEpoch());
    q.bindValue(10, c.dueAt.toMSecsSinceEpoch());
    q.bindValue(11, c.id);
    q.bindValue(12, expectedVersion);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return Error::conflict(
            tr("Complaint %1 was changed by someone else meanwhile.").arg(c.trackingCode));
    for (const HistoryEvent &event : events) {
        if (auto appended = appendEvent(c.id, event); !appended)
            return appended;
    }
    return {};
}

Result<QList<Complaint>> ComplaintRepository::escalationCandidates(int belowLevel,
                                                                   const QDateTime &receivedBefore)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM complaints WHERE status <> 'closed' AND escalation_level < ? AND "
              u"received_at <= ?"
              " ORDER BY id"_s.arg(Columns));
    q.addBindValue(belowLevel);
    q.addBindValue(receivedBefore.toMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Complaint> out;
    while (q.next())
        out.append(readComplaint(q));
    return out;
}

Result<bool> ComplaintRepository::raiseEscalation(const Complaint &c, int from, int to,
                                                  const QDateTime &now, const QString &reason)
{
    // Each level raised is one escalation, and each escalation one version.
    QSqlQuery &q = statement(u"UPDATE complaints SET escalation_level = ?, version = version + ? - "
                             u"escalation_level, updated_at = ?"
                             " WHERE id = ? AND escalation_level = ?"_s);
    q.bindValue(0, to);
    q.bindValue(1, to);
    q.bindValue(2, now.toMSecsSinceEpoch());
    q.bindValue(3, c.id);
    q.bindValue(4, from);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return false; // someone else raised it meanwhile
    for (int level = from + 1; level <= to; ++level) {
        HistoryEvent e;
        e.at = now;
        e.actor = QStringView(SystemActor).toString();
        e.type = u"escalated"_s;
        e.fromStatus = code(c.status);
        e.toStatus = code(c.status);
        e.data[u"reason"] = reason;
        e.data[u"level"] = level;
        if (auto appended = appendEvent(c.id, e); !appended)
            return appended.error();
    }
    return true;
}

namespace {
// Statuses in which the resolution clock runs.
constexpr auto RunningStatuses = u"('registered', 'referred', 'in_progress', 'field_inspection')";
} // namespace

Result<ComplaintRepository::Board> ComplaintRepository::board(const QDateTime &now,
                                                              const QDateTime &since)
{
    Board b;
    const qint64 n = now.toMSecsSinceEpoch();
    QSqlQuery q(m_database.connection());
    q.prepare(
        u"SELECT"
        " SUM(CASE WHEN status IN %1 OR status = 'waiting_for_citizen' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN status IN %1 AND due_at >= ? AND (due_at - ?) * 5 < (due_at - received_at)"
        "     THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN status IN %1 AND due_at < ? THEN 1 ELSE 0 END)"
        " FROM complaints WHERE status <> 'closed'"_s.arg(QStringView(RunningStatuses)));
    q.addBindValue(n);
    q.addBindValue(n);
    q.addBindValue(n);
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    b.open = q.value(0).toLongLong();
    b.nearBreach = q.value(1).toLongLong();
    b.breached = q.value(2).toLongLong();
    q.finish();
    q.prepare(
        u"SELECT COUNT(*), AVG(e.at - c.received_at) FROM complaint_events e"
        " JOIN complaints c ON c.id = e.complaint_id WHERE e.type = 'resolve' AND e.at >= ?"_s);
    q.addBindValue(since.toMSecsSinceEpoch());
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    b.resolvedSince = q.value(0).toLongLong();
    if (!q.value(1).isNull())
        b.averageResolutionSecs = qint64(q.value(1).toDouble() / 1000.0);
    return b;
}

Result<QList<Complaint>> ComplaintRepository::nearBreachFor(const QString &assignee,
                                                            const QDateTime &now)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM complaints WHERE assignee = ? AND status IN %2 AND due_at >= ?"
              " AND (due_at - ?) * 5 < (due_at - received_at) ORDER BY due_at"_s.arg(
                  Columns, QStringView(RunningStatuses)));
    const qint64 n = now.toMSecsSinceEpoch();
    q.addBindValue(assignee);
    q.addBindValue(n);
    q.addBindValue(n);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Complaint> out;
    while (q.next())
        out.append(readComplaint(q));
    return out;
}

Result<QList<std::pair<Complaint, QDateTime>>>
ComplaintRepository::breachedWithLastReminder(const QDateTime &now)
{
    QStringList qualified;
    for (const QString &column : Columns.split(u", "_s))
        qualified << u"c."_s + column;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT %1, (SELECT MAX(e.at) FROM complaint_events e WHERE e.complaint_id = c.id"
        " AND e.type = 'reminder') FROM complaints c WHERE c.status IN %2 AND c.due_at < ? ORDER BY c.id"_s
            .arg(qualified.join(u", "_s), QStringView(RunningStatuses)));
    q.addBindValue(now.toMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q.lastError());
    QList<std::pair<Complaint, QDateTime>> out;
    const int last = int(qualified.size());
    while (q.next())
        out.append({ readComplaint(q), fromMs(q.value(last)) });
    return out;
}

Result<void> ComplaintRepository::addReminder(const Complaint &c, const QDateTime &now,
                                              const QString &to)
{
    HistoryEvent e;
    e.at = now;
    e.actor = QStringView(SystemActor).toString();
    e.type = u"reminder"_s;
    e.fromStatus = code(c.status);
    e.toStatus = code(c.status);
    e.data[u"level"] = c.escalationLevel;
    e.data[u"recipient"] = to;
    return appendEvent(c.id, e);
}

Result<QList<Complaint>> ComplaintRepository::closestToBreach(const QDateTime &now, int limit)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT %1 FROM complaints WHERE due_at >= ? AND status IN %2 ORDER BY due_at ASC, id ASC LIMIT ?"_s
            .arg(Columns, QStringView(RunningStatuses)));
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Complaint> out;
    while (q.next())
        out.append(readComplaint(q));
    return out;
}

Result<bool> ComplaintRepository::claim(qint64 id, const QString &user, const QDateTime &now,
                                        const QDateTime &until)
{
    // Free, already ours, or left by someone whose mark has expired.
    QSqlQuery &q =
        statement(u"UPDATE complaints SET locked_by = ?, locked_until = ?"
                  " WHERE id = ? AND (locked_by IS NULL OR locked_by = ? OR locked_until < ?)"_s);
    q.bindValue(0, user);
    q.bindValue(1, until.toMSecsSinceEpoch());
    q.bindValue(2, id);
    q.bindValue(3, user);
    q.bindValue(4, now.toMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q.lastError());
    return q.numRowsAffected() == 1;
}

Result<void> ComplaintRepository::release(qint64 id, const QString &user)
{
    QSqlQuery &q = statement(u"UPDATE complaints SET locked_by = NULL, locked_until = NULL"
                             " WHERE id = ? AND locked_by = ?"_s);
    q.bindValue(0, id);
    q.bindValue(1, user);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<QList<Complaint>> ComplaintRepository::list(const ComplaintQuery &query)
{
    QStringList where;
    QVariantList values;
    if (query.status) {
        where << u"status = ?"_s;
        values << code(*query.status);
    }
    if (!query.assignee.isEmpty()) {
        where << u"assignee = ?"_s;
        values << query.assignee;
    }
    if (!query.search.trimmed().isEmpty()) {
        const SearchClause search = searchClause(query.search, m_database.dialect());
        if (!search.sql.isEmpty()) {
            where << search.sql;
            values << search.values;
        }
    }
    const bool byDue = query.sort == ComplaintQuery::Sort::DueSoonestFirst;
    const QString sortColumn = byDue ? u"due_at"_s : u"received_at"_s;
    if (query.after) {
        // Row values compare as a whole, and both databases walk the index for it.
        where << u"(%1, id) %2 (?, ?)"_s.arg(sortColumn, byDue ? u">"_s : u"<"_s);
        values << query.after->sortValue << query.after->id;
    }
    QString sql = u"SELECT %1 FROM complaints"_s.arg(Columns);
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += byDue ? u" ORDER BY due_at ASC, id ASC"_s : u" ORDER BY received_at DESC, id DESC"_s;
    if (query.limit >= 0)
        sql += u" LIMIT %1"_s.arg(query.limit);

    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError());
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Complaint> out;
    if (query.limit > 0)
        out.reserve(query.limit);
    while (q.next())
        out.append(readComplaint(q));
    return out;
}

Result<ComplaintStats> ComplaintRepository::stats(const std::optional<QDateTime> &from,
                                                  const std::optional<QDateTime> &to,
                                                  const QStringList &statusOrder,
                                                  const QStringList &categoryOrder)
{
    QStringList where;
    QVariantList values;
    if (from) {
        where << u"received_at >= ?"_s;
        values << from->toMSecsSinceEpoch();
    }
    if (to) {
        where << u"received_at < ?"_s;
        values << to->toMSecsSinceEpoch();
    }
    const QString filter = where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);

    auto grouped = [&](const QString &column,
                       const QStringList &order) -> Result<QList<std::pair<QString, qint64>>> {
        QSqlQuery q(m_database.connection());
        q.setForwardOnly(true);
        q.prepare(u"SELECT %1, COUNT(*) FROM complaints%2 GROUP BY %1"_s.arg(column, filter));
        for (const QVariant &v : std::as_const(values))
            q.addBindValue(v);
        if (!q.exec())
            return sqlError(q.lastError());
        QHash<QString, qint64> counts;
        while (q.next())
            counts.insert(q.value(0).toString(), q.value(1).toLongLong());
        QList<std::pair<QString, qint64>> out;
        for (const QString &key : order)
            out.append({ key, counts.take(key) });
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            out.append({ it.key(), it.value() }); // codes no longer in the catalogue
        return out;
    };

    ComplaintStats stats;
    auto byStatus = grouped(u"status"_s, statusOrder);
    if (!byStatus)
        return byStatus.error();
    auto byCategory = grouped(u"category_code"_s, categoryOrder);
    if (!byCategory)
        return byCategory.error();
    stats.byStatus = byStatus.value();
    stats.byCategory = byCategory.value();
    for (const auto &[status, n] : std::as_const(stats.byStatus))
        stats.total += n;
    return stats;
}

Result<qint64> ComplaintRepository::countRecent(const QString &phoneE164, const QString &agencyCode,
                                                const QDateTime &since)
{
    QSqlQuery &q = statement(u"SELECT COUNT(*) FROM complaints"
                             " WHERE citizen_phone = ? AND agency_code = ? AND received_at >= ?"_s);
    q.bindValue(0, phoneE164);
    q.bindValue(1, agencyCode);
    q.bindValue(2, since.toMSecsSinceEpoch());
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

} // namespace fouad
