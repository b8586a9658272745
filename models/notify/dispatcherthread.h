#pragma once

#include "core/clock.h"
#include "notify/dispatcher.h"
#include "storage/databaseurl.h"

#include <QObject>
#include <QThread>

namespace fouad {

// A Dispatcher on a thread of its own with its own database connection: every
// console runs one, so that the outbox is sent while any console is open. It
// idles while another console or process holds the lease, and gives the lease
// up when it stops (destroyed, or the console quits). A database that will not
// open yet is tried again every poll, each failure said by failed().
class DispatcherThread final : public QObject
{
    Q_OBJECT

public:
    // The clock is read on the dispatcher's thread: it must outlive this.
    explicit DispatcherThread(DatabaseUrl url, const Clock &clock = Clock::system(),
                              Dispatcher::Options options = {}, QObject *parent = nullptr);
    ~DispatcherThread() override;

    void start();
    // Stops sending, releases the lease and waits for the thread.
    void stop();

Q_SIGNALS:
    // Both are emitted on the thread this object lives in, not the worker's.
    // A pass could not run (the database out of reach, say); it is tried again.
    void failed(const QString &message);
    // Sending works again after failed(): once, at the first pass that ran since.
    void recovered();

private:
    QThread m_thread;
    DatabaseUrl m_url;
    const Clock &m_clock;
    Dispatcher::Options m_options;
};

} // namespace fouad
