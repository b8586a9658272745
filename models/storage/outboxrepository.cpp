#include "storage/outboxrepository.h"

#include "storage/database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace fouad {

Result<qint64> OutboxRepository::append(const OutgoingMessage &m, const QDateTime &now)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO notifications (complaint_id, contact_id, contact_name, webhook,"
              " idempotency_key, payload, next_attempt_at, created_at)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
    q.addBindValue(m.complaintId);
    q.addBindValue(m.contactId);
    q.addBindValue(m.contactName);
    q.addBindValue(m.webhook);
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(QString::fromUtf8(QJsonDocument(m.payload).toJson(QJsonDocument::Compact)));
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(now.toMSecsSinceEpoch());
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toLongLong();
}

} // namespace fouad
