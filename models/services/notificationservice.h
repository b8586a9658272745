#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "notify/dispatchrepository.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// What supervisors do about messages that could not be delivered (issue 9): the
// list of those that failed for good, and sending one again. The rule of who may
// is Workflow::mayRetryNotifications; on PostgreSQL the database checks it again.
class NotificationService final
{
    Q_DECLARE_TR_FUNCTIONS(NotificationService)

public:
    explicit NotificationService(Database &database, const Clock &clock = Clock::system());

    // The latest first.
    Result<QList<FailedNotification>> failed(int limit = 200);
    // Pending again at once; the complaint's history says who asked. A message no
    // longer failed (another supervisor was quicker) is a Conflict.
    Result<void> retryNow(const User &actor, qint64 id);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace fouad
