#include "domain/workflow.h"

#include "domain/codetable.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

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

namespace {

using S = Status;
using R = Role;
using F = Field;

const QList<Status> OpenStatuses = { S::Registered,      S::Referred,          S::InProgress,
                                     S::FieldInspection, S::WaitingForCitizen, S::ResolvedByAgency,
                                     S::Verified };
const QList<Role> Staff = { R::Operator, R::Supervisor };

// The messages are the service's (it reports them), hence its translation context.
QList<Transition> buildTable()
{
    const QString same; // the event type is the action's code
    QList<Transition> t = {
        { Action::Refer, Staff, { S::Registered }, S::Referred, false, {}, same },
        { Action::Acknowledge, Staff, { S::Referred }, S::InProgress, false, {}, same },
        { Action::Assign,
          Staff,
          OpenStatuses,
          std::nullopt,
          false,
          { { F::To, QT_TRANSLATE_NOOP("WorkflowService", "Name the user to assign it to.") } },
          same },
        // A supervisor sends an inspector; the inspector then records findings.
        { Action::Inspect,
          { R::Supervisor },
          { S::InProgress },
          S::FieldInspection,
          false,
          { { F::Inspector, QT_TRANSLATE_NOOP("WorkflowService", "Name the inspector to send.") } },
          same },
        { Action::Inspect,
          { R::Inspector },
          { S::FieldInspection },
          S::FieldInspection,
          false,
          { { F::Note, QT_TRANSLATE_NOOP("WorkflowService", "Write the inspection's findings.") } },
          same },
        { Action::Wait,
          Staff,
          { S::InProgress },
          S::WaitingForCitizen,
          false,
          { { F::Reason,
              QT_TRANSLATE_NOOP("WorkflowService", "Say what the citizen is to provide.") } },
          same },
        { Action::Resume, Staff, { S::WaitingForCitizen }, S::InProgress, false, {}, same },
        { Action::Resolve,
          Staff,
          { S::InProgress, S::FieldInspection },
          S::ResolvedByAgency,
          false,
          { { F::ActionTaken,
              QT_TRANSLATE_NOOP("WorkflowService", "Record what the agency did to fix it.") } },
          same },
        { Action::Verify,
          Staff,
          { S::ResolvedByAgency },
          std::nullopt,
          true,
          { { F::Result, QT_TRANSLATE_NOOP("WorkflowService", "Give the call's result: %1.") } },
          same },
        { Action::Close,
          { R::Operator },
          { S::Verified },
          S::Closed,
          false,
          { { F::Outcome, QT_TRANSLATE_NOOP("WorkflowService", "Give the outcome: %1.") } },
          same },
        { Action::Close,
          { R::Supervisor },
          OpenStatuses,
          S::Closed,
          false,
          { { F::Outcome, QT_TRANSLATE_NOOP("WorkflowService", "Give the outcome: %1.") } },
          same },
        { Action::Reopen,
          { R::Supervisor },
          { S::Closed },
          S::InProgress,
          false,
          { { F::Reason,
              QT_TRANSLATE_NOOP("WorkflowService", "Say why the complaint is reopened.") } },
          same },
        { Action::Reject,
          { R::Supervisor },
          { S::Registered, S::Referred },
          S::Closed,
          false,
          { { F::Reason,
              QT_TRANSLATE_NOOP("WorkflowService",
                                "Say why it is outside the centre's jurisdiction.") } },
          same },
        { Action::Merge,
          { R::Supervisor },
          OpenStatuses,
          S::Closed,
          false,
          { { F::Into,
              QT_TRANSLATE_NOOP("WorkflowService",
                                "Give the tracking code this complaint duplicates.") } },
          same },
        { Action::Escalate,
          Staff,
          OpenStatuses,
          std::nullopt,
          false,
          { { F::ReasonOrNote, QT_TRANSLATE_NOOP("WorkflowService", "Say why it is escalated.") } },
          u"escalated"_s },
    };
    for (Transition &row : t) {
        if (row.eventType.isEmpty())
            row.eventType = code(row.action);
    }
    return t;
}

} // namespace

QString flag(Field field)
{
    switch (field) {
    case Field::Note:
        return u"--note"_s;
    case Field::Reason:
    case Field::ReasonOrNote:
        return u"--reason"_s;
    case Field::To:
        return u"--to"_s;
    case Field::Inspector:
        return u"--inspector"_s;
    case Field::ActionTaken:
        return u"--action-taken"_s;
    case Field::Result:
        return u"--result"_s;
    case Field::Outcome:
        return u"--outcome"_s;
    case Field::Into:
        return u"--into"_s;
    }
    return {};
}

bool Transition::needs(Field field) const
{
    return std::any_of(required.cbegin(), required.cend(),
                       [field](const Requirement &r) { return r.field == field; });
}

const QList<Transition> &table()
{
    static const QList<Transition> rows = buildTable();
    return rows;
}

const Transition *transition(Action action, Status from, Role role)
{
    for (const Transition &row : table()) {
        if (row.action == action && row.roles.contains(role) && row.from.contains(from))
            return &row;
    }
    return nullptr;
}

bool isOpen(Status status)
{
    return status != Status::Closed;
}

bool roleMayEver(Role role, Action action)
{
    return std::any_of(table().cbegin(), table().cend(), [&](const Transition &row) {
        return row.action == action && row.roles.contains(role);
    });
}

bool allowedFrom(Action action, Status from, Role role)
{
    return transition(action, from, role) != nullptr;
}

std::optional<Status> targetStatus(Action action, Status from, Role role)
{
    const Transition *row = transition(action, from, role);
    if (!row || row->decidedByResult)
        return std::nullopt;
    return row->to.value_or(from);
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

Result<const Transition *> check(const User &user, const Complaint &complaint, Action action,
                                 const QString &assignTo)
{
    // Who may ever do it.
    if (!roleMayEver(user.role, action))
        return Error::forbidden(
            QCoreApplication::translate("WorkflowService", "%1 (%2) may not do this: %3.")
                .arg(user.name, title(user.role), title(action)));
    if (action == Action::Inspect && inspects(user.role)
        && complaint.status == Status::FieldInspection && complaint.inspector != user.name)
        return Error::forbidden(
            QCoreApplication::translate("WorkflowService",
                                        "Only %1, the inspector sent to this office, records its "
                                        "findings.")
                .arg(complaint.inspector));
    if (action == Action::Assign && !mayAssignOthers(user) && !assignTo.isEmpty()
        && assignTo != user.name)
        return Error::forbidden(QCoreApplication::translate(
            "WorkflowService",
            "An operator assigns complaints only to themself; a supervisor assigns to others."));

    // Allowed now.
    const Transition *row = transition(action, complaint.status, user.role);
    if (!row)
        return Error::invalid(
            u"status"_s,
            QCoreApplication::translate("WorkflowService",
                                        "\"%1\" is not possible while the complaint is %2.")
                .arg(title(action), title(complaint.status)));
    return row;
}

QList<Action> allowedActions(const User &user, const Complaint &complaint)
{
    QList<Action> out;
    for (Action action : allActions()) {
        if (check(user, complaint, action).ok())
            out.append(action);
    }
    return out;
}

bool mayRegister(const User &user)
{
    return Staff.contains(user.role) || user.role == Role::Integration;
}

bool mayTakeSoftLock(const User &user)
{
    return Staff.contains(user.role);
}

bool mayAssignOthers(const User &user)
{
    return user.role == Role::Supervisor;
}

bool mayRetryNotifications(const User &user)
{
    return user.role == Role::Supervisor || user.role == Role::Admin;
}

bool mayReviewFigures(const User &user)
{
    return user.name.isEmpty() || user.role == Role::Supervisor || mayAdminister(user);
}

bool mayIncludePersonalData(const User &user)
{
    return user.role == Role::Supervisor || user.role == Role::Admin;
}

bool mayCallCitizen(const User &user, const Complaint &complaint)
{
    return roleMayEver(user.role, Action::Verify) && isOpen(complaint.status);
}

bool takesAssignments(Role role)
{
    return Staff.contains(role);
}

bool inspects(Role role)
{
    return role == Role::Inspector;
}

} // namespace Workflow

} // namespace fouad
