#include "services/workflowservice.h"

#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/trackingcode.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/slaconfigcache.h"
#include "storage/userrepository.h"

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

struct Counted
{
    int attempts = 0;
    QDateTime lastAt;
};

// The unreachable verification attempts that count since the agency's last fix.
Counted countedUnreachable(const QList<HistoryEvent> &history)
{
    Counted counted;
    for (const HistoryEvent &e : history) {
        if (e.type == u"resolve") {
            counted = {};
        } else if (e.type == u"verify" && e.data.value(u"result").toString() == u"unreachable"
                   && e.data.value(u"counted").toBool()) {
            ++counted.attempts;
            counted.lastAt = e.at;
        }
    }
    return counted;
}

} // namespace

WorkflowService::WorkflowService(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<Complaint> WorkflowService::perform(const ActionRequest &request)
{
    const auto codeText = TrackingCode::normalized(request.code);
    if (!codeText)
        return Error::invalid(
            u"CODE"_s,
            tr("Invalid tracking code \"%1\": the check digit does not match.").arg(request.code));

    Transaction tx(m_database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    ComplaintRepository complaints(m_database);
    UserRepository users(m_database);

    auto found = complaints.findByCode(*codeText, true, true);
    if (!found)
        return found.error();
    const Complaint before = found.value();
    auto actorUser = users.find(request.actor);
    if (!actorUser)
        return Error { ErrorKind::NotFound, u"--as"_s, actorUser.error().message };
    const User actor = actorUser.value();
    const Action action = request.action;

    // Who may ever do it.
    if (!Workflow::roleMayEver(actor.role, action))
        return Error::forbidden(
            tr("%1 (%2) may not do this: %3.").arg(actor.name, title(actor.role), title(action)));
    if (action == Action::Inspect && actor.role == Role::Inspector
        && before.status == Status::FieldInspection && before.inspector != actor.name)
        return Error::forbidden(
            tr("Only %1, the inspector sent to this office, records its findings.")
                .arg(before.inspector));
    if (action == Action::Assign && actor.role == Role::Operator && !request.to.isEmpty()
        && request.to != actor.name)
        return Error::forbidden(
            tr("An operator assigns complaints only to themself; a supervisor assigns to others."));

    // Allowed now, and with what it needs.
    if (!Workflow::allowedFrom(action, before.status, actor.role))
        return Error::invalid(u"status"_s,
                              tr("\"%1\" is not possible while the complaint is %2.")
                                  .arg(title(action), title(before.status)));

    const QDateTime now = m_clock.nowUtc();
    Complaint after = before;
    after.version = before.version + 1;
    after.updatedAt = now;
    QList<HistoryEvent> events;
    HistoryEvent event;
    event.at = now;
    event.actor = actor.name;
    event.type = code(action);
    event.fromStatus = code(before.status);
    const QString note = PersianText::normalize(request.note);
    const QString reason = PersianText::normalize(request.reason);
    if (!note.isEmpty())
        event.data[u"note"] = note;
    auto required = [](const QString &value, const QString &field,
                       const QString &what) -> std::optional<Error> {
        if (value.trimmed().isEmpty())
            return Error::invalid(field, what);
        return std::nullopt;
    };
    auto escalation = [&](const QString &why) {
        HistoryEvent e;
        e.at = now;
        e.actor = actor.name;
        e.type = u"escalated"_s;
        e.fromStatus = code(after.status);
        e.toStatus = code(after.status);
        after.escalationLevel += 1;
        e.data[u"reason"] = why;
        e.data[u"level"] = after.escalationLevel;
        return e;
    };

    switch (action) {
    case Action::Refer:
    case Action::Acknowledge:
    case Action::Resume:
        after.status = *Workflow::targetStatus(action, before.status, actor.role);
        break;
    case Action::Assign: {
        if (auto e = required(request.to, u"--to"_s, tr("Name the user to assign it to.")))
            return *e;
        auto assignee = users.find(request.to);
        if (!assignee)
            return Error::invalid(u"--to"_s, assignee.error().message);
        if (assignee->role != Role::Operator && assignee->role != Role::Supervisor)
            return Error::invalid(
                u"--to"_s,
                tr("Complaints are assigned to operators and supervisors, not to %1.")
                    .arg(title(assignee->role)));
        after.assignee = assignee->name;
        event.data[u"assignee"] = assignee->name;
        break;
    }
    case Action::Inspect:
        if (actor.role == Role::Supervisor) {
            if (auto e = required(request.inspector, u"--inspector"_s,
                                  tr("Name the inspector to send.")))
                return *e;
            auto inspector = users.find(request.inspector);
            if (!inspector)
                return Error::invalid(u"--inspector"_s, inspector.error().message);
            if (inspector->role != Role::Inspector)
                return Error::invalid(u"--inspector"_s,
                                      tr("%1 is not an inspector.").arg(inspector->name));
            after.status = Status::FieldInspection;
            after.inspector = inspector->name;
            event.data[u"inspector"] = inspector->name;
        } else if (auto e = required(note, u"--note"_s, tr("Write the inspection's findings."))) {
            return *e;
        }
        break;
    case Action::Wait:
        if (auto e = required(reason, u"--reason"_s, tr("Say what the citizen is to provide.")))
            return *e;
        after.status = Status::WaitingForCitizen;
        event.data[u"reason"] = reason;
        break;
    case Action::Resolve: {
        const QString taken = PersianText::normalize(request.actionTaken);
        if (auto e =
                required(taken, u"--action-taken"_s, tr("Record what the agency did to fix it.")))
            return *e;
        after.status = Status::ResolvedByAgency;
        event.data[u"action_taken"] = taken;
        break;
    }
    case Action::Verify: {
        const auto result = verifyResultFromCode(request.result.trimmed());
        if (!result)
            return Error::invalid(u"--result"_s,
                                  tr("Give the call's result: %1.").arg(verifyResultCodes()));
        std::optional<int> satisfaction;
        if (!request.satisfaction.trimmed().isEmpty()) {
            bool ok = false;
            const int score = PersianText::toLatinDigits(request.satisfaction.trimmed()).toInt(&ok);
            if (!ok || score < 1 || score > 5)
                return Error::invalid(u"--satisfaction"_s,
                                      tr("Satisfaction is a whole number from 1 to 5."));
            satisfaction = score;
        }
        if (*result == VerifyResult::Confirmed && !satisfaction)
            return Error::invalid(u"--satisfaction"_s,
                                  tr("Record the citizen's satisfaction (1 to 5)."));
        if (*result == VerifyResult::Unreachable && satisfaction)
            return Error::invalid(u"--satisfaction"_s,
                                  tr("An unreachable citizen gave no satisfaction score."));
        event.data[u"result"] = code(*result);
        if (satisfaction) {
            event.data[u"satisfaction"] = *satisfaction;
            after.satisfaction = satisfaction;
        }
        if (*result == VerifyResult::Confirmed) {
            after.status = Status::Verified;
        } else if (*result == VerifyResult::NotFixed) {
            after.status = Status::InProgress;
            event.toStatus = code(after.status);
            events.append(event);
            event = escalation(u"not_fixed"_s);
        } else {
            const Counted counted = countedUnreachable(before.history);
            const bool counts =
                counted.attempts == 0 || counted.lastAt.secsTo(now) >= UnreachableSpacingSecs;
            event.data[u"counted"] = counts;
            event.data[u"attempt"] = counted.attempts + (counts ? 1 : 0);
            if (counts && counted.attempts + 1 >= UnreachableAttemptsToClose) {
                after.status = Status::Closed;
                after.closedUnverified = true;
                after.outcome.clear();
            }
        }
        break;
    }
    case Action::Close: {
        const auto outcome = outcomeFromCode(request.outcome.trimmed());
        if (!outcome)
            return Error::invalid(u"--outcome"_s, tr("Give the outcome: %1.").arg(outcomeCodes()));
        after.status = Status::Closed;
        after.outcome = code(*outcome);
        event.data[u"outcome"] = after.outcome;
        break;
    }
    case Action::Reopen:
        if (auto e = required(reason, u"--reason"_s, tr("Say why the complaint is reopened.")))
            return *e;
        after.status = Status::InProgress;
        after.outcome.clear();
        after.closedUnverified = false;
        after.mergedInto.clear();
        event.data[u"reason"] = reason;
        break;
    case Action::Reject:
        if (auto e = required(reason, u"--reason"_s,
                              tr("Say why it is outside the centre's jurisdiction.")))
            return *e;
        after.status = Status::Closed;
        after.outcome = code(Outcome::OutsideJurisdiction);
        event.data[u"reason"] = reason;
        event.data[u"outcome"] = after.outcome;
        break;
    case Action::Merge: {
        if (auto e = required(request.into, u"--into"_s,
                              tr("Give the tracking code this complaint duplicates.")))
            return *e;
        const auto into = TrackingCode::normalized(request.into);
        if (!into)
            return Error::invalid(u"--into"_s,
                                  tr("Invalid tracking code \"%1\".").arg(request.into));
        if (*into == before.trackingCode)
            return Error::invalid(u"--into"_s, tr("A complaint cannot be merged into itself."));
        auto target = complaints.findByCode(*into, false);
        if (!target)
            return Error { ErrorKind::NotFound, u"--into"_s, target.error().message };
        if (target->status == Status::Closed)
            return Error::invalid(u"--into"_s,
                                  tr("Complaint %1 is closed; merge into an open one.").arg(*into));
        after.status = Status::Closed;
        after.mergedInto = *into;
        event.data[u"into"] = *into;
        break;
    }
    case Action::Escalate: {
        const QString why = reason.isEmpty() ? note : reason;
        if (auto e = required(why, u"--reason"_s, tr("Say why it is escalated.")))
            return *e;
        HistoryEvent escalated = escalation(u"manual"_s);
        escalated.data[u"note"] = why;
        event = escalated;
        break;
    }
    }
    event.toStatus = code(after.status);
    events.append(event);

    // Last: is the caller's picture of the complaint still the current one?
    if (request.expectVersion && *request.expectVersion != before.version) {
        const HistoryEvent last =
            before.history.isEmpty() ? HistoryEvent() : before.history.constLast();
        return Error::conflict(tr("Complaint %1 is at version %2, not %3: %4 made \"%5\" at %6.")
                                   .arg(before.trackingCode)
                                   .arg(before.version)
                                   .arg(*request.expectVersion)
                                   .arg(last.actor, last.type, Jalali::formatDateTime(last.at)));
    }

    // Pauses, not_fixed and reopen move the resolution due time.
    auto config = sla();
    if (!config)
        return config.error();
    after.history = before.history + events;
    after.dueAt = config.value()->resolutionDue(after, now);

    if (auto written = complaints.update(after, before.version, events); !written)
        return written.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return after;
}

Result<const SlaConfig *> WorkflowService::sla()
{
    auto loaded = m_database.slaConfig().get();
    if (!loaded)
        return loaded.error();
    m_sla = std::move(loaded).value();
    return m_sla.get();
}

Result<bool> WorkflowService::claim(const QString &code, const QString &user)
{
    ComplaintRepository complaints(m_database);
    auto found = complaints.findByCode(code, false);
    if (!found)
        return found.error();
    const QDateTime now = m_clock.nowUtc();
    return complaints.claim(found->id, user, now, now.addSecs(LockMinutes * 60));
}

Result<void> WorkflowService::release(const QString &code, const QString &user)
{
    ComplaintRepository complaints(m_database);
    auto found = complaints.findByCode(code, false);
    if (!found)
        return found.error();
    return complaints.release(found->id, user);
}

} // namespace fouad
