#include "storage/adminchangerepository.h"

#include "storage/database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

QVariant json(const QJsonObject &object)
{
    if (object.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

Result<void> AdminChangeRepository::append(const AdminChange &change)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO admin_changes (at, actor, entity, key, action, before, after)"
              " VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(change.at.toMSecsSinceEpoch());
    q.addBindValue(change.actor);
    q.addBindValue(change.entity);
    q.addBindValue(change.key);
    q.addBindValue(change.action);
    q.addBindValue(json(change.before));
    q.addBindValue(json(change.after));
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<QList<AdminChange>> AdminChangeRepository::list(int limit)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, at, actor, entity, key, action, before, after FROM admin_changes"
              " ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q.lastError());
    const QSqlRecord r = q.record();
    const int id = r.indexOf(u"id"_s), at = r.indexOf(u"at"_s), actor = r.indexOf(u"actor"_s),
              entity = r.indexOf(u"entity"_s), key = r.indexOf(u"key"_s),
              action = r.indexOf(u"action"_s), before = r.indexOf(u"before"_s),
              after = r.indexOf(u"after"_s);
    QList<AdminChange> out;
    while (q.next()) {
        out.append({ q.value(id).toLongLong(),
                     QDateTime::fromMSecsSinceEpoch(q.value(at).toLongLong(), Qt::UTC),
                     q.value(actor).toString(), q.value(entity).toString(), q.value(key).toString(),
                     q.value(action).toString(), object(q.value(before)), object(q.value(after)) });
    }
    return out;
}

Result<qint64> AdminChangeRepository::configVersion()
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT version FROM config_version WHERE id = 1"_s))
        return sqlError(q.lastError());
    if (!q.next())
        return Error::runtime(tr("The configuration version is missing from the database."));
    return q.value(0).toLongLong();
}

} // namespace fouad
