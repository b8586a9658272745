#pragma once

#include "domain/contact.h"

#include <QJsonObject>

namespace fouad::ContactJson {

// A contact as machine output (fouadctl contact list --json, the administration
// history): id, agency, province, name, role, phone, webhook; null for what is
// not set.
QJsonObject toJson(const Contact &contact);

} // namespace fouad::ContactJson
