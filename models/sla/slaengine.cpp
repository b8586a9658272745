#include "sla/slaengine.h"

using namespace Qt::StringLiterals;

namespace fouad::SlaEngine {

QString code(ClockState state)
{
    switch (state) {
    case ClockState::Running:
        return u"running"_s;
    case ClockState::Met:
        return u"met"_s;
    case ClockState::Breached:
        return u"breached"_s;
    case ClockState::Paused:
        return u"paused"_s;
    case ClockState::Pending:
        return u"pending"_s;
    }
    return {};
}

Facts factsOf(const Complaint &c)
{
    Facts f;
    f.receivedAt = c.receivedAt;
    const QString waiting = fouad::code(Status::WaitingForCitizen);
    const QString closed = fouad::code(Status::Closed);
    for (const HistoryEvent &e : c.history) {
        if (e.type == u"acknowledge" && !f.acknowledgedAt.isValid())
            f.acknowledgedAt = e.at;
        if (e.type == u"resolve") {
            f.resolvedAt = e.at;
            f.verifiedAt = {};
        } else if (e.type == u"verify") {
            // A reader without the events' data (an integration's login) has the
            // status the verification moved to, which the workflow fixes for
            // each result: confirmed → verified, not fixed → in progress.
            const QString result = e.data.contains(u"result")   ? e.data.value(u"result").toString()
                : e.toStatus == fouad::code(Status::Verified)   ? u"confirmed"_s
                : e.toStatus == fouad::code(Status::InProgress) ? u"not_fixed"_s
                                                                : QString();
            if (result == u"not_fixed")
                f.resolvedAt = {};
            else if (result == u"confirmed")
                f.verifiedAt = e.at;
        } else if (e.type == u"reopen") {
            f.resolvedAt = {};
            f.verifiedAt = {};
        }
        if (e.toStatus == closed && e.fromStatus != closed)
            f.closedAt = e.at;
        else if (e.fromStatus == closed && e.toStatus != closed)
            f.closedAt = {};
        if (e.toStatus == waiting && e.fromStatus != waiting)
            f.pauses.append({ e.at, {} });
        else if (e.fromStatus == waiting && e.toStatus != waiting && !f.pauses.isEmpty())
            f.pauses.last().end = e.at;
    }
    return f;
}

namespace {

qint64 secs(const QDateTime &t)
{
    return t.toSecsSinceEpoch();
}

qint64 span(qint64 from, qint64 to, const SlaTarget &target, const WorkCalendar &calendar)
{
    if (to <= from)
        return 0;
    return target.working ? calendar.workingSecsBetween(from, to) : to - from;
}

qint64 advance(qint64 from, qint64 amount, const SlaTarget &target, const WorkCalendar &calendar)
{
    return target.working ? calendar.addWorkingSecs(from, amount) : from + amount;
}

} // namespace

qint64 counted(const QDateTime &from, const QDateTime &to, const SlaTarget &target,
               const WorkCalendar &calendar, const QList<Pause> &pauses)
{
    const qint64 a = secs(from), b = secs(to);
    qint64 total = span(a, b, target, calendar);
    for (const Pause &p : pauses) {
        const qint64 ps = std::max(secs(p.start), a);
        const qint64 pe = std::min(p.end.isValid() ? secs(p.end) : b, b);
        total -= span(ps, pe, target, calendar);
    }
    return std::max<qint64>(total, 0);
}

QDateTime due(const QDateTime &start, const SlaTarget &target, const WorkCalendar &calendar,
              const QList<Pause> &pauses, const QDateTime &now)
{
    qint64 cursor = secs(start);
    qint64 remaining = target.seconds;
    for (const Pause &p : pauses) {
        const qint64 ps = secs(p.start);
        const qint64 pe =
            p.end.isValid() ? secs(p.end) : std::max(secs(now.isValid() ? now : p.start), ps);
        if (pe <= cursor)
            continue;
        const qint64 segment = span(cursor, ps, target, calendar);
        if (ps > cursor && segment >= remaining)
            break;
        remaining -= segment;
        cursor = std::max(cursor, pe);
    }
    return QDateTime::fromSecsSinceEpoch(advance(cursor, remaining, target, calendar), Qt::UTC);
}

namespace {

Clock stopped(const QDateTime &dueAt, const QDateTime &stop)
{
    Clock c;
    c.dueAt = dueAt;
    c.remainingSeconds = stop.secsTo(dueAt);
    c.state = stop <= dueAt ? ClockState::Met : ClockState::Breached;
    return c;
}

Clock running(const QDateTime &dueAt, const QDateTime &now, bool paused)
{
    Clock c;
    c.dueAt = dueAt;
    c.remainingSeconds = now.secsTo(dueAt);
    c.state = paused  ? ClockState::Paused
        : now > dueAt ? ClockState::Breached
                      : ClockState::Running;
    return c;
}

bool pausedAt(const QList<Pause> &pauses, const QDateTime &now)
{
    return !pauses.isEmpty() && !pauses.last().end.isValid() && pauses.last().start <= now;
}

} // namespace

Clocks clocks(const Complaint &complaint, const SlaPolicy &policy, const WorkCalendar &calendar,
              const QDateTime &now)
{
    const Facts f = factsOf(complaint);
    const bool paused = pausedAt(f.pauses, now);
    Clocks out;

    const QDateTime ackDue = due(f.receivedAt, policy.acknowledge, calendar, f.pauses, now);
    if (f.acknowledgedAt.isValid())
        out.acknowledge = stopped(ackDue, f.acknowledgedAt);
    else if (f.closedAt.isValid())
        out.acknowledge = stopped(ackDue, f.closedAt);
    else
        out.acknowledge = running(ackDue, now, paused);

    // Measured from received_at even after a not_fixed call or a reopen.
    const QDateTime resolveDue = due(f.receivedAt, policy.resolve, calendar, f.pauses, now);
    if (f.resolvedAt.isValid())
        out.resolve = stopped(resolveDue, f.resolvedAt);
    else if (f.closedAt.isValid())
        out.resolve = stopped(resolveDue, f.closedAt);
    else
        out.resolve = running(resolveDue, now, paused);

    if (f.resolvedAt.isValid()) {
        const QDateTime verifyDue = due(f.resolvedAt, policy.verify, calendar, {}, now);
        if (f.verifiedAt.isValid())
            out.verify = stopped(verifyDue, f.verifiedAt);
        else if (f.closedAt.isValid())
            out.verify = stopped(verifyDue, f.closedAt);
        else
            out.verify = running(verifyDue, now, false);
    }
    return out;
}

QList<FiredRung> firedRungs(const Complaint &complaint, const SlaPolicy &policy,
                            const WorkCalendar &calendar, const QList<EscalationRung> &ladder,
                            const QDateTime &now)
{
    const Facts f = factsOf(complaint);
    // The resolution clock's stop: nothing escalates after the agency's fix or a closing.
    QDateTime stop = f.resolvedAt.isValid() ? f.resolvedAt : f.closedAt;
    QList<FiredRung> fired;
    for (const EscalationRung &rung : ladder) {
        const QDateTime threshold =
            due(f.receivedAt, policy.resolve.scaled(rung.fraction), calendar, f.pauses, now);
        if (now < threshold)
            continue;
        if (stop.isValid() && stop <= threshold)
            continue;
        if (rung.onlyIfUnacknowledged && f.acknowledgedAt.isValid()
            && f.acknowledgedAt <= threshold)
            continue;
        fired.append({ rung.level, threshold });
    }
    return fired;
}

int requiredLevel(const Complaint &complaint, const SlaPolicy &policy, const WorkCalendar &calendar,
                  const QList<EscalationRung> &ladder, const QDateTime &now)
{
    int level = 0;
    for (const FiredRung &rung : firedRungs(complaint, policy, calendar, ladder, now))
        level = std::max(level, rung.level);
    return level;
}

} // namespace fouad::SlaEngine
