#pragma once

#include <QSocketNotifier>

#include <csignal>
#include <memory>

class QEventLoop;

namespace fouad::ctl {

// SIGINT and SIGTERM end a long-running command (watch, notify run) through a
// self-pipe: a signal handler may only write(), and the event loop reads the
// other end. Installed for its lifetime; a signal quits `loop`.
class StopSignals final
{
public:
    explicit StopSignals(QEventLoop &loop);
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    bool m_installed = false;
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace fouad::ctl
