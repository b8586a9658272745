#include "domain/workflow.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

struct ActionEntry
{
    Action action;
    const char16_t *code;
    const char *title;
};

constexpr ActionEntry ActionTable[] = {
    { Action::Refer, u"refer", QT_TRANSLATE_NOOP("fouad::Codes", "Refer to the agency") },
    { Action::Acknowledge, u"acknowledge", QT_TRANSLATE_NOOP("fouad::Codes", "Agency acknowledged") },
    { Action::Assign, u"assign", QT_TRANSLATE_NOOP("fouad::Codes", "Assign") },
    { Action::Inspect, u"inspect", QT_TRANSLATE_NOOP("fouad::Codes", "Field inspection") },
    { Action::Wait, u"wait", QT_TRANSLATE_NOOP("fouad::Codes", "Wait for the citizen") },
    { Action::Resume, u"resume", QT_TRANSLATE_NOOP("fouad::Codes", "Resume") },
    { Action::Resolve, u"resolve", QT_TRANSLATE_NOOP("fouad::Codes", "Agency resolved it") },
    { Action::Verify, u"verify", QT_TRANSLATE_NOOP("fouad::Codes", "Verification call") },
    { Action::Close, u"close", QT_TRANSLATE_NOOP("fouad::Codes", "Close") },
    { Action::Reopen, u"reopen", QT_TRANSLATE_NOOP("fouad::Codes", "Reopen") },
    { Action::Reject, u"reject", QT_TRANSLATE_NOOP("fouad::Codes", "Reject (outside jurisdiction)") },
    { Action::Merge, u"merge", QT_TRANSLATE_NOOP("fouad::Codes", "Merge into another complaint") },
    { Action::Escalate, u"escalate", QT_TRANSLATE_NOOP("fouad::Codes", "Escalate") },
};

struct OutcomeEntry
{
    Outcome outcome;
    const char16_t *code;
    const char *title;
};

constexpr OutcomeEntry OutcomeTable[] = {
    { Outcome::Founded, u"founded", QT_TRANSLATE_NOOP("fouad::Codes", "Founded") },
    { Outcome::PartlyFounded, u"partly_founded", QT_TRANSLATE_NOOP("fouad::Codes", "Partly founded") },
    { Outcome::Unfounded, u"unfounded", QT_TRANSLATE_NOOP("fouad::Codes", "Unfounded") },
    { Outcome::OutsideJurisdiction, u"outside_jurisdiction", QT_TRANSLATE_NOOP("fouad::Codes", "Outside jurisdiction") },
};

constexpr std::pair<VerifyResult, const char16_t *> VerifyTable[] = {
    { VerifyResult::Confirmed, u"confirmed" },
    { VerifyResult::NotFixed, u"not_fixed" },
    { VerifyResult::Unreachable, u"unreachable" },
};

bool isStaff(Role role) { return role == Role::Operator || role == Role::Supervisor; }

} // namespace

QString code(Action action)
{
    for (const auto &e : ActionTable) {
        if (e.action == action)
            return QStringView(e.code).toString();
    }
    Q_UNREACHABLE();
}

std::optional<Action> actionFromCode(QStringView c)
{
    for (const auto &e : ActionTable) {
        if (c == QStringView(e.code))
            return e.action;
    }
    return std::nullopt;
}

QString title(Action action)
{
    for (const auto &e : ActionTable) {
        if (e.action == action)
            return QCoreApplication::translate("fouad::Codes", e.title);
    }
    Q_UNREACHABLE();
}

QList<Action> allActions()
{
    QList<Action> out;
    for (const auto &e : ActionTable)
        out.append(e.action);
    return out;
}

QString actionCodes()
{
    QStringList out;
    for (const auto &e : ActionTable)
        out.append(QStringView(e.code).toString());
    return out.join(u", ");
}

QString code(VerifyResult result)
{
    for (const auto &[r, c] : VerifyTable) {
        if (r == result)
            return QStringView(c).toString();
    }
    Q_UNREACHABLE();
}

std::optional<VerifyResult> verifyResultFromCode(QStringView c)
{
    for (const auto &[r, name] : VerifyTable) {
        if (c == QStringView(name))
            return r;
    }
    return std::nullopt;
}

QString code(Outcome outcome)
{
    for (const auto &e : OutcomeTable) {
        if (e.outcome == outcome)
            return QStringView(e.code).toString();
    }
    Q_UNREACHABLE();
}

std::optional<Outcome> outcomeFromCode(QStringView c)
{
    for (const auto &e : OutcomeTable) {
        if (c == QStringView(e.code))
            return e.outcome;
    }
    return std::nullopt;
}

QString title(Outcome outcome)
{
    for (const auto &e : OutcomeTable) {
        if (e.outcome == outcome)
            return QCoreApplication::translate("fouad::Codes", e.title);
    }
    Q_UNREACHABLE();
}

QString outcomeCodes()
{
    return u"founded, partly_founded, unfounded, outside_jurisdiction"_s;
}

namespace Workflow {

bool isOpen(Status status)
{
    return status != Status::Closed;
}

bool roleMayEver(Role role, Action action)
{
    switch (action) {
    case Action::Inspect:
        return role == Role::Supervisor || role == Role::Inspector;
    case Action::Reopen:
    case Action::Reject:
    case Action::Merge:
        return role == Role::Supervisor;
    default:
        return isStaff(role);
    }
}

bool allowedFrom(Action action, Status from, Role role)
{
    if (!roleMayEver(role, action))
        return false;
    switch (action) {
    case Action::Refer: return from == Status::Registered;
    case Action::Acknowledge: return from == Status::Referred;
    case Action::Inspect:
        // A supervisor sends an inspector; the inspector then records findings.
        return role == Role::Supervisor ? from == Status::InProgress : from == Status::FieldInspection;
    case Action::Wait: return from == Status::InProgress;
    case Action::Resume: return from == Status::WaitingForCitizen;
    case Action::Resolve: return from == Status::InProgress || from == Status::FieldInspection;
    case Action::Verify: return from == Status::ResolvedByAgency;
    case Action::Close: return role == Role::Supervisor ? isOpen(from) : from == Status::Verified;
    case Action::Reopen: return from == Status::Closed;
    case Action::Reject: return from == Status::Registered || from == Status::Referred;
    case Action::Merge:
    case Action::Escalate:
    case Action::Assign: return isOpen(from);
    }
    return false;
}

std::optional<Status> targetStatus(Action action, Status from, Role role)
{
    if (!allowedFrom(action, from, role))
        return std::nullopt;
    switch (action) {
    case Action::Refer: return Status::Referred;
    case Action::Acknowledge: return Status::InProgress;
    case Action::Inspect: return Status::FieldInspection;
    case Action::Wait: return Status::WaitingForCitizen;
    case Action::Resume: return Status::InProgress;
    case Action::Resolve: return Status::ResolvedByAgency;
    case Action::Verify: return std::nullopt; // depends on the result
    case Action::Close:
    case Action::Reject:
    case Action::Merge: return Status::Closed;
    case Action::Reopen: return Status::InProgress;
    case Action::Escalate:
    case Action::Assign: return from;
    }
    return std::nullopt;
}

QList<Action> availableActions(Role role, Status status)
{
    QList<Action> out;
    for (Action action : allActions()) {
        if (allowedFrom(action, status, role))
            out.append(action);
    }
    return out;
}

} // namespace Workflow

} // namespace fouad
