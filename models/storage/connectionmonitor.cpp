#include "storage/connectionmonitor.h"

#include "storage/database.h"

#include <QSqlQuery>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace fouad {

int Backoff::next()
{
    const int delay = m_nextMs;
    m_nextMs = qMin(m_nextMs * 2, MaxMs);
    return delay;
}

// Reaches for the server on the monitor's thread, through a Database of its own
// (opened on the first attempt that gets an answer, closed with the thread).
class ConnectionMonitor::Probe final : public QObject
{
public:
    Probe(DatabaseUrl url, ConnectionMonitor *monitor)
        : m_url(std::move(url))
        , m_monitor(monitor)
    {
    }

    void run()
    {
        const Result<void> reached = reach();
        QMetaObject::invokeMethod(
            m_monitor, [monitor = m_monitor, reached] { monitor->probed(reached); },
            Qt::QueuedConnection);
    }

private:
    Result<void> reach()
    {
        if (!m_database) {
            auto opened = Database::open(m_url);
            if (!opened)
                return opened.error();
            m_database = opened.value();
            return {};
        }
        // A round trip: this connection ran nothing else that could have seen the
        // server go. A lost one is counted by sqlError(), so reconnect() reopens it.
        QSqlQuery query(m_database->connection());
        if (query.exec(u"SELECT 1"_s))
            return {};
        (void)sqlError(query.lastError());
        query = QSqlQuery();
        return m_database->reconnect();
    }

    DatabaseUrl m_url;
    ConnectionMonitor *m_monitor;
    std::shared_ptr<Database> m_database;
};

ConnectionMonitor::ConnectionMonitor(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::retryNow);
}

ConnectionMonitor::~ConnectionMonitor()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void ConnectionMonitor::check()
{
    if (m_connected)
        attempt();
}

void ConnectionMonitor::retryNow()
{
    attempt();
}

void ConnectionMonitor::attempt()
{
    if (m_attempting)
        return; // its answer decides, and schedules the next
    m_attempting = true;
    m_timer.stop();
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(u"connection-probe"_s);
        m_probe = new Probe(m_database.url(), this);
        m_probe->moveToThread(m_thread);
        connect(m_thread, &QThread::finished, m_probe, &QObject::deleteLater);
        m_thread->start();
    }
    QMetaObject::invokeMethod(
        m_probe, [probe = m_probe] { probe->run(); }, Qt::QueuedConnection);
}

void ConnectionMonitor::probed(const Result<void> &probe)
{
    m_attempting = false;
    // The server answered the probe: this thread's connection is checked (a
    // round trip only if one of its statements lost it) and reopened now, quickly.
    const Result<void> reached = probe ? m_database.reconnect() : probe;
    if (reached) {
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
