#include "notify/dispatcher.h"

#include "core/jsonpost.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

QString makeHolderId()
{
    return u"%1:%2:%3"_s.arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::system()->generate64(), 16, 16, QChar(u'0'));
}

} // namespace

Dispatcher::Dispatcher(Database &database, const Clock &clock, QObject *parent)
    : Dispatcher(database, clock, Options(), parent)
{
}

Dispatcher::Dispatcher(Database &database, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_options(options)
    , m_holder(makeHolderId())
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Dispatcher::tick);
}

Dispatcher::~Dispatcher() = default;

qint64 Dispatcher::retryDelayMs(int attempts, const Options &options)
{
    qint64 delay = options.firstRetryMs;
    for (int i = 1; i < attempts && delay < options.maxRetryMs; ++i)
        delay *= 2;
    return std::min(delay, options.maxRetryMs);
}

Result<Dispatcher::Pass> Dispatcher::sendDue()
{
    DispatchRepository repository(m_database);
    // Only what is due now: a message put back for its retry waits for the next pass.
    const QDateTime cutoff = m_clock.nowUtc();
    Pass pass;
    // Renewed before each message, so a long batch never outlives the lease.
    auto renew = [&]() -> Result<bool> {
        auto lease = repository.takeLease(m_holder, m_clock.nowUtc(), m_options.leaseMs);
        if (!lease)
            return lease.error();
        pass.lease = *lease;
        pass.held = m_held = lease->ours;
        return pass.held;
    };
    for (;;) {
        // The lease first, then the batch: rows read before would be another
        // holder's, who may have sent them meanwhile.
        auto held = renew();
        if (!held)
            return held.error();
        if (!*held)
            return pass;
        auto batch = repository.due(cutoff, m_options.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return pass;
        for (const PendingNotification &n : std::as_const(*batch)) {
            if (&n != &batch->constFirst()) {
                held = renew();
                if (!held)
                    return held.error();
                if (!*held)
                    return pass;
            }
            const DispatchRepository::Attempt attempt = send(n);
            auto recorded = repository.record(m_holder, n.id, m_clock.nowUtc(), attempt);
            if (!recorded)
                return recorded.error(); // still pending: sent again later (at least once)
            if (!*recorded)
                continue; // the lease moved meanwhile: its new holder sends it again
            switch (attempt.outcome) {
            case DispatchRepository::Outcome::Delivered:
                ++pass.delivered;
                break;
            case DispatchRepository::Outcome::Retry:
                ++pass.retried;
                break;
            case DispatchRepository::Outcome::Failed:
                ++pass.failed;
                break;
            }
        }
    }
}

DispatchRepository::Attempt Dispatcher::send(const PendingNotification &n)
{
    DispatchRepository::Attempt attempt;
    const QUrl url(n.webhook);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        attempt.outcome = DispatchRepository::Outcome::Failed;
        attempt.error = u"not an http(s) address: %1"_s.arg(n.webhook);
        return attempt;
    }
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request = JsonPost::request(url, m_options.timeoutMs);
    request.setRawHeader("Idempotency-Key", n.idempotencyKey.toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_network->post(request, n.payload.toUtf8()));
    if (!reply->isFinished()) {
        QEventLoop loop;
        connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }

    auto retryLater = [&] {
        attempt.outcome = DispatchRepository::Outcome::Retry;
        attempt.nextAttemptAt = m_clock.nowUtc().addMSecs(retryDelayMs(n.attempts + 1, m_options));
    };
    const JsonPost::Answer answer = JsonPost::answer(*reply);
    switch (answer.kind) {
    case JsonPost::Kind::Answered: {
        const int code = answer.httpStatus;
        attempt.httpStatus = code;
        if (answer.succeeded()) {
            attempt.outcome = DispatchRepository::Outcome::Delivered;
            return attempt;
        }
        attempt.error = u"HTTP %1"_s.arg(code);
        if (code >= 500 || code == 429)
            retryLater();
        else
            attempt.outcome = DispatchRepository::Outcome::Failed;
        return attempt;
    }
    // No answer: a timeout, a refused or broken connection, a name that does
    // not resolve. All may pass: retried.
    case JsonPost::Kind::TimedOut:
        attempt.error = u"timed out after %1 ms"_s.arg(m_options.timeoutMs);
        break;
    case JsonPost::Kind::Refused:
        attempt.error = u"connection refused"_s;
        break;
    case JsonPost::Kind::Unreachable:
        attempt.error = answer.error;
        break;
    }
    retryLater();
    return attempt;
}

Result<void> Dispatcher::release()
{
    if (!m_held)
        return {};
    m_held = false;
    return DispatchRepository(m_database).releaseLease(m_holder);
}

void Dispatcher::start()
{
    m_running = true;
    m_timer.start(0);
}

void Dispatcher::stop()
{
    m_running = false;
    m_timer.stop();
    if (!m_busy)
        releaseOrSay();
}

void Dispatcher::releaseOrSay()
{
    if (auto released = release(); !released)
        fail(released.error().message);
}

void Dispatcher::fail(const QString &message)
{
    m_failing = true;
    Q_EMIT passFailed(message);
}

void Dispatcher::tick()
{
    if (m_busy || !m_running)
        return;
    m_busy = true;
    auto pass = sendDue();
    m_busy = false;
    if (!pass) {
        fail(pass.error().message);
    } else if (m_failing) {
        m_failing = false;
        Q_EMIT recovered();
    }
    if (!m_running) { // stopped while sending
        releaseOrSay();
        return;
    }
    m_timer.start(m_options.pollMs);
}

} // namespace fouad
