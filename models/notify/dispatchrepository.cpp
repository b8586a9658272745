#include "notify/dispatchrepository.h"

#include "domain/complaint.h"
#include "domain/eventtitles.h"
#include "domain/user.h"
#include "domain/workflow.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

QString outcomeCode(DispatchRepository::Outcome outcome)
{
    switch (outcome) {
    case DispatchRepository::Outcome::Delivered:
        return u"delivered"_s;
    case DispatchRepository::Outcome::Retry:
        return u"retry"_s;
    case DispatchRepository::Outcome::Failed:
        return u"failed"_s;
    }
    return {};
}

QString eventType(DispatchRepository::Outcome outcome)
{
    switch (outcome) {
    case DispatchRepository::Outcome::Delivered:
        return QStringView(EventType::NotificationDelivered).toString();
    case DispatchRepository::Outcome::Retry:
        return QStringView(EventType::NotificationAttemptFailed).toString();
    case DispatchRepository::Outcome::Failed:
        return QStringView(EventType::NotificationFailed).toString();
    }
    return {};
}

QVariant nullableInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

} // namespace

DispatchRepository::DispatchRepository(Database &database)
    : m_database(database)
{
}

Result<Lease> DispatchRepository::takeLease(const QString &holder, const QDateTime &now,
                                            qint64 durationMs)
{
    QSqlQuery q(m_database.connection());
    const qint64 at = now.toMSecsSinceEpoch();
    bool taken = false;
    if (m_database.dialect().isSQLite()) {
        q.prepare(u"UPDATE dispatch_leases SET holder = ?, expires_at = ? WHERE name = ?"
                  " AND (holder IS NULL OR holder = ? OR expires_at <= ?)"_s);
        q.addBindValue(holder);
        q.addBindValue(at + durationMs);
        q.addBindValue(QStringView(LeaseName).toString());
        q.addBindValue(holder);
        q.addBindValue(at);
        if (!q.exec())
            return sqlError(q.lastError());
        taken = q.numRowsAffected() == 1;
    } else {
        q.prepare(u"SELECT fouad_take_lease(?, ?, ?, ?)"_s);
        q.addBindValue(QStringView(LeaseName).toString());
        q.addBindValue(holder);
        q.addBindValue(at);
        q.addBindValue(durationMs);
        if (!q.exec() || !q.next())
            return sqlError(q.lastError());
        taken = q.value(0).toBool();
    }
    if (taken)
        return Lease { true, holder, now.addMSecs(durationMs) };
    return currentLease(holder);
}

Result<Lease> DispatchRepository::currentLease(const QString &holder)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT holder, expires_at FROM dispatch_leases WHERE name = ?"_s);
    q.addBindValue(QStringView(LeaseName).toString());
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return Error::notFound(u"lease"_s, tr("The dispatcher's lease is missing."));
    Lease lease;
    lease.holder = q.value(0).toString();
    lease.expiresAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    lease.ours = !holder.isEmpty() && lease.holder == holder;
    return lease;
}

Result<void> DispatchRepository::releaseLease(const QString &holder)
{
    QSqlQuery q(m_database.connection());
    if (m_database.dialect().isSQLite())
        q.prepare(u"UPDATE dispatch_leases SET holder = NULL, expires_at = 0"
                  " WHERE name = ? AND holder = ?"_s);
    else
        q.prepare(u"SELECT fouad_release_lease(?, ?)"_s);
    q.addBindValue(QStringView(LeaseName).toString());
    q.addBindValue(holder);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<QList<PendingNotification>> DispatchRepository::due(const QDateTime &now, int limit)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT id, complaint_id, contact_name, webhook, idempotency_key, payload, attempts"
              " FROM notifications WHERE state = 'pending' AND next_attempt_at <= ?"
              " ORDER BY next_attempt_at, id LIMIT ?"_s);
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<PendingNotification> out;
    while (q.next()) {
        PendingNotification n;
        n.id = q.value(0).toLongLong();
        n.complaintId = q.value(1).toLongLong();
        n.contactName = q.value(2).toString();
        n.webhook = q.value(3).toString();
        n.idempotencyKey = q.value(4).toString();
        n.payload = q.value(5).toString();
        n.attempts = q.value(6).toInt();
        out << n;
    }
    return out;
}

Result<std::optional<QDateTime>> DispatchRepository::nextDue()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT MIN(next_attempt_at) FROM notifications WHERE state = 'pending'"_s)
        || !q.next())
        return sqlError(q.lastError());
    if (q.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(
        QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC));
}

Result<bool> DispatchRepository::record(const QString &holder, qint64 id, const QDateTime &now,
                                        const Attempt &attempt)
{
    if (m_database.dialect().isSQLite())
        return recordDirectly(holder, id, now, attempt);
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT fouad_record_notification(?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(id);
    q.addBindValue(holder);
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(outcomeCode(attempt.outcome));
    q.addBindValue(attempt.outcome == Outcome::Retry ? attempt.nextAttemptAt.toMSecsSinceEpoch()
                                                     : now.toMSecsSinceEpoch());
    q.addBindValue(nullableInt(attempt.httpStatus));
    q.addBindValue(nullableText(attempt.error));
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toBool();
}

// SQLite: what fouad_record_notification does, under the write lock.
Result<bool> DispatchRepository::recordDirectly(const QString &holder, qint64 id,
                                                const QDateTime &now, const Attempt &attempt)
{
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT 1 FROM dispatch_leases WHERE name = ? AND holder = ?"_s);
    q.addBindValue(QStringView(LeaseName).toString());
    q.addBindValue(holder);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return false;
    q.prepare(u"SELECT n.complaint_id, n.contact_name, n.attempts, c.status, c.version"
              " FROM notifications n JOIN complaints c ON c.id = n.complaint_id"
              " WHERE n.id = ? AND n.state = 'pending'"_s);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return false;
    const qint64 complaintId = q.value(0).toLongLong();
    const QString contact = q.value(1).toString();
    const int attemptNo = q.value(2).toInt() + 1;
    const QString status = q.value(3).toString();
    const int version = q.value(4).toInt();
    const qint64 at = now.toMSecsSinceEpoch();

    switch (attempt.outcome) {
    case Outcome::Delivered:
        q.prepare(u"UPDATE notifications SET state = 'delivered', attempts = attempts + 1,"
                  " last_error = NULL, finished_at = ? WHERE id = ?"_s);
        q.addBindValue(at);
        break;
    case Outcome::Retry:
        q.prepare(u"UPDATE notifications SET attempts = attempts + 1, last_error = ?,"
                  " next_attempt_at = ? WHERE id = ?"_s);
        q.addBindValue(nullableText(attempt.error));
        q.addBindValue(attempt.nextAttemptAt.toMSecsSinceEpoch());
        break;
    case Outcome::Failed:
        q.prepare(u"UPDATE notifications SET state = 'failed', attempts = attempts + 1,"
                  " last_error = ?, finished_at = ? WHERE id = ?"_s);
        q.addBindValue(nullableText(attempt.error));
        q.addBindValue(at);
        break;
    }
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());

    QJsonObject data { { u"notification_id"_s, id },
                       { u"contact"_s, contact },
                       { u"attempt"_s, attemptNo } };
    if (attempt.httpStatus)
        data[u"http_status"_s] = *attempt.httpStatus;
    if (!attempt.error.isEmpty())
        data[u"error"_s] = attempt.error;
    if (attempt.outcome == Outcome::Retry)
        data[u"next_attempt_at"_s] = attempt.nextAttemptAt.toMSecsSinceEpoch();
    q.prepare(u"INSERT INTO complaint_events (complaint_id, at, actor, type, from_status,"
              " to_status, data, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(complaintId);
    q.addBindValue(at);
    q.addBindValue(QStringView(SystemActor).toString());
    q.addBindValue(eventType(attempt.outcome));
    q.addBindValue(status);
    q.addBindValue(status);
    q.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
    q.addBindValue(version);
    if (!q.exec())
        return sqlError(q.lastError());
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return true;
}

Result<QList<FailedNotification>> DispatchRepository::failed(int limit)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT n.id, n.complaint_id, c.tracking_code, n.contact_name, n.webhook,"
              " n.attempts, n.last_error, n.finished_at FROM notifications n"
              " JOIN complaints c ON c.id = n.complaint_id WHERE n.state = 'failed'"
              " ORDER BY n.finished_at DESC, n.id DESC LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<FailedNotification> out;
    while (q.next()) {
        FailedNotification f;
        f.id = q.value(0).toLongLong();
        f.complaintId = q.value(1).toLongLong();
        f.trackingCode = q.value(2).toString();
        f.contactName = q.value(3).toString();
        f.webhook = q.value(4).toString();
        f.attempts = q.value(5).toInt();
        f.lastError = q.value(6).toString();
        f.finishedAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
        out << f;
    }
    return out;
}

Result<bool> DispatchRepository::retryNow(qint64 id, const User &by, const QDateTime &now)
{
    if (!Workflow::mayRetryNotifications(by))
        return Error::forbidden(
            tr("Only a supervisor or an administrator sends a failed notification again."));
    const qint64 at = now.toMSecsSinceEpoch();
    QSqlQuery q(m_database.connection());
    if (!m_database.dialect().isSQLite()) {
        q.prepare(u"SELECT fouad_retry_notification(?, ?)"_s);
        q.addBindValue(id);
        q.addBindValue(at);
        if (!q.exec() || !q.next())
            return sqlError(q.lastError());
        return q.value(0).toBool();
    }
    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    q.prepare(u"UPDATE notifications SET state = 'pending', next_attempt_at = ?,"
              " finished_at = NULL WHERE id = ? AND state = 'failed'"
              " RETURNING complaint_id, contact_name"_s);
    q.addBindValue(at);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return false;
    const qint64 complaintId = q.value(0).toLongLong();
    const QJsonObject data { { u"notification_id"_s, id },
                             { u"contact"_s, q.value(1).toString() } };
    q.finish();
    q.prepare(u"INSERT INTO complaint_events (complaint_id, at, actor, type, from_status,"
              " to_status, data, version) SELECT id, ?, ?, ?, status, status, ?, version"
              " FROM complaints WHERE id = ?"_s);
    q.addBindValue(at);
    q.addBindValue(by.name);
    q.addBindValue(QStringView(EventType::NotificationRetried).toString());
    q.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
    q.addBindValue(complaintId);
    if (!q.exec())
        return sqlError(q.lastError());
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return true;
}

} // namespace fouad
