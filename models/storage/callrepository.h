#pragma once

#include "core/result.h"
#include "domain/incomingcall.h"

namespace fouad {

class Database;

// Calls ringing operators' extensions and the callers' complaints (migration
// 16). On PostgreSQL both go through SECURITY DEFINER functions, so that the
// PBX's integration login never reads a citizen's phone.
class CallRepository final
{
public:
    explicit CallRepository(Database &database)
        : m_database(database)
    {
    }

    // Records the call (and, on PostgreSQL, tells the listening consoles at
    // commit); the new call's id. caller in E.164, keyedCode normalised or empty.
    Result<qint64> record(const QString &extension, const QString &caller, const QString &keyedCode,
                          const QDateTime &at, const QString &actor);
    // The complaints made from this phone (E.164), newest first, at most `limit`.
    Result<QList<CallerComplaint>> callerComplaints(const QString &caller,
                                                    int limit = IncomingCall::MaxComplaints);
    // The calls to `extension` after the call `afterId`, oldest first, without
    // their complaints.
    Result<QList<IncomingCall>> callsAfter(const QString &extension, qint64 afterId);
    Result<std::optional<IncomingCall>> find(qint64 id);
    // The newest call's id (0 when none): where a listener starts.
    Result<qint64> lastId();

private:
    Database &m_database;
};

} // namespace fouad
