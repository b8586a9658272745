#include "domain/workflow.h"

#include "domain/codetable.h"

namespace fouad {

namespace {

constexpr CodeTable::Entry<Action> ActionTable[] = {
    { Action::Refer, u"refer", QT_TRANSLATE_NOOP("fouad::Codes", "Refer to the agency") },
    { Action::Acknowledge, u"acknowledge",
      QT_TRANSLATE_NOOP("fouad::Codes", "Agency acknowledged") },
    { Action::Assign, u"assign", QT_TRANSLATE_NOOP("fouad::Codes", "Assign") },
    { Action::Inspect, u"inspect", QT_TRANSLATE_NOOP("fouad::Codes", "Field inspection") },
    { Action::Wait, u"wait", QT_TRANSLATE_NOOP("fouad::Codes", "Wait for the citizen") },
    { Action::Resume, u"resume", QT_TRANSLATE_NOOP("fouad::Codes", "Resume") },
    { Action::Resolve, u"resolve", QT_TRANSLATE_NOOP("fouad::Codes", "Agency resolved it") },
    { Action::Verify, u"verify", QT_TRANSLATE_NOOP("fouad::Codes", "Verification call") },
    { Action::Close, u"close", QT_TRANSLATE_NOOP("fouad::Codes", "Close") },
    { Action::Reopen, u"reopen", QT_TRANSLATE_NOOP("fouad::Codes", "Reopen") },
    { Action::Reject, u"reject",
      QT_TRANSLATE_NOOP("fouad::Codes", "Reject (outside jurisdiction)") },
    { Action::Merge, u"merge", QT_TRANSLATE_NOOP("fouad::Codes", "Merge into another complaint") },
    { Action::Escalate, u"escalate", QT_TRANSLATE_NOOP("fouad::Codes", "Escalate") },
};

constexpr CodeTable::Entry<Outcome> OutcomeTable[] = {
    { Outcome::Founded, u"founded", QT_TRANSLATE_NOOP("fouad::Codes", "Founded") },
    { Outcome::PartlyFounded, u"partly_founded",
      QT_TRANSLATE_NOOP("fouad::Codes", "Partly founded") },
    { Outcome::Unfounded, u"unfounded", QT_TRANSLATE_NOOP("fouad::Codes", "Unfounded") },
    { Outcome::OutsideJurisdiction, u"outside_jurisdiction",
      QT_TRANSLATE_NOOP("fouad::Codes", "Outside jurisdiction") },
};

constexpr CodeTable::Entry<VerifyResult> VerifyTable[] = {
    { VerifyResult::Confirmed, u"confirmed" },
    { VerifyResult::NotFixed, u"not_fixed" },
    { VerifyResult::Unreachable, u"unreachable" },
};

bool isStaff(Role role)
{
    return role == Role::Operator || role == Role::Supervisor;
}

} // namespace

QString code(Action action)
{
    return CodeTable::code(ActionTable, action);
}
std::optional<Action> actionFromCode(QStringView c)
{
    return CodeTable::fromCode(ActionTable, c);
}
QString title(Action action)
{
    return CodeTable::title(ActionTable, action);
}
QList<Action> allActions()
{
    return CodeTable::values(ActionTable);
}
QString actionCodes()
{
    return CodeTable::codes(ActionTable);
}

QString code(VerifyResult result)
{
    return CodeTable::code(VerifyTable, result);
}
std::optional<VerifyResult> verifyResultFromCode(QStringView c)
{
    return CodeTable::fromCode(VerifyTable, c);
}
QString verifyResultCodes()
{
    return CodeTable::codes(VerifyTable);
}

QString code(Outcome outcome)
{
    return CodeTable::code(OutcomeTable, outcome);
}
std::optional<Outcome> outcomeFromCode(QStringView c)
{
    return CodeTable::fromCode(OutcomeTable, c);
}
QString title(Outcome outcome)
{
    return CodeTable::title(OutcomeTable, outcome);
}
QString outcomeCodes()
{
    return CodeTable::codes(OutcomeTable);
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
    case Action::Refer:
        return from == Status::Registered;
    case Action::Acknowledge:
        return from == Status::Referred;
    case Action::Inspect:
        // A supervisor sends an inspector; the inspector then records findings.
        return role == Role::Supervisor ? from == Status::InProgress
                                        : from == Status::FieldInspection;
    case Action::Wait:
        return from == Status::InProgress;
    case Action::Resume:
        return from == Status::WaitingForCitizen;
    case Action::Resolve:
        return from == Status::InProgress || from == Status::FieldInspection;
    case Action::Verify:
        return from == Status::ResolvedByAgency;
    case Action::Close:
        return role == Role::Supervisor ? isOpen(from) : from == Status::Verified;
    case Action::Reopen:
        return from == Status::Closed;
    case Action::Reject:
        return from == Status::Registered || from == Status::Referred;
    case Action::Merge:
    case Action::Escalate:
    case Action::Assign:
        return isOpen(from);
    }
    return false;
}

std::optional<Status> targetStatus(Action action, Status from, Role role)
{
    if (!allowedFrom(action, from, role))
        return std::nullopt;
    switch (action) {
    case Action::Refer:
        return Status::Referred;
    case Action::Acknowledge:
        return Status::InProgress;
    case Action::Inspect:
        return Status::FieldInspection;
    case Action::Wait:
        return Status::WaitingForCitizen;
    case Action::Resume:
        return Status::InProgress;
    case Action::Resolve:
        return Status::ResolvedByAgency;
    case Action::Verify:
        return std::nullopt; // depends on the result
    case Action::Close:
    case Action::Reject:
    case Action::Merge:
        return Status::Closed;
    case Action::Reopen:
        return Status::InProgress;
    case Action::Escalate:
    case Action::Assign:
        return from;
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
