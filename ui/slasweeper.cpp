#include "slasweeper.h"

#include "services/slaservice.h"
#include "storage/database.h"

#include <QTimer>

namespace fouad::ui {

namespace {

// Lives on the sweeper's thread; owns that thread's connection.
class Worker final : public QObject
{
public:
    explicit Worker(DatabaseUrl url)
        : m_url(std::move(url))
    {
    }

    void sweep(SlaSweeper *owner)
    {
        if (!m_database) {
            auto opened = Database::open(m_url);
            if (!opened) {
                Q_EMIT owner->failed(opened.error().message);
                return;
            }
            m_database = opened.value();
        }
        SlaService sla(*m_database);
        auto done = sla.sweep();
        if (!done)
            Q_EMIT owner->failed(done.error().message);
        else if (!done->isEmpty())
            Q_EMIT owner->escalated(int(done->size()));
        if (auto reminded = sla.remind(); !reminded)
            Q_EMIT owner->failed(reminded.error().message);
    }

private:
    DatabaseUrl m_url;
    std::shared_ptr<Database> m_database;
};

} // namespace

SlaSweeper::SlaSweeper(DatabaseUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
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
    auto *worker = new Worker(m_url);
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

} // namespace fouad::ui
