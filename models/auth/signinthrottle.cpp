#include "auth/signinthrottle.h"

#include <algorithm>

namespace fouad {

void SignInThrottle::failed()
{
    ++m_failures;
    const int over = m_failures - FreeAttempts;
    if (over <= 0)
        return;
    // 5, 10, 20, ... seconds; the shift stops growing long before it overflows.
    const qint64 delay =
        std::min<qint64>(qint64(FirstDelaySecs) << std::min(over - 1, 16), MaxDelaySecs);
    m_allowedAt = m_clock.nowUtc().addSecs(delay);
}

void SignInThrottle::succeeded()
{
    m_failures = 0;
    m_allowedAt = {};
}

int SignInThrottle::waitSecs() const
{
    if (!m_allowedAt.isValid())
        return 0;
    const qint64 ms = m_clock.nowUtc().msecsTo(m_allowedAt);
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

} // namespace fouad
