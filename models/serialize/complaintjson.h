#pragma once

#include "domain/complaint.h"

#include <QJsonObject>

namespace fouad::ComplaintJson {

// A complaint as machine output (fouadctl --json, webhooks): codes as strings,
// times in ISO 8601 at Asia/Tehran with their offset, Latin digits, null for
// what is not set.
QJsonObject toJson(const Complaint &complaint, bool withHistory);
QJsonObject toJson(const HistoryEvent &event);

} // namespace fouad::ComplaintJson
