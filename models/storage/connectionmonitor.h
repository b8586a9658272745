#pragma once

#include "core/result.h"

#include <QObject>
#include <QTimer>

class QThread;

namespace fouad {

class Database;

// How long to wait before the next attempt to reach a database that went away:
// 1 s, doubling, at most 30 s; back to 1 s once it answers.
class Backoff final
{
public:
    static constexpr int FirstMs = 1000;
    static constexpr int MaxMs = 30000;

    // The delay before the next attempt; each call doubles the one after.
    int next();
    void reset() { m_nextMs = FirstMs; }

private:
    int m_nextMs = FirstMs;
};

// The console's view of its database connection (the calling thread's): told
// when something failed, it checks; while the database is away it retries with
// Backoff until it answers, then says so. Each attempt first reaches for the
// server from a thread of the monitor's own, on a connection of its own (a
// server that does not answer holds it for the driver's connect timeout,
// Database::ConnectTimeoutSecs, never the calling thread); only once that one
// got an answer is the calling thread's connection checked and reopened, which
// is quick then. One attempt at a time.
class ConnectionMonitor final : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionMonitor(Database &database, QObject *parent = nullptr);
    // Waits for an attempt under way (at most the connect timeout).
    ~ConnectionMonitor() override;

    bool isConnected() const { return m_connected; }
    // The delay of the retry now scheduled (0: none).
    int scheduledRetryMs() const { return m_timer.isActive() ? m_scheduledMs : 0; }

public Q_SLOTS:
    // After a failure (a save, a reload): is the database still there? One
    // round trip on the monitor's thread; the answer comes as a signal (none if
    // it still is).
    void check();
    // One attempt now, as the timer makes them.
    void retryNow();

Q_SIGNALS:
    void lost(const QString &reason);
    // A retry was scheduled in ms milliseconds.
    void retryScheduled(int ms);
    void restored();

private:
    class Probe;
    void attempt();
    void probed(const Result<void> &reached);

    Database &m_database;
    Backoff m_backoff;
    QTimer m_timer;
    int m_scheduledMs = 0;
    bool m_connected = true;
    bool m_attempting = false; // the probe is out
    QThread *m_thread = nullptr; // the probe's, started on the first attempt
    Probe *m_probe = nullptr; // lives on m_thread
};

} // namespace fouad
