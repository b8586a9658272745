#pragma once

#include "domain/complaint.h"
#include "domain/persiantext.h"

#include <QJsonDocument>
#include <QStringList>

namespace fouad::ComplaintRows {

// The columns of the complaints and complaint_events INSERTs, in one place for
// every writer (Qt's prepared statements, and SQLite's C API for bulk loads).
// A Binder has integer(i, qint64), text(i, QString), textOrNull(i, QString) and
// null(i); i counts from 0 across all rows of a multi-row statement.

constexpr int ComplaintColumnCount = 31;
constexpr int EventColumnCount = 7;

inline constexpr char16_t ComplaintColumns[] =
    u"id, tracking_code, received_at, channel, citizen_name, citizen_phone, citizen_national_id,"
    " share_identity, province_code, agency_code, category_code, priority, description, status,"
    " assignee, escalation_level, due_at, outcome, satisfaction, version, created_by, updated_at,"
    " resolved_at, resolution_seconds, resolved_within_target, reopen_count";

// After ComplaintColumns the INSERTs write citizen_name_key, inspector, then
// PlaceColumns (migration 17).
inline constexpr char16_t PlaceColumns[] = u"city_code, office_code, service_desk";

// INSERT statements for `rows` rows at once.
QString insertComplaintsSql(int rows);
// One complaint with its client key (migration 11) bound at ComplaintColumnCount.
QString insertKeyedComplaintSql();
QString insertEventsSql(int rows);
// One event with the complaint's version it made (migration 10), bound at
// EventColumnCount after bindEvent's columns. Bulk loads leave it NULL.
QString insertVersionedEventSql();

template<typename Binder> void bindComplaint(Binder &b, int row, const Complaint &c)
{
    const int o = row * ComplaintColumnCount;
    b.integer(o + 0, c.id);
    b.text(o + 1, c.trackingCode);
    b.integer(o + 2, c.receivedAt.toMSecsSinceEpoch());
    b.text(o + 3, code(c.channel));
    b.text(o + 4, c.citizen.name);
    b.text(o + 5, c.citizen.phone);
    b.textOrNull(o + 6, c.citizen.nationalId);
    b.integer(o + 7, c.citizen.shareIdentity ? 1 : 0);
    b.text(o + 8, c.provinceCode);
    b.text(o + 9, c.agencyCode);
    b.text(o + 10, c.categoryCode);
    b.text(o + 11, code(c.priority));
    b.text(o + 12, c.description);
    b.text(o + 13, code(c.status));
    b.textOrNull(o + 14, c.assignee);
    b.integer(o + 15, c.escalationLevel);
    b.integer(o + 16, c.dueAt.toMSecsSinceEpoch());
    b.textOrNull(o + 17, c.outcome);
    if (c.satisfaction)
        b.integer(o + 18, *c.satisfaction);
    else
        b.null(o + 18);
    b.integer(o + 19, c.version);
    b.text(o + 20, c.createdBy);
    b.integer(o + 21, c.updatedAt.toMSecsSinceEpoch());
    if (c.resolvedAt.isValid())
        b.integer(o + 22, c.resolvedAt.toMSecsSinceEpoch());
    else
        b.null(o + 22);
    if (c.resolutionSeconds)
        b.integer(o + 23, *c.resolutionSeconds);
    else
        b.null(o + 23);
    b.integer(o + 24, c.resolvedWithinTarget ? 1 : 0);
    b.integer(o + 25, c.reopenCount);
    b.text(o + 26, PersianText::searchKey(c.citizen.name)); // citizen_name_key
    b.textOrNull(o + 27, c.inspector); // a complaint may be stored in field inspection
    b.textOrNull(o + 28, c.cityCode); // migration 17
    b.textOrNull(o + 29, c.officeCode);
    b.textOrNull(o + 30, c.serviceDesk);
}

template<typename Binder>
void bindEvent(Binder &b, int row, qint64 complaintId, const HistoryEvent &e)
{
    static const QString emptyData = QStringLiteral("{}");
    const int o = row * EventColumnCount;
    b.integer(o + 0, complaintId);
    b.integer(o + 1, e.at.toMSecsSinceEpoch());
    b.text(o + 2, e.actor);
    b.text(o + 3, e.type);
    b.textOrNull(o + 4, e.fromStatus);
    b.textOrNull(o + 5, e.toStatus);
    b.text(o + 6,
           e.data.isEmpty()
               ? emptyData
               : QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact)));
}

} // namespace fouad::ComplaintRows
