#pragma once

#include "core/result.h"
#include "domain/complaint.h"
#include "domain/complaintenums.h"
#include "domain/user.h"

#include <QList>
#include <QString>

#include <optional>

namespace fouad {

// The complaint lifecycle of DESIGN §2, as one table (Workflow::table below).
// The console and fouadctl both ask it; WorkflowService enforces it. Nothing
// else decides who may do what from which status.
enum class Action {
    Refer,
    Acknowledge,
    Assign,
    Inspect,
    Wait,
    Resume,
    Resolve,
    Verify,
    Close,
    Reopen,
    Reject,
    Merge,
    Escalate,
};

enum class VerifyResult { Confirmed, NotFixed, Unreachable };
enum class Outcome { Founded, PartlyFounded, Unfounded, OutsideJurisdiction };

QString code(Action action);
std::optional<Action> actionFromCode(QStringView code);
QString title(Action action);
QList<Action> allActions();
QString actionCodes();

QString code(VerifyResult result);
std::optional<VerifyResult> verifyResultFromCode(QStringView code);
QString verifyResultCodes();
QString code(Outcome outcome);
std::optional<Outcome> outcomeFromCode(QStringView code);
QString title(Outcome outcome);
QString outcomeCodes();

namespace Workflow {

// What an action may need from the person taking it.
enum class Field {
    Note,
    Reason,
    ReasonOrNote, // escalate: the reason, or else the note
    To, // assign: the user it goes to
    Inspector, // inspect, by a supervisor: the inspector sent
    ActionTaken, // resolve: what the agency did
    Result, // verify: the call's result
    Outcome, // close
    Into, // merge: the complaint this one duplicates
};

// The option that carries a field on fouadctl's command line, also the field an
// error names: "--to", "--action-taken".
QString flag(Field field);

// A field that must not be empty, and what to tell someone who left it empty
// (source text in the "WorkflowService" context; a %1 is filled with the codes
// the field accepts).
struct Requirement
{
    Field field;
    const char *message;
};

// One row of the lifecycle table of DESIGN §2. An action has a row for each
// group of roles that takes it differently (inspect: a supervisor sends, the
// inspector records findings; close: an operator only once verified).
struct Transition
{
    Action action;
    QList<Role> roles;
    QList<Status> from;
    // The status after the action; none: it stays (assign, escalate) or, with
    // decidedByResult, the verification call's result decides (verify).
    std::optional<Status> to;
    bool decidedByResult = false;
    QList<Requirement> required;
    // What the history records (escalate records "escalated").
    QString eventType;

    bool needs(Field field) const;
};

// The table. It alone decides who may take which action from which status,
// where it leads and what it needs; WorkflowService::perform runs on it and adds
// each action's effect. Adding an action: its code and title (ActionTable in
// workflow.cpp), its row here, and its effect in workflowservice.cpp (none when
// the status change and the recorded fields are all it does).
const QList<Transition> &table();
// The row for this action, status and role, or nullptr when the table has none.
const Transition *transition(Action action, Status from, Role role);

// Every status but closed.
bool isOpen(Status status);

// Whether a role may ever take this action, whatever the complaint's state
// (an inspector may record findings with `inspect`; only a supervisor sends one).
bool roleMayEver(Role role, Action action);

// Whether the action is allowed from this status for this role (the table's
// "from" column, with the operator/supervisor split of `close`).
bool allowedFrom(Action action, Status from, Role role);

// The status after the action, for actions whose result depends only on the
// table (verify's depends on its result; see WorkflowService).
std::optional<Status> targetStatus(Action action, Status from, Role role);

// The actions that role could take on a complaint in that status now, from the
// table alone.
QList<Action> availableActions(Role role, Status status);

// Whether this user may take the action on this complaint now, checked in the
// order WorkflowService documents: the role (Forbidden: a role that never does
// it, an inspector other than the one sent, an operator assigning to someone
// else — assignTo is the user named, if any), then the status (InvalidInput).
// The row that applies when allowed. WorkflowService::perform calls this.
Result<const Transition *> check(const User &user, const Complaint &complaint, Action action,
                                 const QString &assignTo = {});

// What the console offers as buttons: the actions check() allows now.
QList<Action> allowedActions(const User &user, const Complaint &complaint);

// Operators and supervisors register complaints (IntakeService enforces it).
bool mayRegister(const User &user);
// The soft lock of an open complaint window is for those who act on
// complaints, operators and supervisors; inspectors and administrators only look.
bool mayTakeSoftLock(const User &user);
// A supervisor hands complaints to others; an operator takes them for themself.
bool mayAssignOthers(const User &user);
// Supervisors and administrators see the notifications that failed for good
// and send them again (after a contact's webhook is fixed, say).
bool mayRetryNotifications(const User &user);
// Supervisors and administrators read the dashboard and the scorecards (issue
// 10); supervisors land on it. (The system actor, screenshots, too.)
bool mayReviewFigures(const User &user);
// Reports carry the citizen's name, full phone and national ID only for
// supervisors and administrators (issue 10); everyone else gets them masked.
bool mayIncludePersonalData(const User &user);
// Click to call: those who make verification calls (the roles that take
// `verify`), who also see the citizen's phone, ring a citizen while the
// complaint is not closed.
bool mayCallCitizen(const User &user, const Complaint &complaint);
// Who complaints are assigned to, and who may be sent to inspect.
bool takesAssignments(Role role);
bool inspects(Role role);

} // namespace Workflow

} // namespace fouad
