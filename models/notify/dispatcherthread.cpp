#include "notify/dispatcherthread.h"

#include "storage/database.h"

#include <QTimer>

namespace fouad {

namespace {

// Lives on the dispatcher's thread: opens that thread's database, runs the
// dispatcher there and, destroyed there, releases the lease on that connection.
class Worker final : public QObject
{
public:
    Worker(DatabaseUrl url, const Clock &clock, Dispatcher::Options options)
        : m_url(std::move(url))
        , m_clock(clock)
        , m_options(options)
    {
    }
    ~Worker() override
    {
        if (m_dispatcher)
            m_dispatcher->stop();
        m_dispatcher.reset();
        if (m_database)
            m_database->closeConnection();
    }

    // Opens the database, tried again every poll until it opens (the server not
    // up yet, the file's folder not there yet), then sends until stopped.
    void run(DispatcherThread *owner)
    {
        auto opened = Database::open(m_url);
        if (!opened) {
            m_openFailed = true;
            // Emitted on the owner's thread, as the dispatcher's own failures are.
            QMetaObject::invokeMethod(
                owner, [owner, message = opened.error().message] { Q_EMIT owner->failed(message); },
                Qt::QueuedConnection);
            QTimer::singleShot(m_options.pollMs, this, [this, owner] { run(owner); });
            return;
        }
        m_database = opened.value();
        m_dispatcher = std::make_unique<Dispatcher>(*m_database, m_clock, m_options);
        connect(m_dispatcher.get(), &Dispatcher::passFailed, owner, &DispatcherThread::failed);
        connect(m_dispatcher.get(), &Dispatcher::recovered, owner, &DispatcherThread::recovered);
        if (m_openFailed)
            m_dispatcher->noteFailure(); // its first pass that runs is the recovery
        m_dispatcher->start();
    }

private:
    DatabaseUrl m_url;
    const Clock &m_clock;
    Dispatcher::Options m_options;
    std::shared_ptr<Database> m_database;
    std::unique_ptr<Dispatcher> m_dispatcher;
    bool m_openFailed = false;
};

} // namespace

DispatcherThread::DispatcherThread(DatabaseUrl url, const Clock &clock, Dispatcher::Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_clock(clock)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("notify-dispatcher"));
}

DispatcherThread::~DispatcherThread()
{
    stop();
}

void DispatcherThread::start()
{
    auto *worker = new Worker(m_url, m_clock, m_options);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, worker, [this, worker] { worker->run(this); });
    // Deleted on its thread, after the loop ends: the lease is released there.
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

void DispatcherThread::stop()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace fouad
