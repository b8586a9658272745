#include "services/notificationservice.h"

#include "domain/workflow.h"

namespace fouad {

NotificationService::NotificationService(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<QList<FailedNotification>> NotificationService::failed(int limit)
{
    return DispatchRepository(m_database).failed(limit);
}

Result<void> NotificationService::retryNow(const User &actor, qint64 id)
{
    if (!Workflow::mayRetryNotifications(actor))
        return Error::forbidden(
            tr("%1 is %2: only supervisors and administrators send a failed message again.")
                .arg(actor.name, title(actor.role)));
    auto retried = DispatchRepository(m_database).retryNow(id, actor, m_clock.nowUtc());
    if (!retried)
        return retried.error();
    if (!retried.value())
        return Error::conflict(tr("This message is no longer among the failed ones: someone "
                                  "sent it again already."));
    return {};
}

} // namespace fouad
