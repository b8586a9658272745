#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

namespace fouad {

class Database;

// One change to the centre's configuration, as admin_changes records it.
struct AdminChange
{
    qint64 id = 0;
    QDateTime at;
    QString actor; // a user name, or "system"
    QString entity; // "user", "agency", "category", "sla_policy", "calendar_hours", ...
    QString key; // which one: a user name, a category code, "calendar/weekday", ...
    QString action; // "add", "update", "role", "disable", "remove", ...
    QJsonObject before; // empty when added
    QJsonObject after; // empty when removed
};

// The administration history (append-only: the database refuses UPDATE and
// DELETE) and the configuration version that every configuration cache checks.
class AdminChangeRepository final
{
    Q_DECLARE_TR_FUNCTIONS(AdminChangeRepository)

public:
    explicit AdminChangeRepository(Database &database)
        : m_database(database)
    {
    }

    // Inside the transaction that made the change.
    Result<void> append(const AdminChange &change);
    // The newest first.
    Result<QList<AdminChange>> list(int limit = 100);

    // Bumped by triggers on every configuration table (migration 9), so any
    // writer in any process moves it on in its own transaction.
    Result<qint64> configVersion();

private:
    Database &m_database;
};

} // namespace fouad
