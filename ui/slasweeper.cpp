#include "slasweeper.h"

#include "services/slaservice.h"
#include "storage/database.h"

#include <QLabel>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

// Lives on the sweeper's thread; owns that thread's connection.
class Worker final : public QObject
{
public:
    Worker(DatabaseUrl url, const Clock &clock)
        : m_url(std::move(url))
        , m_clock(clock)
    {
    }

    // The sweeper's signals are emitted on the thread the sweeper lives in
    // (queued there): a receiver connected directly, a QSignalSpy among them,
    // never runs on this one, and nothing is told after the sweeper is gone.
    void sweep(SlaSweeper *owner)
    {
        auto fail = [owner](const Error &error) {
            QMetaObject::invokeMethod(
                owner,
                [owner, message = error.message, detail = error.detail] {
                    Q_EMIT owner->failed(message, detail);
                },
                Qt::QueuedConnection);
        };
        if (!m_database) {
            auto opened = Database::open(m_url);
            if (!opened)
                return fail(opened.error());
            m_database = opened.value();
        }
        // A connection lost since the last minute is opened again, or the reason told.
        if (auto connected = m_database->connect(); !connected)
            return fail(connected.error());
        SlaService sla(*m_database, m_clock);
        auto done = sla.sweep();
        if (!done)
            return fail(done.error());
        if (!done->isEmpty()) {
            QMetaObject::invokeMethod(
                owner, [owner, levels = int(done->size())] { Q_EMIT owner->escalated(levels); },
                Qt::QueuedConnection);
        }
        if (auto reminded = sla.remind(); !reminded)
            return fail(reminded.error());
        QMetaObject::invokeMethod(
            owner, [owner] { Q_EMIT owner->swept(); }, Qt::QueuedConnection);
    }

private:
    DatabaseUrl m_url;
    const Clock &m_clock;
    std::shared_ptr<Database> m_database;
};

} // namespace

SlaSweeper::SlaSweeper(DatabaseUrl url, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("sla-sweeper"));
}

SlaSweeper::~SlaSweeper()
{
    m_thread.quit();
    m_thread.wait();
}

void SlaSweeper::start(int intervalMs)
{
    auto *worker = new Worker(m_url, m_clock);
    auto *timer = new QTimer;
    timer->setInterval(intervalMs);
    worker->moveToThread(&m_thread);
    timer->moveToThread(&m_thread);
    connect(timer, &QTimer::timeout, worker, [this, worker] { worker->sweep(this); });
    connect(&m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(&m_thread, &QThread::started, worker, [this, worker] { worker->sweep(this); });
    // Both die with the thread, on the thread, so the connection closes where it opened.
    connect(&m_thread, &QThread::finished, timer, &QObject::deleteLater);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

void SlaSweeper::showFailuresIn(QStatusBar *bar)
{
    auto *note = new QLabel(bar);
    note->setObjectName(u"fieldError"_s); // red, as every failure note
    note->setVisible(false);
    bar->addPermanentWidget(note);
    connect(this, &SlaSweeper::failed, note, [note](const QString &message, const QString &detail) {
        note->setText(tr("Escalation check failed: %1").arg(message));
        note->setToolTip(detail);
        note->setVisible(true);
    });
    connect(this, &SlaSweeper::swept, note, [note] {
        note->clear();
        note->setToolTip({});
        note->setVisible(false);
    });
}

} // namespace fouad::ui
