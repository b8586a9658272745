#pragma once

#include "domain/complaintenums.h"
#include "domain/user.h"

#include <QList>
#include <QString>

#include <optional>

namespace fouad {

// The complaint lifecycle of DESIGN §2, as one table. The console and fouadctl
// both ask it; WorkflowService enforces it. Nothing else decides who may do
// what from which status.
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

// The actions that role could take on a complaint in that status now: what
// the console offers as buttons.
QList<Action> availableActions(Role role, Status status);

} // namespace Workflow

} // namespace fouad
