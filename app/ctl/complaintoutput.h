#pragma once

#include "core/result.h"
#include "ctl/context.h"
#include "domain/complaint.h"

namespace fouad {
class ReferenceCatalog;
}

namespace fouad::ctl {

// A complaint as JSON with its history and its SLA clocks as of the context's
// clock (complaint add, show --json, every action).
Result<void> printWithClocks(Context &ctx, Database &db, const Complaint &complaint);
// A complaint for people (complaint show).
void printComplaint(Context &ctx, const Complaint &complaint, const ReferenceCatalog &catalog);

} // namespace fouad::ctl
