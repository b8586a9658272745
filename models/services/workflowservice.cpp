#include "services/workflowservice.h"

#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/trackingcode.h"
#include "notify/outbox.h"
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

QString translated(const char *text)
{
    return QCoreApplication::translate("WorkflowService", text);
}

// One action under way: what was asked, the table's row, and the complaint and
// events as the action leaves them.
struct Step
{
    const ActionRequest &request;
    const Workflow::Transition &row;
    const User &actor;
    const Complaint &before;
    Complaint &after;
    HistoryEvent &event;
    QList<HistoryEvent> &events;
    ComplaintRepository &complaints;
    UserRepository &users;
    QDateTime now;
    QString note;
    QString reason;
};

// The text a field holds, as it is checked and stored (notes and reasons normalised).
QString valueOf(const Step &step, Workflow::Field field)
{
    using F = Workflow::Field;
    const ActionRequest &r = step.request;
    switch (field) {
    case F::Note:
        return step.note;
    case F::Reason:
        return step.reason;
    case F::ReasonOrNote:
        return step.reason.isEmpty() ? step.note : step.reason;
    case F::To:
        return r.to;
    case F::Inspector:
        return r.inspector;
    case F::ActionTaken:
        return PersianText::normalize(r.actionTaken);
    case F::Result:
        return r.result.trimmed();
    case F::Outcome:
        return r.outcome.trimmed();
    case F::Into:
        return r.into;
    }
    return {};
}

// The history keys under which the table's text fields are recorded as given.
const char16_t *eventKey(Workflow::Field field)
{
    switch (field) {
    case Workflow::Field::Reason:
        return u"reason";
    case Workflow::Field::ActionTaken:
        return u"action_taken";
    default:
        return nullptr; // recorded by the action's effect, or (the note) always
    }
}

// The row's message for a field it needs: also for a value given but not valid.
Error invalid(const Step &step, Workflow::Field field)
{
    QString message;
    for (const Workflow::Requirement &r : step.row.required) {
        if (r.field == field)
            message = translated(r.message);
    }
    if (field == Workflow::Field::Result)
        message = message.arg(verifyResultCodes());
    else if (field == Workflow::Field::Outcome)
        message = message.arg(outcomeCodes());
    return Error::invalid(Workflow::flag(field), message);
}

HistoryEvent escalation(Step &step, const QString &why)
{
    HistoryEvent e;
    e.at = step.now;
    e.actor = step.actor.name;
    e.type = u"escalated"_s;
    e.fromStatus = code(step.after.status);
    e.toStatus = code(step.after.status);
    step.after.escalationLevel += 1;
    e.data[u"reason"] = why;
    e.data[u"level"] = step.after.escalationLevel;
    return e;
}

// Each action's effect beyond the table: checking what it was given and writing
// it to the complaint and its events. Refer, acknowledge, wait, resume and
// resolve have none: the table's status and recorded fields are all they do.
Result<void> assign(Step &s)
{
    auto assignee = s.users.find(s.request.to);
    if (!assignee)
        return Error::invalid(u"--to"_s, assignee.error().message);
    if (!Workflow::takesAssignments(assignee->role))
        return Error::invalid(
            u"--to"_s,
            translated(QT_TRANSLATE_NOOP(
                           "WorkflowService",
                           "Complaints are assigned to operators and supervisors, not to %1."))
                .arg(title(assignee->role)));
    s.after.assignee = assignee->name;
    s.event.data[u"assignee"] = assignee->name;
    return {};
}

Result<void> inspect(Step &s)
{
    if (!s.row.needs(Workflow::Field::Inspector))
        return {}; // the inspector's findings: the note
    auto inspector = s.users.find(s.request.inspector);
    if (!inspector)
        return Error::invalid(u"--inspector"_s, inspector.error().message);
    if (!Workflow::inspects(inspector->role))
        return Error::invalid(
            u"--inspector"_s,
            translated(QT_TRANSLATE_NOOP("WorkflowService", "%1 is not an inspector."))
                .arg(inspector->name));
    s.after.inspector = inspector->name;
    s.event.data[u"inspector"] = inspector->name;
    return {};
}

Result<void> verify(Step &s)
{
    const auto result = verifyResultFromCode(valueOf(s, Workflow::Field::Result));
    if (!result)
        return invalid(s, Workflow::Field::Result);
    std::optional<int> satisfaction;
    if (!s.request.satisfaction.trimmed().isEmpty()) {
        bool ok = false;
        const int score = PersianText::toLatinDigits(s.request.satisfaction.trimmed()).toInt(&ok);
        if (!ok || score < 1 || score > 5)
            return Error::invalid(
                u"--satisfaction"_s,
                translated(QT_TRANSLATE_NOOP("WorkflowService",
                                             "Satisfaction is a whole number from 1 to 5.")));
        satisfaction = score;
    }
    if (*result == VerifyResult::Confirmed && !satisfaction)
        return Error::invalid(
            u"--satisfaction"_s,
            translated(QT_TRANSLATE_NOOP("WorkflowService",
                                         "Record the citizen's satisfaction (1 to 5).")));
    if (*result == VerifyResult::Unreachable && satisfaction)
        return Error::invalid(
            u"--satisfaction"_s,
            translated(QT_TRANSLATE_NOOP("WorkflowService",
                                         "An unreachable citizen gave no satisfaction score.")));
    s.event.data[u"result"] = code(*result);
    if (satisfaction) {
        s.event.data[u"satisfaction"] = *satisfaction;
        s.after.satisfaction = satisfaction;
    }
    if (*result == VerifyResult::Confirmed) {
        s.after.status = Status::Verified;
    } else if (*result == VerifyResult::NotFixed) {
        s.after.status = Status::InProgress;
        s.event.toStatus = code(s.after.status);
        s.events.append(s.event);
        s.event = escalation(s, u"not_fixed"_s);
    } else {
        const Counted counted = countedUnreachable(s.before.history);
        const bool counts = counted.attempts == 0
            || counted.lastAt.secsTo(s.now) >= WorkflowService::UnreachableSpacingSecs;
        s.event.data[u"counted"] = counts;
        s.event.data[u"attempt"] = counted.attempts + (counts ? 1 : 0);
        if (counts && counted.attempts + 1 >= WorkflowService::UnreachableAttemptsToClose) {
            s.after.status = Status::Closed;
            s.after.closedUnverified = true;
            s.after.outcome.clear();
        }
    }
    return {};
}

Result<void> close(Step &s)
{
    const auto outcome = outcomeFromCode(valueOf(s, Workflow::Field::Outcome));
    if (!outcome)
        return invalid(s, Workflow::Field::Outcome);
    s.after.outcome = code(*outcome);
    s.event.data[u"outcome"] = s.after.outcome;
    return {};
}

Result<void> reopen(Step &s)
{
    s.after.outcome.clear();
    s.after.closedUnverified = false;
    s.after.mergedInto.clear();
    return {};
}

Result<void> reject(Step &s)
{
    s.after.outcome = code(Outcome::OutsideJurisdiction);
    s.event.data[u"outcome"] = s.after.outcome;
    return {};
}

Result<void> merge(Step &s)
{
    const auto into = TrackingCode::normalized(s.request.into);
    if (!into)
        return Error::invalid(
            u"--into"_s,
            translated(QT_TRANSLATE_NOOP("WorkflowService", "Invalid tracking code \"%1\"."))
                .arg(s.request.into));
    if (*into == s.before.trackingCode)
        return Error::invalid(u"--into"_s,
                              translated(QT_TRANSLATE_NOOP(
                                  "WorkflowService", "A complaint cannot be merged into itself.")));
    auto target = s.complaints.findByCode(*into, false);
    if (!target)
        return Error { ErrorKind::NotFound, u"--into"_s, target.error().message };
    if (target->status == Status::Closed)
        return Error::invalid(
            u"--into"_s,
            translated(QT_TRANSLATE_NOOP("WorkflowService",
                                         "Complaint %1 is closed; merge into an open one."))
                .arg(*into));
    s.after.mergedInto = *into;
    s.event.data[u"into"] = *into;
    return {};
}

Result<void> escalate(Step &s)
{
    const QString why = valueOf(s, Workflow::Field::ReasonOrNote);
    HistoryEvent escalated = escalation(s, u"manual"_s);
    escalated.data[u"note"] = why;
    s.event = escalated;
    return {};
}

Result<void> effect(Action action, Step &step)
{
    switch (action) {
    case Action::Refer:
    case Action::Acknowledge:
    case Action::Wait:
    case Action::Resume:
    case Action::Resolve:
        return {};
    case Action::Assign:
        return assign(step);
    case Action::Inspect:
        return inspect(step);
    case Action::Verify:
        return verify(step);
    case Action::Close:
        return close(step);
    case Action::Reopen:
        return reopen(step);
    case Action::Reject:
        return reject(step);
    case Action::Merge:
        return merge(step);
    case Action::Escalate:
        return escalate(step);
    }
    return {};
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

    // The role, then the status: the table's verdict, as the console asked it.
    auto allowed = Workflow::check(actor, before, request.action, request.to);
    if (!allowed)
        return allowed.error();
    const Workflow::Transition &row = *allowed.value();

    const QDateTime now = m_clock.nowUtc();
    Complaint after = before;
    after.version = before.version + 1;
    after.updatedAt = now;
    after.status = row.to.value_or(before.status);
    QList<HistoryEvent> events;
    HistoryEvent event;
    event.at = now;
    event.actor = actor.name;
    event.type = row.eventType;
    event.fromStatus = code(before.status);
    Step step { request,
                row,
                actor,
                before,
                after,
                event,
                events,
                complaints,
                users,
                now,
                PersianText::normalize(request.note),
                PersianText::normalize(request.reason) };
    if (!step.note.isEmpty())
        event.data[u"note"] = step.note;

    // What the action needs, then what it does.
    for (const Workflow::Requirement &required : row.required) {
        const QString value = valueOf(step, required.field);
        if (value.trimmed().isEmpty())
            return invalid(step, required.field);
        if (const char16_t *key = eventKey(required.field))
            event.data[QStringView(key)] = value;
    }
    if (auto done = effect(request.action, step); !done)
        return done.error();
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
    config.value()->settleResolution(after);

    if (auto written = complaints.update(after, before.version, events); !written)
        return written.error();
    // Who hears of it (a referral, an escalation, a closing): in this transaction.
    if (auto told = Outbox(m_database, m_clock).write(after, events); !told)
        return told.error();
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
    auto who = UserRepository(m_database).find(user);
    if (!who)
        return Error { ErrorKind::NotFound, u"--as"_s, who.error().message };
    if (!Workflow::mayTakeSoftLock(*who))
        return Error::forbidden(tr("%1 (%2) only looks at complaints and takes no lock on them.")
                                    .arg(who->name, title(who->role)));
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
