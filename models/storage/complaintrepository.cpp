#include "storage/complaintrepository.h"

#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "domain/searchterm.h"
#include "domain/trackingcode.h"
#include "sla/resolutionclock.h"
#include "sla/slaconfig.h"
#include "storage/complaintrows.h"
#include "storage/database.h"
#include "storage/figuresql.h"
#include "storage/sqlitebulkwriter.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

const QString SequenceName = u"complaint_code"_s;

// What every SELECT reads: the inserted columns, then those actions set later.
const QString Columns = QStringView(ComplaintRows::ComplaintColumns).toString().simplified()
    + u", inspector, merged_into, closed_unverified, locked_by, locked_until, "_s
    + QStringView(ComplaintRows::PlaceColumns);

// The Binder of ComplaintRows over a Qt prepared statement.
struct QSqlBinder
{
    QSqlQuery &q;
    void integer(int i, qint64 v) { q.bindValue(i, v); }
    void text(int i, const QString &s) { q.bindValue(i, s); }
    void textOrNull(int i, const QString &s) { q.bindValue(i, nullableText(s)); }
    void null(int i) { q.bindValue(i, QVariant(QMetaType::fromType<qint64>())); }
};

// The four resolution figures (resolved_at, resolution_seconds,
// resolved_within_target, reopen_count) from `first` on.
void bindResolution(QSqlQuery &q, int first, const Complaint &c)
{
    q.bindValue(first,
                c.resolvedAt.isValid() ? QVariant(c.resolvedAt.toMSecsSinceEpoch())
                                       : QVariant(QMetaType::fromType<qint64>()));
    q.bindValue(first + 1,
                c.resolutionSeconds ? QVariant(*c.resolutionSeconds)
                                    : QVariant(QMetaType::fromType<qint64>()));
    q.bindValue(first + 2, c.resolvedWithinTarget ? 1 : 0);
    q.bindValue(first + 3, c.reopenCount);
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Where each column of a result is, looked up by name once per statement, so a
// SELECT may list its columns in any order (or add some) without breaking reads.
struct ComplaintRecord
{
    explicit ComplaintRecord(const QSqlRecord &r)
        : id(r.indexOf(u"id"_s))
        , trackingCode(r.indexOf(u"tracking_code"_s))
        , receivedAt(r.indexOf(u"received_at"_s))
        , channel(r.indexOf(u"channel"_s))
        , citizenName(r.indexOf(u"citizen_name"_s))
        , citizenPhone(r.indexOf(u"citizen_phone"_s))
        , nationalId(r.indexOf(u"citizen_national_id"_s))
        , shareIdentity(r.indexOf(u"share_identity"_s))
        , province(r.indexOf(u"province_code"_s))
        , agency(r.indexOf(u"agency_code"_s))
        , category(r.indexOf(u"category_code"_s))
        , priority(r.indexOf(u"priority"_s))
        , description(r.indexOf(u"description"_s))
        , status(r.indexOf(u"status"_s))
        , assignee(r.indexOf(u"assignee"_s))
        , escalationLevel(r.indexOf(u"escalation_level"_s))
        , dueAt(r.indexOf(u"due_at"_s))
        , outcome(r.indexOf(u"outcome"_s))
        , satisfaction(r.indexOf(u"satisfaction"_s))
        , version(r.indexOf(u"version"_s))
        , createdBy(r.indexOf(u"created_by"_s))
        , updatedAt(r.indexOf(u"updated_at"_s))
        , inspector(r.indexOf(u"inspector"_s))
        , mergedInto(r.indexOf(u"merged_into"_s))
        , closedUnverified(r.indexOf(u"closed_unverified"_s))
        , lockedBy(r.indexOf(u"locked_by"_s))
        , lockedUntil(r.indexOf(u"locked_until"_s))
        , resolvedAt(r.indexOf(u"resolved_at"_s))
        , resolutionSeconds(r.indexOf(u"resolution_seconds"_s))
        , resolvedWithinTarget(r.indexOf(u"resolved_within_target"_s))
        , reopenCount(r.indexOf(u"reopen_count"_s))
        , city(r.indexOf(u"city_code"_s))
        , office(r.indexOf(u"office_code"_s))
        , serviceDesk(r.indexOf(u"service_desk"_s))
    {
    }

    // A column the statement did not select reads as NULL: a narrower SELECT
    // (status(), without personal data) reads through the same code.
    static QVariant at(const QSqlQuery &q, int column)
    {
        return column < 0 ? QVariant() : q.value(column);
    }

    Complaint read(const QSqlQuery &q) const
    {
        Complaint c;
        c.id = at(q, id).toLongLong();
        c.trackingCode = at(q, trackingCode).toString();
        c.receivedAt = fromMs(at(q, receivedAt));
        c.channel = channelFromCode(at(q, channel).toString()).value_or(Channel::Line128);
        c.citizen.name = at(q, citizenName).toString();
        c.citizen.phone = at(q, citizenPhone).toString();
        c.citizen.nationalId = at(q, nationalId).toString();
        c.citizen.shareIdentity = at(q, shareIdentity).toInt() != 0;
        c.provinceCode = at(q, province).toString();
        c.agencyCode = at(q, agency).toString();
        c.categoryCode = at(q, category).toString();
        c.priority = priorityFromCode(at(q, priority).toString()).value_or(Priority::Normal);
        c.description = at(q, description).toString();
        c.status = statusFromCode(at(q, status).toString()).value_or(Status::Registered);
        c.assignee = at(q, assignee).toString();
        c.escalationLevel = at(q, escalationLevel).toInt();
        c.dueAt = fromMs(at(q, dueAt));
        c.outcome = at(q, outcome).toString();
        if (!at(q, satisfaction).isNull())
            c.satisfaction = at(q, satisfaction).toInt();
        c.version = at(q, version).toInt();
        c.createdBy = at(q, createdBy).toString();
        c.updatedAt = fromMs(at(q, updatedAt));
        c.inspector = at(q, inspector).toString();
        c.mergedInto = at(q, mergedInto).toString();
        c.closedUnverified = at(q, closedUnverified).toInt() != 0;
        c.lockedBy = at(q, lockedBy).toString();
        c.lockedUntil = fromMs(at(q, lockedUntil));
        if (!at(q, resolvedAt).isNull())
            c.resolvedAt = fromMs(at(q, resolvedAt));
        if (!at(q, resolutionSeconds).isNull())
            c.resolutionSeconds = at(q, resolutionSeconds).toLongLong();
        c.resolvedWithinTarget = at(q, resolvedWithinTarget).toInt() != 0;
        c.reopenCount = at(q, reopenCount).toInt();
        c.cityCode = at(q, city).toString();
        c.officeCode = at(q, office).toString();
        c.serviceDesk = at(q, serviceDesk).toString();
        return c;
    }

    int id, trackingCode, receivedAt, channel, citizenName, citizenPhone, nationalId, shareIdentity,
        province, agency, category, priority, description, status, assignee, escalationLevel, dueAt,
        outcome, satisfaction, version, createdBy, updatedAt, inspector, mergedInto,
        closedUnverified, lockedBy, lockedUntil, resolvedAt, resolutionSeconds,
        resolvedWithinTarget, reopenCount, city, office, serviceDesk;
};

// Runs a prepared SELECT of complaint columns and reads every row: the one
// execute-then-read loop. `extra` reads more columns of the same row, by name.
template<typename Row = Complaint, typename Extra = std::nullptr_t>
Result<QList<Row>> readAll(QSqlQuery &q, Extra extra = nullptr)
{
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Row> out;
    const ComplaintRecord record(q.record());
    while (q.next()) {
        if constexpr (std::is_same_v<Extra, std::nullptr_t>)
            out.append(record.read(q));
        else
            out.append(extra(record.read(q), q));
    }
    q.finish();
    return out;
}

} // namespace

ComplaintRepository::ComplaintRepository(Database &database)
    : m_database(database)
{
}

Result<QSqlQuery> ComplaintRepository::prepare(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // A closed connection fails here, and only here says why (sqlError).
    if (!query.prepare(sql))
        return sqlError(query.lastError());
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    return query;
}

QSqlQuery &ComplaintRepository::statement(const QString &sql)
{
    // After a reconnect the kept statements belong to the dead connection.
    if (const quint64 generation = m_database.connectionGeneration(); generation != m_generation) {
        m_statements.clear();
        m_generation = generation;
    }
    if (auto it = m_statements.find(sql); it != m_statements.end())
        return it->second;
    auto prepared = prepare(sql, {});
    if (!prepared) {
        // Not kept, so the next use prepares again (the connection may be back);
        // this one's exec() fails and reports the closed connection.
        m_unprepared = QSqlQuery(m_database.connection());
        return m_unprepared;
    }
    return m_statements.emplace(sql, std::move(prepared).value()).first->second;
}

Result<void> ComplaintRepository::appendEvent(qint64 complaintId, const HistoryEvent &event,
                                              int version)
{
    static const QString sql = ComplaintRows::insertVersionedEventSql();
    QSqlQuery &q = statement(sql);
    QSqlBinder binder { q };
    ComplaintRows::bindEvent(binder, 0, complaintId, event);
    binder.integer(ComplaintRows::EventColumnCount, version);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<Complaint> ComplaintRepository::registerComplaint(
    Complaint c, const QString &actor,
    const std::function<Result<void>(const Complaint &)> &beforeCommit)
{
    const QString who = actor.isEmpty() ? QStringView(SystemActor).toString() : actor;
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    if (!c.clientKey.isEmpty()) {
        // A retried save: the complaint already made, as it is now.
        auto made = codeForClientKey(c.clientKey);
        if (!made)
            return made.error();
        if (!made->isEmpty()) {
            tx.rollback();
            return findByCode(made.value());
        }
    }
    const auto ids = m_database.dialect().takeSequenceValues(
        statement(m_database.dialect().takeSequenceSql()), SequenceName, 1);
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

    static const QString insertComplaint = ComplaintRows::insertKeyedComplaintSql();
    QSqlQuery &complaintRow = statement(insertComplaint);
    QSqlBinder complaintBinder { complaintRow };
    ComplaintRows::bindComplaint(complaintBinder, 0, c);
    complaintBinder.textOrNull(ComplaintRows::ComplaintColumnCount, c.clientKey);
    if (!complaintRow.exec()) {
        const QSqlError error = complaintRow.lastError();
        if (c.clientKey.isEmpty() || !m_database.dialect().isUniqueViolation(error))
            return sqlError(error);
        // The same key, saved meanwhile by another connection (PostgreSQL made this
        // insert wait for its commit): that one is the complaint.
        tx.rollback();
        auto made = codeForClientKey(c.clientKey);
        if (!made)
            return made.error();
        if (made->isEmpty())
            return sqlError(error);
        return findByCode(made.value());
    }
    if (auto appended = appendEvent(c.id, registered, 1); !appended)
        return appended.error();
    c.history = { registered };
    if (beforeCommit) {
        if (auto more = beforeCommit(c); !more)
            return more.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return c;
}

Result<QString> ComplaintRepository::codeForClientKey(const QString &key)
{
    QSqlQuery &q = statement(u"SELECT tracking_code FROM complaints WHERE client_key = ?"_s);
    q.bindValue(0, key);
    if (!q.exec())
        return sqlError(q.lastError());
    QString code;
    if (q.next())
        code = q.value(0).toString();
    q.finish();
    return code;
}

Result<void> ComplaintRepository::insertMany(QList<Complaint> &complaints)
{
    if (complaints.isEmpty())
        return {};
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    QSqlDatabase db = m_database.connection();
    const auto ids = m_database.dialect().takeSequenceValues(
        statement(m_database.dialect().takeSequenceSql()), SequenceName, int(complaints.size()));
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

Result<QHash<qint64, QList<HistoryEvent>>>
ComplaintRepository::histories(const QList<qint64> &complaintIds, bool withData)
{
    QHash<qint64, QList<HistoryEvent>> out;
    for (qsizetype start = 0; start < complaintIds.size(); start += HistoryIdsPerStatement) {
        const QList<qint64> ids = complaintIds.mid(start, HistoryIdsPerStatement);
        const QString sql =
            u"SELECT complaint_id, id, at, actor, type, from_status, to_status%1"
            " FROM complaint_events WHERE complaint_id IN (%2) ORDER BY complaint_id, id"_s.arg(
                withData ? u", data"_s : QString(), QStringList(ids.size(), u"?"_s).join(u", "_s));
        // One complaint's history (each one opened) is the hot statement: keep it.
        QSqlQuery fresh;
        if (ids.size() != 1) {
            auto prepared = prepare(sql, {});
            if (!prepared)
                return prepared.error();
            fresh = std::move(prepared).value();
        }
        QSqlQuery &q = ids.size() == 1 ? statement(sql) : fresh;
        for (qsizetype i = 0; i < ids.size(); ++i)
            q.bindValue(int(i), ids.at(i));
        if (!q.exec())
            return sqlError(q.lastError());
        const QSqlRecord record = q.record();
        const int complaintId = record.indexOf(u"complaint_id"_s), id = record.indexOf(u"id"_s),
                  at = record.indexOf(u"at"_s), actor = record.indexOf(u"actor"_s),
                  type = record.indexOf(u"type"_s), from = record.indexOf(u"from_status"_s),
                  to = record.indexOf(u"to_status"_s), data = record.indexOf(u"data"_s);
        while (q.next()) {
            HistoryEvent e;
            e.id = q.value(id).toLongLong();
            e.at = fromMs(q.value(at));
            e.actor = q.value(actor).toString();
            e.type = q.value(type).toString();
            e.fromStatus = q.value(from).toString();
            e.toStatus = q.value(to).toString();
            if (data >= 0)
                e.data = QJsonDocument::fromJson(q.value(data).toString().toUtf8()).object();
            out[q.value(complaintId).toLongLong()].append(e);
        }
        q.finish();
    }
    return out;
}

Result<int> ComplaintRepository::settleResolutions(const SlaConfig &sla)
{
    constexpr int Batch = 500;
    int settled = 0;
    qint64 after = 0;
    for (;;) {
        auto q = prepare(u"SELECT %1 FROM complaints WHERE id > ? AND id IN (SELECT complaint_id"
                         " FROM complaint_events WHERE type IN ('resolve', 'reopen'))"
                         " ORDER BY id LIMIT %2"_s.arg(Columns)
                             .arg(Batch),
                         { after });
        if (!q)
            return q.error();
        auto batch = readAll(q.value());
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return settled;
        QList<qint64> ids;
        for (const Complaint &c : std::as_const(batch.value()))
            ids << c.id;
        auto events = histories(ids);
        if (!events)
            return events.error();
        QSqlQuery &update =
            statement(u"UPDATE complaints SET resolved_at = ?, resolution_seconds = ?,"
                      " resolved_within_target = ?, reopen_count = ? WHERE id = ?"_s);
        for (Complaint &c : batch.value()) {
            c.history = events->value(c.id);
            sla.settleResolution(c);
            bindResolution(update, 0, c);
            update.bindValue(4, c.id);
            if (!update.exec())
                return sqlError(update.lastError());
            ++settled;
        }
        after = batch->constLast().id;
    }
}

Result<QList<HistoryEvent>> ComplaintRepository::history(qint64 complaintId)
{
    auto events = histories({ complaintId });
    if (!events)
        return events.error();
    return events->value(complaintId);
}

Result<Complaint> ComplaintRepository::status(const QString &code)
{
    // Only what an integration's login may read (migration 12): no citizen, no
    // description, no names of staff.
    QSqlQuery &q =
        statement(u"SELECT id, tracking_code, received_at, channel, province_code, agency_code,"
                  " category_code, priority, status, escalation_level, due_at, outcome, version,"
                  " updated_at, merged_into, closed_unverified, city_code, office_code"
                  " FROM complaints WHERE tracking_code = ?"_s);
    q.bindValue(0, code);
    auto found = readAll(q);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(u"code"_s, tr("No complaint has the tracking code %1.").arg(code));
    Complaint c = found->constFirst();
    // The history the SLA clocks need, without the events' data (reasons and
    // notes may name the citizen; the integration role may not read it).
    auto events = histories({ c.id }, false);
    if (!events)
        return events.error();
    c.history = events->value(c.id);
    return c;
}

Result<Complaint> ComplaintRepository::findByCode(const QString &code, bool withHistory,
                                                  bool forUpdate)
{
    static const QString sql = u"SELECT %1 FROM complaints WHERE tracking_code = ?"_s.arg(Columns);
    QSqlQuery &q = statement(forUpdate ? sql + m_database.dialect().forUpdate() : sql);
    q.bindValue(0, code);
    auto found = readAll(q);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(u"code"_s, tr("No complaint has the tracking code %1.").arg(code));
    Complaint c = found->constFirst();
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
        " version = ?, updated_at = ?, due_at = ?, resolved_at = ?, resolution_seconds = ?,"
        " resolved_within_target = ?, reopen_count = ? WHERE id = ? AND version = ?"_s);
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
    bindResolution(q, 11, c);
    q.bindValue(15, c.id);
    q.bindValue(16, expectedVersion);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return Error::conflict(
            tr("Complaint %1 was changed by someone else meanwhile.").arg(c.trackingCode));
    for (const HistoryEvent &event : events) {
        if (auto appended = appendEvent(c.id, event, c.version); !appended)
            return appended;
    }
    return {};
}

Result<QList<Complaint>> ComplaintRepository::escalationCandidates(int belowLevel,
                                                                   const QDateTime &receivedBefore)
{
    auto prepared =
        prepare(u"SELECT %1 FROM complaints WHERE status <> 'closed' AND escalation_level < ?"
                " AND received_at <= ? ORDER BY id"_s.arg(Columns),
                { belowLevel, receivedBefore.toMSecsSinceEpoch() });
    if (!prepared)
        return prepared.error();
    QSqlQuery q = std::move(prepared).value();
    return readAll(q);
}

Result<bool> ComplaintRepository::raiseEscalation(const Complaint &c, int from, int to,
                                                  const QDateTime &now, const QString &reason)
{
    if (!m_database.dialect().isSQLite()) {
        // Migration 12's narrow path: a staff login may not write history as "system",
        // the function (owned by the schema owner) may, for a due escalation only.
        QSqlQuery &f = statement(u"SELECT fouad_raise_escalation(?, ?, ?, ?, ?)"_s);
        f.bindValue(0, c.id);
        f.bindValue(1, from);
        f.bindValue(2, to);
        f.bindValue(3, now.toMSecsSinceEpoch());
        f.bindValue(4, reason);
        if (!f.exec() || !f.next())
            return sqlError(f.lastError());
        const bool raised = f.value(0).toBool();
        f.finish();
        return raised;
    }
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
        if (auto appended = appendEvent(c.id, e, c.version + level - from); !appended)
            return appended.error();
    }
    return true;
}

namespace {
// Statuses in which the resolution clock runs, as an SQL list: "('registered', …)".
const QString RunningStatuses = []() -> QString {
    QStringList quoted;
    for (Status s : ResolutionClock::runningStatuses())
        quoted << u'\'' + code(s) + u'\'';
    return u'(' + quoted.join(u", "_s) + u')';
}();
// "In the last fifth of its target", for a row whose due_at is bound to now.
const QString NearBreach =
    u"(due_at - ?) * %1 < (due_at - received_at)"_s.arg(ResolutionClock::NearBreachDivisor);
} // namespace

Result<ComplaintRepository::Board> ComplaintRepository::board(const QDateTime &now,
                                                              const QDateTime &since)
{
    Board b;
    const qint64 n = now.toMSecsSinceEpoch();
    auto prepared =
        prepare(u"SELECT"
                " SUM(CASE WHEN status IN %1 OR status = 'waiting_for_citizen' THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN status IN %1 AND due_at >= ? AND %2 THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN status IN %1 AND due_at < ? THEN 1 ELSE 0 END)"
                " FROM complaints WHERE status <> 'closed'"_s.arg(RunningStatuses, NearBreach),
                { n, n, n });
    if (!prepared)
        return prepared.error();
    QSqlQuery q = std::move(prepared).value();
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    b.open = q.value(0).toLongLong();
    b.nearBreach = q.value(1).toLongLong();
    b.breached = q.value(2).toLongLong();
    auto resolved = prepare(
        u"SELECT COUNT(*), AVG(e.at - c.received_at) FROM complaint_events e"
        " JOIN complaints c ON c.id = e.complaint_id WHERE e.type = 'resolve' AND e.at >= ?"_s,
        { since.toMSecsSinceEpoch() });
    if (!resolved)
        return resolved.error();
    q = std::move(resolved).value();
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
    const qint64 n = now.toMSecsSinceEpoch();
    auto prepared = prepare(
        u"SELECT %1 FROM complaints WHERE assignee = ? AND status IN %2"
        " AND due_at >= ? AND %3 ORDER BY due_at"_s.arg(Columns, RunningStatuses, NearBreach),
        { assignee, n, n });
    if (!prepared)
        return prepared.error();
    QSqlQuery q = std::move(prepared).value();
    return readAll(q);
}

Result<QList<std::pair<Complaint, QDateTime>>>
ComplaintRepository::breachedWithLastReminder(const QDateTime &now)
{
    QStringList qualified;
    for (const QString &column : Columns.split(u", "_s))
        qualified << u"c."_s + column;
    auto prepared =
        prepare(u"SELECT %1, (SELECT MAX(e.at) FROM complaint_events e WHERE e.complaint_id = c.id"
                " AND e.type = 'reminder') AS last_reminder FROM complaints c WHERE c.status IN %2"
                " AND c.due_at < ? ORDER BY c.id"_s.arg(qualified.join(u", "_s), RunningStatuses),
                { now.toMSecsSinceEpoch() });
    if (!prepared)
        return prepared.error();
    QSqlQuery q = std::move(prepared).value();
    return readAll<std::pair<Complaint, QDateTime>>(q, [](Complaint c, const QSqlQuery &row) {
        return std::pair(std::move(c), fromMs(row.value(u"last_reminder"_s)));
    });
}

Result<void> ComplaintRepository::addReminder(const Complaint &c, const QDateTime &now,
                                              const QString &to)
{
    if (!m_database.dialect().isSQLite()) {
        QSqlQuery &f = statement(u"SELECT fouad_add_reminder(?, ?, ?)"_s);
        f.bindValue(0, c.id);
        f.bindValue(1, now.toMSecsSinceEpoch());
        f.bindValue(2, to);
        if (!f.exec())
            return sqlError(f.lastError());
        f.finish();
        return {};
    }
    HistoryEvent e;
    e.at = now;
    e.actor = QStringView(SystemActor).toString();
    e.type = u"reminder"_s;
    e.fromStatus = code(c.status);
    e.toStatus = code(c.status);
    e.data[u"level"] = c.escalationLevel;
    e.data[u"recipient"] = to;
    return appendEvent(c.id, e, c.version);
}

Result<QList<Complaint>> ComplaintRepository::closestToBreach(const QDateTime &now, int limit)
{
    auto prepared = prepare(u"SELECT %1 FROM complaints WHERE due_at >= ? AND status IN %2"
                            " ORDER BY due_at ASC, id ASC LIMIT ?"_s.arg(Columns, RunningStatuses),
                            { now.toMSecsSinceEpoch(), limit });
    if (!prepared)
        return prepared.error();
    QSqlQuery q = std::move(prepared).value();
    return readAll(q);
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

namespace {

// A piece of a WHERE clause with the values of its placeholders, in order.
struct Condition
{
    QString sql;
    QVariantList values;
};

Condition allOf(const QList<Condition> &conditions)
{
    Condition all;
    QStringList parts;
    for (const Condition &c : conditions) {
        if (c.sql.isEmpty())
            continue;
        parts << c.sql;
        all.values << c.values;
    }
    all.sql = parts.isEmpty() ? u"1 = 1"_s : parts.join(u" AND "_s);
    return all;
}

// The first string of digits after every string that starts with `digits`:
// "129" -> "13"; none for "99" (every larger string of digits starts with it).
std::optional<QString> afterPrefix(QString digits)
{
    while (!digits.isEmpty() && digits.back() == u'9')
        digits.chop(1);
    if (digits.isEmpty())
        return std::nullopt;
    digits.back() = QChar(digits.back().unicode() + 1);
    return digits;
}

Condition codePrefix(const QString &prefix)
{
    // A range on the unique index of codes, which every collation orders like
    // bytes for strings of digits (LIKE 'x%' would need a pattern index on PostgreSQL).
    if (const auto end = afterPrefix(prefix))
        return { u"(c.tracking_code >= ? AND c.tracking_code < ?)"_s, { prefix, *end } };
    return { u"c.tracking_code >= ?"_s, { prefix } };
}

Condition contains(const QString &column, const QString &needle)
{
    return { u"c.%1 LIKE ? ESCAPE '\\'"_s.arg(column),
             { QString(u'%' + escapeLike(needle) + u'%') } };
}

QString figureSql(ComplaintQuery::Scope::Figure figure)
{
    using Figure = ComplaintQuery::Scope::Figure;
    const QString row = u"c."_s;
    switch (figure) {
    case Figure::Any:
        return {};
    case Figure::Open:
        return FigureSql::open(row);
    case Figure::Resolved:
        return FigureSql::resolved(row);
    case Figure::WithinTarget:
        return FigureSql::withinTarget(row);
    case Figure::Founded:
        return FigureSql::founded(row);
    case Figure::Rated:
        return FigureSql::rated(row);
    case Figure::Reopened:
        return FigureSql::reopened(row);
    case Figure::Escalated:
        return FigureSql::escalated(row);
    }
    return {};
}

// SearchTerm as SQL: the one predicate every plan below applies.
Condition searchPredicate(const SearchTerm &term, bool exactCode)
{
    switch (term.kind) {
    case SearchTerm::Kind::Everything:
        return {};
    case SearchTerm::Kind::NameContains:
        return contains(u"citizen_name_key"_s, term.nameKey);
    case SearchTerm::Kind::ExactPhone:
        return { u"c.citizen_phone = ?"_s, { term.phone } };
    case SearchTerm::Kind::Digits:
        break;
    }
    if (exactCode)
        return { u"c.tracking_code = ?"_s, { *term.wholeCode } };
    QList<Condition> any;
    if (!term.codePrefix.isEmpty())
        any << codePrefix(term.codePrefix);
    if (!term.phonePart.isEmpty())
        any << contains(u"citizen_phone"_s, term.phonePart);
    Condition c;
    QStringList parts;
    for (const Condition &part : std::as_const(any)) {
        parts << part.sql;
        c.values << part.values;
    }
    c.sql = u'(' + parts.join(u" OR "_s) + u')';
    return c;
}

} // namespace

Result<QList<Complaint>> ComplaintRepository::list(const ComplaintQuery &query)
{
    const Dialect &dialect = m_database.dialect();
    QList<Condition> filters;
    if (query.status)
        filters << Condition { u"c.status = ?"_s, { code(*query.status) } };
    if (!query.assignee.isEmpty())
        filters << Condition { u"c.assignee = ?"_s, { query.assignee } };
    for (const auto &[column, value] :
         { std::pair { u"c.province_code"_s, query.scope.province },
           std::pair { u"c.agency_code"_s, query.scope.agency },
           std::pair { u"c.office_code"_s, query.scope.office },
           std::pair { u"c.category_code"_s, query.scope.category } }) {
        if (!value.isEmpty())
            filters << Condition { column + u" = ?"_s, { value } };
    }
    if (query.scope.channel)
        filters << Condition { u"c.channel = ?"_s, { code(*query.scope.channel) } };
    if (query.scope.receivedFrom)
        filters << Condition { u"c.received_at >= ?"_s,
                               { query.scope.receivedFrom->toMSecsSinceEpoch() } };
    if (query.scope.receivedTo)
        filters << Condition { u"c.received_at < ?"_s,
                               { query.scope.receivedTo->toMSecsSinceEpoch() } };
    if (query.scope.openOnly)
        filters << Condition { u"c.status <> ?"_s, { code(Status::Closed) } };
    if (query.scope.satisfaction)
        filters << Condition { u"c.satisfaction = ?"_s, { *query.scope.satisfaction } };
    if (query.scope.escalationLevel)
        filters << Condition { u"c.escalation_level = ?"_s, { *query.scope.escalationLevel } };
    if (const QString figure = figureSql(query.scope.figure); !figure.isEmpty())
        filters << Condition { u'(' + figure + u')', {} };
    if (query.scope.resolutionFrom)
        filters << Condition { u"c.resolution_seconds >= ?"_s, { *query.scope.resolutionFrom } };
    if (query.scope.resolutionTo)
        filters << Condition { u"c.resolution_seconds < ?"_s, { *query.scope.resolutionTo } };

    using Sort = ComplaintQuery::Sort;
    const bool byDue = query.sort == Sort::DueSoonestFirst || query.sort == Sort::DueLatestFirst;
    const bool descending =
        query.sort == Sort::ReceivedNewestFirst || query.sort == Sort::DueLatestFirst;
    const QString sortColumn = byDue ? u"c.due_at"_s : u"c.received_at"_s;
    if (query.after) {
        // Row values compare as a whole, and both databases walk the index for it.
        filters << Condition { u"(%1, c.id) %2 (?, ?)"_s.arg(sortColumn,
                                                             descending ? u"<"_s : u">"_s),
                               { query.after->sortValue, query.after->id } };
    }
    const QString orderBy =
        u" ORDER BY %1 %2, c.id %2"_s.arg(sortColumn, descending ? u"DESC"_s : u"ASC"_s);
    const QString limit = query.limit >= 0 ? u" LIMIT %1"_s.arg(query.limit) : QString();
    const QString columns = u"c."_s + Columns.split(u", "_s).join(u", c."_s);

    const SearchTerm term = SearchTerm::parse(query.search);
    bool exactCode = false;
    if (term.wholeCode) {
        // A whole, valid code: that complaint alone, if it exists.
        QSqlQuery &q = statement(u"SELECT 1 FROM complaints WHERE tracking_code = ?"_s);
        q.bindValue(0, *term.wholeCode);
        if (!q.exec())
            return sqlError(q.lastError());
        exactCode = q.next();
        q.finish();
    }
    const Condition predicate = searchPredicate(term, exactCode);

    // Straight through an index: no search, or one answered by equality.
    auto plain = [&]() -> Result<QList<Complaint>> {
        const Condition where = allOf(QList<Condition>(filters) << predicate);
        auto prepared = prepare(
            u"SELECT %1 FROM complaints c WHERE %2%3%4"_s.arg(columns, where.sql, orderBy, limit),
            where.values);
        if (!prepared)
            return prepared.error();
        QSqlQuery q = std::move(prepared).value();
        return readAll(q);
    };
    if (term.kind == SearchTerm::Kind::Everything || term.kind == SearchTerm::Kind::ExactPhone
        || exactCode || dialect.plansSubstringSearch())
        return plain();

    // A substring search. Two plans, chosen per query: few matches are fetched
    // by id from the trigram index and sorted; many are met soon enough by
    // walking the sort's own index and filtering (docs/performance.md).
    //
    // Where the candidates come from: statements selecting ids, each answered by
    // an index (trigram lookups; a range of the codes' B-tree).
    QList<Condition> sources;
    bool indexable = true;
    auto lookup = [&](Dialect::SearchColumn column, const QString &needle) {
        sources << Condition { dialect.trigramCandidates(column),
                               { dialect.trigramNeedle(needle) } };
        indexable = indexable && needle.size() >= Dialect::MinimumTrigramNeedle;
    };
    if (term.kind == SearchTerm::Kind::NameContains) {
        lookup(Dialect::SearchColumn::NameKey, term.nameKey);
    } else {
        if (!term.codePrefix.isEmpty()) {
            const Condition range = codePrefix(term.codePrefix);
            sources << Condition { u"SELECT c.id FROM complaints c WHERE "_s + range.sql,
                                   range.values };
        }
        if (!term.phonePart.isEmpty())
            lookup(Dialect::SearchColumn::Phone, term.phonePart);
    }

    // The ids the indexes give, at most cap + 1 from each (cap < 0: all). Complete
    // when no index had more than cap.
    auto candidates = [&](int cap, bool *complete) -> Result<QList<qint64>> {
        QSet<qint64> ids;
        *complete = true;
        const QString capped = cap >= 0 ? u" LIMIT %1"_s.arg(cap + 1) : QString();
        for (const Condition &source : std::as_const(sources)) {
            auto prepared = prepare(source.sql + capped, source.values);
            if (!prepared)
                return prepared.error();
            QSqlQuery q = std::move(prepared).value();
            if (!q.exec())
                return sqlError(q.lastError());
            qint64 n = 0;
            while (q.next()) {
                ids.insert(q.value(0).toLongLong());
                ++n;
            }
            q.finish();
            if (cap >= 0 && n > cap) {
                *complete = false;
                return QList<qint64>();
            }
        }
        return QList<qint64>(ids.cbegin(), ids.cend());
    };
    auto byIds = [&](const QList<qint64> &ids) -> Result<QList<Complaint>> {
        const Condition where = allOf(QList<Condition>(filters) << predicate);
        QVariantList values { dialect.idListValue(ids) };
        values << where.values;
        auto prepared = prepare(u"SELECT %1 FROM %2 WHERE %3%4%5"_s.arg(
                                    columns, dialect.idListJoin(), where.sql, orderBy, limit),
                                values);
        if (!prepared)
            return prepared.error();
        QSqlQuery q = std::move(prepared).value();
        return readAll(q);
    };

    if (indexable) {
        bool complete = false;
        auto ids = candidates(query.limit < 0 ? -1 : m_searchLimits.candidateCap, &complete);
        if (!ids)
            return ids.error();
        if (complete)
            return byIds(ids.value());
    }
    if (query.limit >= 0) {
        // Many candidates: the matches are common, so the newest of them are near.
        // Walk at most walkRows rows of the sort's index, filtering. No ORDER BY
        // outside: both databases hand a subquery's rows on in its order, and
        // SQLite would otherwise sort all walkRows rows before the LIMIT, where
        // now the walk stops at the page's last match.
        const Condition inner = allOf(filters);
        QVariantList values = inner.values;
        values << predicate.values;
        auto prepared = prepare(u"SELECT c.* FROM (SELECT %1, c.citizen_name_key FROM complaints c"
                                " WHERE %2%3 LIMIT %4) AS c WHERE %5%6"_s.arg(
                                    columns, inner.sql, orderBy,
                                    QString::number(m_searchLimits.walkRows), predicate.sql, limit),
                                values);
        if (!prepared)
            return prepared.error();
        QSqlQuery q = std::move(prepared).value();
        auto walked = readAll(q);
        if (!walked || walked->size() >= query.limit)
            return walked;
    }
    // Rare after all (the trigrams were common, the text is not): every candidate.
    if (indexable) {
        bool complete = false;
        auto ids = candidates(-1, &complete);
        if (!ids)
            return ids.error();
        return byIds(ids.value());
    }
    return plain();
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
