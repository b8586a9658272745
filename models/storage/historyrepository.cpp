#include "storage/historyrepository.h"

#include "storage/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

Result<QHash<qint64, QList<HistoryEvent>>>
HistoryRepository::histories(const QList<qint64> &complaintIds)
{
    QHash<qint64, QList<HistoryEvent>> out;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    for (qsizetype start = 0; start < complaintIds.size(); start += IdsPerStatement) {
        const QList<qint64> ids = complaintIds.mid(start, IdsPerStatement);
        QStringList marks(ids.size(), u"?"_s);
        if (!q.prepare(u"SELECT complaint_id, id, at, actor, type, from_status, to_status, data"
                       " FROM complaint_events WHERE complaint_id IN (%1)"
                       " ORDER BY complaint_id, id"_s.arg(marks.join(u", "_s))))
            return sqlError(q.lastError());
        for (qint64 id : ids)
            q.addBindValue(id);
        if (!q.exec())
            return sqlError(q.lastError());
        while (q.next()) {
            HistoryEvent e;
            e.id = q.value(u"id"_s).toLongLong();
            e.at = QDateTime::fromMSecsSinceEpoch(q.value(u"at"_s).toLongLong(), Qt::UTC);
            e.actor = q.value(u"actor"_s).toString();
            e.type = q.value(u"type"_s).toString();
            e.fromStatus = q.value(u"from_status"_s).toString();
            e.toStatus = q.value(u"to_status"_s).toString();
            e.data = QJsonDocument::fromJson(q.value(u"data"_s).toString().toUtf8()).object();
            out[q.value(u"complaint_id"_s).toLongLong()].append(e);
        }
        q.finish();
    }
    return out;
}

} // namespace fouad
