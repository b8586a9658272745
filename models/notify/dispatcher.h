#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "notify/dispatchrepository.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace fouad {

class Database;

// Sends the outbox: HTTP POST of each message's JSON to its webhook, with the
// message's Idempotency-Key, at least once. One dispatcher sends at a time across
// every console and process: it holds the database's lease (30 s, renewed before
// each message), and another takes over once a holder stops renewing. 2xx is
// delivered; 5xx, 429, a timeout or a refused connection is retried after a
// backoff (1 s doubling per attempt, at most 5 minutes); any other answer is a
// permanent failure. Each attempt is in the complaint's history (actor "system").
//
// Sending waits for each reply in a local event loop: run it on a thread of its
// own where a GUI must stay responsive. It uses the calling thread's connection.
class Dispatcher final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        qint64 leaseMs = 30000;
        int timeoutMs = 10000;
        int batchSize = 20;
        qint64 firstRetryMs = 1000;
        qint64 maxRetryMs = 5 * 60 * 1000;
        int pollMs = 1000; // start(): how often it looks for due messages or a free lease
    };

    Dispatcher(Database &database, const Clock &clock, QObject *parent = nullptr);
    Dispatcher(Database &database, const Clock &clock, Options options, QObject *parent = nullptr);
    ~Dispatcher() override;

    // host:pid:random, distinct per dispatcher.
    const QString &holderId() const { return m_holder; }

    // The wait after a message's `attempts`-th failed attempt.
    static qint64 retryDelayMs(int attempts, const Options &options);

    struct Pass
    {
        bool held = false; // false: another holds the lease (lease says who)
        Lease lease;
        int delivered = 0;
        int retried = 0;
        int failed = 0;
    };
    // Takes (or renews) the lease and sends every message due when it began, in
    // batches; returns when none is left or the lease is lost. Keeps the lease.
    Result<Pass> sendDue();
    // Gives the lease up if held, so that another need not wait for its expiry.
    Result<void> release();

    // Until stop(): sendDue() every pollMs, idling while another holds the lease.
    void start();
    // Stops and releases the lease. Call on the dispatcher's thread.
    void stop();
    // A failure before the first pass (its database would not open) counts as a
    // failed pass: the first pass that runs says recovered().
    void noteFailure() { m_failing = true; }

Q_SIGNALS:
    // A pass could not run (the database is out of reach, say); it is tried again.
    void passFailed(const QString &message);
    // The first pass that ran after passFailed (sending or idling beside the
    // lease's holder): once per recovery, not on every pass.
    void recovered();

private:
    DispatchRepository::Attempt send(const PendingNotification &n);
    void tick();
    void releaseOrSay();
    void fail(const QString &message);

    Database &m_database;
    const Clock &m_clock;
    Options m_options;
    QString m_holder;
    bool m_held = false;
    bool m_busy = false;
    bool m_running = false;
    bool m_failing = false; // since the last passFailed, no pass has run
    QTimer m_timer;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace fouad
