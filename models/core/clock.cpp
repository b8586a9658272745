#include "core/clock.h"

namespace fouad {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace fouad
