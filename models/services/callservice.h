#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/incomingcall.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// The telephone at the operator's desk (issue 9). The PBX reports a call
// ringing an extension (`fouadctl call incoming`); the console signed in on
// that extension hears of it through its ChangeFeed and pops the caller's
// complaints. The rules for what a call is are here, once, for both.
class CallService final
{
    Q_DECLARE_TR_FUNCTIONS(CallService)

public:
    explicit CallService(Database &database, const Clock &clock = Clock::system());

    // The call as the PBX gave it, checked (invalid input names --extension,
    // --caller or --code) and normalised: the extension, the caller in E.164, the
    // keyed code in Latin digits. Nothing is read or written.
    static Result<IncomingCall> checked(const QString &extension, const QString &caller,
                                        const QString &keyedCode);
    // Records a checked call, so that the console on its extension pops, and
    // returns it with the caller's complaints. actor: who reports it (on
    // PostgreSQL the database records the session's login instead).
    Result<IncomingCall> record(IncomingCall call, const QString &actor);
    // The caller's complaints, for a call the feed heard of.
    Result<void> addComplaints(IncomingCall &call);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace fouad
