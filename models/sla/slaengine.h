#pragma once

#include "domain/complaint.h"
#include "sla/slapolicy.h"
#include "sla/workcalendar.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace fouad {

// The SLA arithmetic of DESIGN §3 on one complaint: pure functions of its
// history, its policy, its calendar and "now". No database, no widgets.
namespace SlaEngine {

enum class ClockState { Running, Met, Breached, Paused, Pending };
QString code(ClockState state);

struct Clock
{
    QDateTime dueAt; // invalid while pending
    std::optional<qint64>
        remainingSeconds; // due − now (running), due − stop (stopped); negative once breached
    ClockState state = ClockState::Pending;
};

struct Clocks
{
    Clock acknowledge;
    Clock resolve;
    Clock verify;
};

// A span while the complaint waited for the citizen; `end` invalid while it still waits.
struct Pause
{
    QDateTime start;
    QDateTime end;
};

// What the history says about the clocks.
struct Facts
{
    QDateTime receivedAt;
    QDateTime acknowledgedAt; // first acknowledgement
    QDateTime resolvedAt; // the agency's fix in force (cleared by not_fixed, reopen)
    QDateTime verifiedAt; // confirmed after resolvedAt
    QDateTime closedAt; // while closed
    QList<Pause> pauses;
};
Facts factsOf(const Complaint &complaint);

// Time counted by a target between two instants, less the pauses.
qint64 counted(const QDateTime &from, const QDateTime &to, const SlaTarget &target,
               const WorkCalendar &calendar, const QList<Pause> &pauses);
// The instant the target is reached from start, skipping the pauses (an open
// pause is taken to end at `now`).
QDateTime due(const QDateTime &start, const SlaTarget &target, const WorkCalendar &calendar,
              const QList<Pause> &pauses = {}, const QDateTime &now = {});

Clocks clocks(const Complaint &complaint, const SlaPolicy &policy, const WorkCalendar &calendar,
              const QDateTime &now);

// The rungs of the ladder that have fired by `now`, in the ladder's order,
// each with the moment its threshold passed (the sweeper's escalation time).
struct FiredRung
{
    int level = 0;
    QDateTime at;
};
QList<FiredRung> firedRungs(const Complaint &complaint, const SlaPolicy &policy,
                            const WorkCalendar &calendar, const QList<EscalationRung> &ladder,
                            const QDateTime &now);

// The escalation level the ladder requires now (0 when none): the highest fired.
int requiredLevel(const Complaint &complaint, const SlaPolicy &policy, const WorkCalendar &calendar,
                  const QList<EscalationRung> &ladder, const QDateTime &now);

} // namespace SlaEngine

} // namespace fouad
