#pragma once

#include "core/result.h"
#include "domain/complaint.h"
#include "storage/complaintquery.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <functional>
#include <unordered_map>

namespace fouad {

class Database;
class SlaConfig;

// Complaints and their history. Every write is one transaction; the UI never
// sees SQL, it calls this (through IntakeService and the item models).
class ComplaintRepository final
{
    Q_DECLARE_TR_FUNCTIONS(ComplaintRepository)

public:
    explicit ComplaintRepository(Database &database);

    // Registers a validated complaint: takes a code from the sequence, writes the
    // complaint (version 1) and its "registered" event in one durable transaction.
    // A clientKey registered before (even by a concurrent save) gives that
    // complaint instead: no new row, no new event.
    // beforeCommit: more writes in the same transaction (the outbox's messages),
    // given the complaint as registered; its failure rolls the registration back.
    Result<Complaint>
    registerComplaint(Complaint complaint, const QString &actor,
                      const std::function<Result<void>(const Complaint &)> &beforeCommit = {});

    // Bulk path for demo data and imports: the same rows, many per transaction.
    // Each complaint's history is written as given ("registered" first).
    Result<void> insertMany(QList<Complaint> &complaints);
    static constexpr int BulkRowsPerStatement = 64;

    // code must be well formed (TrackingCode::normalized). forUpdate: inside a
    // write transaction, about to change it.
    // A complaint's status and where it stands, without personal data (no
    // citizen, description or staff names): what an integration may read. Its
    // history has no data, enough for the SLA clocks.
    Result<Complaint> status(const QString &code);
    Result<Complaint> findByCode(const QString &code, bool withHistory = true,
                                 bool forUpdate = false);

    // Writes an action's result: the row only if it is still at expectedVersion
    // (Conflict otherwise), and its events. Inside the caller's transaction.
    Result<void> update(const Complaint &complaint, int expectedVersion,
                        const QList<HistoryEvent> &events);

    // Open complaints below an escalation level, received before an instant: the
    // ladder's candidates. Without history.
    Result<QList<Complaint>> escalationCandidates(int belowLevel, const QDateTime &receivedBefore);
    // Raises the level from `from` to `to` only if it is still `from` (another sweep
    // may have been first), with one "escalated" event per level. True if raised.
    // Inside the caller's transaction.
    Result<bool> raiseEscalation(const Complaint &complaint, int from, int to, const QDateTime &now,
                                 const QString &reason);

    // The wallboard's figures: complaints whose resolution clock runs or is paused,
    // those with under a fifth of their time left, those past due; and the mean
    // wall-clock time from receipt to the agency's fix over fixes since `since`.
    struct Board
    {
        qint64 open = 0;
        qint64 nearBreach = 0;
        qint64 breached = 0;
        std::optional<qint64> averageResolutionSecs;
        qint64 resolvedSince = 0;
    };
    Result<Board> board(const QDateTime &now, const QDateTime &since);
    // An assignee's running complaints with under a fifth of their time left.
    Result<QList<Complaint>> nearBreachFor(const QString &assignee, const QDateTime &now);
    // Running complaints past their due time, each with its last reminder (invalid if none).
    Result<QList<std::pair<Complaint, QDateTime>>> breachedWithLastReminder(const QDateTime &now);
    // Appends a "reminder" event: not an action, so the version stays.
    Result<void> addReminder(const Complaint &complaint, const QDateTime &now, const QString &to);
    // The running complaints closest to breach: due at or after now, soonest first.
    Result<QList<Complaint>> closestToBreach(const QDateTime &now, int limit);

    // The soft lock: marks the complaint as being worked on by user until then,
    // unless someone else's mark is still valid. True when the mark is the user's.
    Result<bool> claim(qint64 id, const QString &user, const QDateTime &now,
                       const QDateTime &until);
    Result<void> release(qint64 id, const QString &user);
    // Migration 18: the resolution figures of every complaint with a fix or a
    // reopening in its history (SlaConfig::settleResolution), a batch at a time.
    Result<int> settleResolutions(const SlaConfig &sla);
    // Each complaint id's events, oldest first (ids without events are absent): in
    // a few statements for many complaints, as `complaint list --json` needs them.
    // Without data: the events' data left empty (what an integration may read).
    Result<QHash<qint64, QList<HistoryEvent>>> histories(const QList<qint64> &complaintIds,
                                                         bool withData = true);
    static constexpr qsizetype HistoryIdsPerStatement = 500;

    // The queue and `complaint list`: filter, search (SearchTerm), order and page.
    Result<QList<Complaint>> list(const ComplaintQuery &query);
    // A substring search with at most this many candidates from the trigram index
    // fetches them by id; with more it walks up to SearchWalkRows rows of the
    // sort's index first (measured in docs/performance.md).
    struct SearchLimits
    {
        int candidateCap = 5000;
        int walkRows = 20000;
    };
    // Tests make them small to drive every plan on a few thousand rows.
    void setSearchLimits(SearchLimits limits) { m_searchLimits = limits; }
    // How many complaints this phone made about this agency since then (for the
    // intake form's possible-duplicate warning).
    Result<qint64> countRecent(const QString &phoneE164, const QString &agencyCode,
                               const QDateTime &since);

private:
    // Every statement is prepared here, forward-only, with its values bound in order.
    Result<QSqlQuery> prepare(const QString &sql, const QVariantList &values);
    // The same, kept for the repository's life: fixed statements on hot paths.
    QSqlQuery &statement(const QString &sql);
    // One history event, inside the caller's transaction.
    // version: the complaint's version this event belongs to (migration 10).
    Result<void> appendEvent(qint64 complaintId, const HistoryEvent &event, int version);
    Result<QList<HistoryEvent>> history(qint64 complaintId);
    // The tracking code registered with this client key; empty if none.
    Result<QString> codeForClientKey(const QString &key);

    Database &m_database;
    SearchLimits m_searchLimits;
    std::unordered_map<QString, QSqlQuery> m_statements; // prepared once per repository
    QSqlQuery m_unprepared; // what statement() hands out when preparing failed
    quint64 m_generation = 0; // the connection m_statements were prepared on
};

} // namespace fouad
