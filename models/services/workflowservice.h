#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/complaint.h"
#include "domain/workflow.h"
#include "sla/slaconfig.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// One action on a complaint, as the console or fouadctl asks for it. Fields an
// action does not use are ignored.
struct ActionRequest
{
    Action action = Action::Refer;
    QString code; // tracking code as typed, any digit form
    QString actor; // user name
    QString note;
    QString to; // assign
    QString inspector; // inspect, by a supervisor
    QString actionTaken; // resolve
    QString result; // verify: confirmed | not_fixed | unreachable
    QString satisfaction; // verify: 1-5, as typed (any digit form)
    QString outcome; // close
    QString reason; // wait, reopen, reject, escalate
    QString into; // merge: the code of the complaint this one duplicates
    std::optional<int> expectVersion; // optimistic locking: the version the caller saw
};

// Takes complaints through the lifecycle of DESIGN §2 (the table is in
// domain/workflow.h). Checks run in a fixed order and the first failure
// decides: malformed code (InvalidInput); unknown complaint or user (NotFound);
// a role that may never do this (Forbidden); not allowed from this status, or
// missing or invalid data (InvalidInput); a stale expectVersion (Conflict).
// A refused action changes nothing. A successful one raises the version by one
// and appends its events, in one transaction.
class WorkflowService final
{
    Q_DECLARE_TR_FUNCTIONS(WorkflowService)

public:
    explicit WorkflowService(Database &database, const Clock &clock = Clock::system());

    Result<Complaint> perform(const ActionRequest &request);

    // The soft lock an open complaint window keeps: renewed while the user works,
    // gone by itself after LockMinutes without renewal. Only for users
    // Workflow::mayTakeSoftLock allows (Forbidden otherwise).
    Result<bool> claim(const QString &code, const QString &user);
    Result<void> release(const QString &code, const QString &user);

    static constexpr int LockMinutes = 5;
    // Verification calls: the third unreachable attempt closes the complaint as
    // unverified; an attempt counts only this long after the previous counted one.
    static constexpr int UnreachableAttemptsToClose = 3;
    static constexpr qint64 UnreachableSpacingSecs = 30 * 60;

private:
    Result<const SlaConfig *> sla();

    Database &m_database;
    std::shared_ptr<const SlaConfig> m_sla; // the database's shared cache, checked before use
    const Clock &m_clock;
};

} // namespace fouad
