#include "storage/callrepository.h"

#include "storage/database.h"

#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

const QString Columns = u"id, extension, caller, keyed_code, rang_at"_s;

Result<QList<IncomingCall>> readCalls(QSqlQuery &q)
{
    if (!q.exec())
        return sqlError(q.lastError());
    const QSqlRecord r = q.record();
    const int id = r.indexOf(u"id"_s), extension = r.indexOf(u"extension"_s),
              caller = r.indexOf(u"caller"_s), code = r.indexOf(u"keyed_code"_s),
              at = r.indexOf(u"rang_at"_s);
    QList<IncomingCall> out;
    while (q.next()) {
        IncomingCall call;
        call.id = q.value(id).toLongLong();
        call.extension = q.value(extension).toString();
        call.caller = q.value(caller).toString();
        call.keyedCode = q.value(code).toString();
        call.rangAt = QDateTime::fromMSecsSinceEpoch(q.value(at).toLongLong(), Qt::UTC);
        out.append(call);
    }
    return out;
}

} // namespace

Result<qint64> CallRepository::record(const QString &extension, const QString &caller,
                                      const QString &keyedCode, const QDateTime &at,
                                      const QString &actor)
{
    QSqlQuery q(m_database.connection());
    if (m_database.dialect().isSQLite()) {
        q.prepare(u"INSERT INTO calls (extension, caller, keyed_code, rang_at, actor)"
                  " VALUES (?, ?, ?, ?, ?) RETURNING id"_s);
    } else {
        // The function records the session's login as the actor.
        q.prepare(u"SELECT fouad_record_call(?, ?, ?, ?)"_s);
    }
    q.addBindValue(extension);
    q.addBindValue(caller);
    q.addBindValue(keyedCode.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : keyedCode);
    q.addBindValue(at.toMSecsSinceEpoch());
    if (m_database.dialect().isSQLite())
        q.addBindValue(actor);
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toLongLong();
}

Result<QList<CallerComplaint>> CallRepository::callerComplaints(const QString &caller, int limit)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(
        m_database.dialect().isSQLite()
            ? u"SELECT tracking_code, status, received_at FROM complaints"
              " WHERE citizen_phone = ? ORDER BY received_at DESC, id DESC LIMIT ?"_s
            : u"SELECT tracking_code, status, received_at FROM fouad_caller_complaints(?, ?)"_s);
    q.addBindValue(caller);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q.lastError());
    QList<CallerComplaint> out;
    while (q.next()) {
        CallerComplaint c;
        c.trackingCode = q.value(0).toString();
        c.status = statusFromCode(q.value(1).toString()).value_or(Status::Registered);
        c.receivedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        out.append(c);
    }
    return out;
}

Result<QList<IncomingCall>> CallRepository::callsAfter(const QString &extension, qint64 afterId)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM calls WHERE extension = ? AND id > ? ORDER BY id"_s.arg(Columns));
    q.addBindValue(extension);
    q.addBindValue(afterId);
    return readCalls(q);
}

Result<std::optional<IncomingCall>> CallRepository::find(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM calls WHERE id = ?"_s.arg(Columns));
    q.addBindValue(id);
    auto calls = readCalls(q);
    if (!calls)
        return calls.error();
    if (calls->isEmpty())
        return std::optional<IncomingCall>();
    return std::optional<IncomingCall>(calls->constFirst());
}

Result<qint64> CallRepository::lastId()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT COALESCE(MAX(id), 0) FROM calls"_s) || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toLongLong();
}

} // namespace fouad
