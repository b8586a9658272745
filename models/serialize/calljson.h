#pragma once

#include "domain/incomingcall.h"

#include <QJsonObject>

namespace fouad::CallJson {

// A call as fouadctl prints it for the PBX: extension, caller (E.164), code
// (what was keyed, or null), rang_at, and complaints, newest first, each
// {tracking_code, status, received_at}. Times ISO 8601 at Asia/Tehran.
QJsonObject toJson(const IncomingCall &call);

} // namespace fouad::CallJson
