#pragma once

#include "live/changefeed.h"
#include "support/testdatabase.h"

namespace fouad::test {

// How soon a committed change (or a call) should reach whoever listens:
// PostgreSQL wakes the feed by NOTIFY, SQLite's feed looks once a second. The
// load benchmark measures it (docs/performance.md).
inline qint64 liveAimMs(Backend backend)
{
    return backend == Backend::SQLite ? ChangeFeed::SqlitePollIntervalMs + 500 : 1000;
}

// What a test on a loaded CI machine allows past an aim before it fails.
inline constexpr qint64 LoadedMachineSlackMs = 2000;

inline qint64 liveLateMs(Backend backend)
{
    return liveAimMs(backend) + LoadedMachineSlackMs;
}

} // namespace fouad::test
