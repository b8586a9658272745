#pragma once

#include "domain/referencedata.h"

#include <QJsonObject>

namespace fouad::OfficeJson {

// An office as machine output (fouadctl office list --json, the administration
// history): code, agency, province, city (null when not tied to one), name.
QJsonObject toJson(const Office &office);

} // namespace fouad::OfficeJson
