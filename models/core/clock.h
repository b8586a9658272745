#pragma once

#include <QDateTime>

namespace fouad {

// Every "now" in the core comes from a Clock, so tests can control time
// (tests/support/mockclock.h) instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    // The wall clock, for production code paths.
    static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
};

} // namespace fouad
