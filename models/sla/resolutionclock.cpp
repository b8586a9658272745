#include "sla/resolutionclock.h"

namespace fouad::ResolutionClock {

const QList<Status> &runningStatuses()
{
    // Resolved, verified and closed: the agency's part is done; waiting: paused.
    static const QList<Status> statuses = { Status::Registered, Status::Referred,
                                            Status::InProgress, Status::FieldInspection };
    return statuses;
}

bool runsIn(Status status)
{
    return runningStatuses().contains(status);
}

} // namespace fouad::ResolutionClock
