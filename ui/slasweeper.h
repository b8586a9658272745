#pragma once

#include "core/clock.h"
#include "storage/databaseurl.h"

#include <QObject>
#include <QThread>

class QStatusBar;

namespace fouad::ui {

// The console's share of the escalation ladder: every minute, on a thread of
// its own with its own database connection, it sweeps (SlaService::sweep).
// Several consoles sweeping at once is safe: each level is raised once.
class SlaSweeper final : public QObject
{
    Q_OBJECT

public:
    // The clock is read on the sweeper's thread: it must outlive the sweeper.
    explicit SlaSweeper(DatabaseUrl url, const Clock &clock = Clock::system(),
                        QObject *parent = nullptr);
    ~SlaSweeper() override;

    void start(int intervalMs = 60 * 1000);

    // A failing sweep shows in the status bar (a permanent note, the detail in
    // its tooltip) until a sweep succeeds again.
    void showFailuresIn(QStatusBar *bar);

Q_SIGNALS:
    // All three are emitted on the thread the sweeper lives in, not its worker's.
    // After a sweep that escalated something: how many levels were raised.
    void escalated(int levels);
    // A sweep (or its reminders) failed: the reason for the person at the desk,
    // and the technical detail (the driver's text) for the administrator.
    void failed(const QString &message, const QString &detail);
    // After every sweep that completed without an error, escalating or not.
    void swept();

private:
    QThread m_thread;
    DatabaseUrl m_url;
    const Clock &m_clock;
};

} // namespace fouad::ui
