#pragma once

#include "domain/complaint.h"
#include "sla/slaengine.h"

#include <QJsonObject>

namespace fouad::ComplaintJson {

// A complaint as machine output (fouadctl --json, webhooks): codes as strings,
// times in ISO 8601 at Asia/Tehran with their offset, Latin digits, null for
// what is not set (city, office and service_desk among them).
QJsonObject toJson(const Complaint &complaint, bool withHistory);
// What ComplaintRepository::status() reads, and nothing personal: tracking_code,
// status, received_at, due_at, channel, province, agency, category, priority,
// escalation_level, outcome, version, updated_at, merged_into, closed_unverified;
// status_title, the status in Persian for the IVR to read to a caller; and the
// SLA clocks as "sla" (as below) with sla_state, the resolution clock's state.
QJsonObject statusJson(const Complaint &complaint, const SlaEngine::Clocks &clocks);
// With the SLA clocks as of now: "sla" {acknowledge, resolve, verify} each with
// due_at, remaining_seconds and state; due_at is then the resolution clock's.
QJsonObject toJson(const Complaint &complaint, bool withHistory, const SlaEngine::Clocks &clocks);
// An event: its data's keys, then type, at, actor and the statuses "from" and
// "to"; a reminder's recipient is "recipient".
QJsonObject toJson(const HistoryEvent &event);

} // namespace fouad::ComplaintJson
