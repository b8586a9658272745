#include "services/slaservice.h"

#include "notify/outbox.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/slaconfigcache.h"

using namespace Qt::StringLiterals;

namespace fouad {

SlaService::SlaService(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<const SlaConfig *> SlaService::config()
{
    auto loaded = m_database.slaConfig().get();
    if (!loaded)
        return loaded.error();
    m_config = std::move(loaded).value();
    return m_config.get();
}

Result<QList<SlaService::Escalation>> SlaService::sweep(const QDateTime &at)
{
    const QDateTime now = at.isValid() ? at.toUTC() : m_clock.nowUtc();
    auto configured = config();
    if (!configured)
        return configured.error();
    const SlaConfig &sla = *configured.value();
    const int top = sla.topLevel();
    if (top == 0)
        return QList<Escalation>();

    ComplaintRepository complaints(m_database);
    // Nothing can reach a rung before its share of the shortest target has passed
    // in wall-clock time, so younger complaints need not be read.
    auto candidates =
        complaints.escalationCandidates(top, now.addSecs(-sla.earliestEscalationSecs()));
    if (!candidates)
        return candidates.error();

    QList<Escalation> done;
    for (const Complaint &candidate : std::as_const(candidates.value())) {
        auto full = complaints.findByCode(candidate.trackingCode, true);
        if (!full)
            return full.error();
        const int required = sla.requiredLevel(full.value(), now);
        if (required <= full->escalationLevel)
            continue;
        Transaction tx(m_database);
        if (auto begun = tx.begin(); !begun)
            return begun.error();
        auto raised = complaints.raiseEscalation(full.value(), full->escalationLevel, required, now,
                                                 u"sla"_s);
        if (!raised)
            return raised.error();
        if (raised.value()) {
            // The ladder's escalations notify as a person's do, in this transaction.
            Complaint after = full.value();
            after.escalationLevel = required;
            QList<HistoryEvent> events;
            for (int level = full->escalationLevel + 1; level <= required; ++level) {
                HistoryEvent e;
                e.type = u"escalated"_s;
                e.data[u"level"] = level;
                events << e;
            }
            if (auto told = Outbox(m_database, m_clock).write(after, events); !told)
                return told.error();
        }
        if (auto committed = tx.commit(); !committed)
            return committed.error();
        if (raised.value()) {
            for (int level = full->escalationLevel + 1; level <= required; ++level)
                done.append({ full->trackingCode, level });
        }
    }
    return done;
}

Result<QStringList> SlaService::remind(const QDateTime &at)
{
    const QDateTime now = at.isValid() ? at.toUTC() : m_clock.nowUtc();
    auto configured = config();
    if (!configured)
        return configured.error();
    const SlaConfig &sla = *configured.value();
    ComplaintRepository complaints(m_database);
    auto breached = complaints.breachedWithLastReminder(now);
    if (!breached)
        return breached.error();
    QStringList reminded;
    const qint64 n = now.toSecsSinceEpoch();
    for (const auto &[complaint, lastReminder] : std::as_const(breached.value())) {
        const WorkCalendar &calendar = sla.calendarFor(complaint);
        if (calendar.workingSecsBetween(n, n + 1) == 0)
            continue; // out of office hours, or a holiday
        const QDateTime since = lastReminder.isValid() ? lastReminder : complaint.dueAt;
        if (lastReminder.isValid() && calendar.workingSeconds(since, now) < ReminderWorkingSecs)
            continue;
        QString to;
        for (const EscalationRung &rung : sla.ladder()) {
            if (rung.level <= std::max(1, complaint.escalationLevel))
                to = rung.notify;
        }
        if (auto added = complaints.addReminder(complaint, now, to); !added)
            return added.error();
        reminded << complaint.trackingCode;
    }
    return reminded;
}

} // namespace fouad
