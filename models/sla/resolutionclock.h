#pragma once

#include "domain/complaintenums.h"

#include <QList>

namespace fouad::ResolutionClock {

// The statuses in which a complaint's resolution clock runs: from registration
// until the agency's fix, but not while the complaint waits for the citizen.
// The queue's countdown and the repository's near-breach and breach queries
// both take them from here.
const QList<Status> &runningStatuses();
bool runsIn(Status status);

// A running clock is near breach in the last fifth of its target: remaining
// time times NearBreachDivisor below the whole target. The SQL of the board and
// of the near-breach alerts is generated from the same constant.
inline constexpr int NearBreachDivisor = 5;

// remainingSecs: due − now; targetSecs: due − received.
constexpr bool isNearBreach(qint64 remainingSecs, qint64 targetSecs)
{
    return remainingSecs >= 0 && remainingSecs * NearBreachDivisor < targetSecs;
}

} // namespace fouad::ResolutionClock
