#pragma once

#include "storage/databaseurl.h"

#include <QObject>
#include <QThread>

namespace fouad::ui {

// The console's share of the escalation ladder: every minute, on a thread of
// its own with its own database connection, it sweeps (SlaService::sweep).
// Several consoles sweeping at once is safe: each level is raised once.
class SlaSweeper final : public QObject
{
    Q_OBJECT

public:
    explicit SlaSweeper(DatabaseUrl url, QObject *parent = nullptr);
    ~SlaSweeper() override;

    void start(int intervalMs = 60 * 1000);

Q_SIGNALS:
    // After a sweep that escalated something: how many levels were raised.
    void escalated(int levels);
    void failed(const QString &message);

private:
    QThread m_thread;
    DatabaseUrl m_url;
};

} // namespace fouad::ui
