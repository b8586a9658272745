#include "storage/connectionmonitor.h"

#include "storage/database.h"

namespace fouad {

int Backoff::next()
{
    const int delay = m_nextMs;
    m_nextMs = qMin(m_nextMs * 2, MaxMs);
    return delay;
}

ConnectionMonitor::ConnectionMonitor(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::retryNow);
}

void ConnectionMonitor::check()
{
    if (m_connected)
        attempt(false);
}

void ConnectionMonitor::retryNow()
{
    attempt(true);
}

void ConnectionMonitor::attempt(bool retrying)
{
    // A retry tries now; a check while connected only looks (connect() reopens a
    // lost connection at most every Database::ReconnectAfterMs).
    const auto reached = retrying || !m_connected ? m_database.reconnect() : m_database.connect();
    if (reached) {
        m_timer.stop();
        m_backoff.reset();
        if (!m_connected) {
            m_connected = true;
            Q_EMIT restored();
        }
        return;
    }
    if (m_connected) {
        m_connected = false;
        Q_EMIT lost(reached.error().detail);
    }
    m_scheduledMs = m_backoff.next();
    m_timer.start(m_scheduledMs);
    Q_EMIT retryScheduled(m_scheduledMs);
}

} // namespace fouad
