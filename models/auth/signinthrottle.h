#pragma once

#include "core/clock.h"

#include <QDateTime>

namespace fouad {

// Wrong passwords typed at this console, where nothing else counts them: on a
// shared PostgreSQL a refused sign-in has no session to be recorded in (the
// server's own protection is auth_delay and pg_hba.conf, see the administrator's
// guide). The first FreeAttempts failures in a row cost nothing; each one after
// them makes the next attempt wait, FirstDelaySecs doubling up to MaxDelaySecs.
// A sign-in that succeeds starts the count again.
class SignInThrottle final
{
public:
    static constexpr int FreeAttempts = 3;
    static constexpr int FirstDelaySecs = 5;
    static constexpr int MaxDelaySecs = 300;

    explicit SignInThrottle(const Clock &clock = Clock::system())
        : m_clock(clock)
    {
    }

    void failed();
    void succeeded();
    int failures() const { return m_failures; }
    // Seconds until the next attempt is allowed (0: now).
    int waitSecs() const;

private:
    const Clock &m_clock;
    int m_failures = 0;
    QDateTime m_allowedAt;
};

} // namespace fouad
