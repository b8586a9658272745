#pragma once

#include "core/result.h"
#include "domain/complaintdraft.h"

#include <QByteArray>

namespace fouad::ComplaintJson {

// The other direction, for integrations (`fouadctl complaint add --json`): a
// complaint as they send it, read into a draft for IntakeService. Only the shape
// is checked here (required keys, strings, booleans, ISO times with an offset);
// the values are IntakeValidator's. Errors name the key as in the input
// ("citizen.phone"); unknown keys are ignored. The optional client_key
// (isValidClientKey) makes a repeated send return the complaint already made.
Result<ComplaintDraft> draftFromJson(const QByteArray &bytes);
// A draft as draftFromJson reads it (a partly typed one too): the drafts kept on disk.
QByteArray draftToJson(const ComplaintDraft &draft);

} // namespace fouad::ComplaintJson
