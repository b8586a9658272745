#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>

namespace fouad {

class Database;

// One message for one recipient, as the outbox keeps it until it is delivered.
struct OutgoingMessage
{
    qint64 complaintId = 0;
    qint64 contactId = 0;
    QString contactName; // copied: the recipient is fixed when the message is written
    QString webhook;
    QJsonObject payload;
};

// The writing side of the notifications outbox (migration 14): always inside
// the transaction of the event that causes the message.
class OutboxRepository final
{
public:
    explicit OutboxRepository(Database &database)
        : m_database(database)
    {
    }

    // Pending, due at `now`, under a new Idempotency-Key of its own (a UUID) that
    // every retry of this message sends. The new row's id.
    Result<qint64> append(const OutgoingMessage &message, const QDateTime &now);

private:
    Database &m_database;
};

} // namespace fouad
