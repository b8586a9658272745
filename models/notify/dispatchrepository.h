#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace fouad {

class Database;
struct User;

// A message of the outbox waiting to be sent.
struct PendingNotification
{
    qint64 id = 0;
    qint64 complaintId = 0;
    QString contactName;
    QString webhook;
    QString idempotencyKey;
    QString payload; // JSON text, sent as it is
    int attempts = 0;
};

// A message that failed for good, for the supervisors' list.
struct FailedNotification
{
    qint64 id = 0;
    qint64 complaintId = 0;
    QString trackingCode;
    QString contactName;
    QString webhook;
    int attempts = 0;
    QString lastError;
    QDateTime finishedAt;
};

// Who holds the dispatcher's lease, and until when.
struct Lease
{
    bool ours = false;
    QString holder; // empty: nobody
    QDateTime expiresAt;
};

// The dispatcher's reads and writes: the lease and each attempt's outcome with
// its history event (actor "system"). On PostgreSQL through migration 15's
// functions, since the dispatcher runs under a staff login that may not write
// these itself; on SQLite the same with plain statements in one transaction.
// The one place where the two differ for the outbox.
class DispatchRepository final
{
    Q_DECLARE_TR_FUNCTIONS(DispatchRepository)

public:
    explicit DispatchRepository(Database &database);

    static constexpr char16_t LeaseName[] = u"notifications";

    // Takes the lease if it is free, ours or expired at `now`, for `durationMs`
    // from `now` (renewing it when ours); otherwise says who holds it.
    Result<Lease> takeLease(const QString &holder, const QDateTime &now, qint64 durationMs);
    // Gives the lease up if it is ours, so that the next dispatcher need not wait.
    Result<void> releaseLease(const QString &holder);
    Result<Lease> currentLease(const QString &holder);

    // Pending messages due at `now`, the longest waiting first.
    Result<QList<PendingNotification>> due(const QDateTime &now, int limit);
    // When the next pending message is due (none pending: nullopt).
    Result<std::optional<QDateTime>> nextDue();

    enum class Outcome { Delivered, Retry, Failed };
    struct Attempt
    {
        Outcome outcome = Outcome::Delivered;
        QDateTime nextAttemptAt; // for Retry
        std::optional<int> httpStatus;
        QString error;
    };
    // Records one attempt of a message as the lease's holder; false when the
    // lease is no longer ours or the message no longer pending (nothing written).
    Result<bool> record(const QString &holder, qint64 id, const QDateTime &now,
                        const Attempt &attempt);

    // The messages that failed for good, the latest first.
    Result<QList<FailedNotification>> failed(int limit);
    // Retry now: a failed message is pending again, due at `now`, and the
    // complaint's history says who asked. Only for those
    // Workflow::mayRetryNotifications allows (Forbidden otherwise; on PostgreSQL
    // the database checks it again). False: the message is not failed (any more).
    Result<bool> retryNow(qint64 id, const User &by, const QDateTime &now);

private:
    Result<bool> recordDirectly(const QString &holder, qint64 id, const QDateTime &now,
                                const Attempt &attempt);

    Database &m_database;
};

} // namespace fouad
