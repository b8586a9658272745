#pragma once

#include "domain/complaintenums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fouad {

struct Citizen
{
    QString name;
    QString phone; // E.164
    QString nationalId; // 10 Latin digits, or empty when not given
    bool shareIdentity = false; // without consent the agency is never told who complained
};

// One entry of a complaint's append-only history.
struct HistoryEvent
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString actor; // user name, or "system"
    QString type; // "registered", an action's name, "escalated"
    QString fromStatus;
    QString toStatus;
    QJsonObject data; // the action's data: note, reason, assignee, ...
};

struct Complaint
{
    qint64 id = 0; // the sequence value the tracking code was made from
    QString trackingCode;
    QDateTime receivedAt; // UTC
    Channel channel = Channel::Line128;
    Citizen citizen;
    QString provinceCode;
    QString agencyCode;
    QString categoryCode;
    // Where it happened (issue 10), each optional: the city, the agency's office
    // and the service or desk the citizen named.
    QString cityCode;
    QString officeCode;
    QString serviceDesk;
    Priority priority = Priority::Normal;
    QString description;
    Status status = Status::Registered;
    QString assignee;
    int escalationLevel = 0;
    QDateTime dueAt; // UTC
    QString outcome;
    std::optional<int> satisfaction;
    int version = 1;
    QDateTime updatedAt;
    QString createdBy;
    QString clientKey; // ComplaintDraft::clientKey, written at registration only
    QString inspector; // sent by a supervisor for a field inspection
    QString mergedInto; // tracking code of the complaint this one duplicates
    QStringList mergedFrom; // codes merged into this one (filled with the history)
    bool closedUnverified = false; // closed after three unreachable verification calls
    // What management's figures read, kept with the row from the history by
    // SlaConfig::settleResolution: the agency's fix in force, the working time
    // it took (the resolution target's own measure, less waiting for the
    // citizen), whether that was within the target; and how often it was reopened.
    QDateTime resolvedAt;
    std::optional<qint64> resolutionSeconds;
    bool resolvedWithinTarget = false;
    int reopenCount = 0;
    QString lockedBy; // soft lock: who has it open for editing, until lockedUntil
    QDateTime lockedUntil;
    QList<HistoryEvent> history; // filled only when asked for
};

// The actor recorded when no user is given (CLI intake, sweeps, dispatchers).
inline constexpr char16_t SystemActor[] = u"system";

} // namespace fouad
