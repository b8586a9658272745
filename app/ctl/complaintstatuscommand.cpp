#include "ctl/complaintstatuscommand.h"

#include "domain/jalali.h"
#include "serialize/complaintjson.h"
#include "storage/complaintrepository.h"
#include "storage/slarepository.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

ComplaintStatusCommand::ComplaintStatusCommand()
    : DatabaseCommand(u"complaint status"_s,
                      u"Where one complaint stands, without personal data (no citizen,\n"
                      "description or staff names): what an integration's login (an IVR telling a\n"
                      "caller) may read: the status with its Persian title and the SLA state."_s)
{
    addPositional(u"CODE"_s, u"the tracking code, in any digit form"_s);
    addOption(QCommandLineOption(u"json"_s, u"as one JSON object"_s));
}

Result<ShowRequest> ComplaintStatusCommand::readInput(Context &,
                                                      const QCommandLineParser &args) const
{
    return readShowRequest(args);
}

Result<void> ComplaintStatusCommand::runWith(Context &ctx, Database &db,
                                             const ShowRequest &request) const
{
    auto complaint = ComplaintRepository(db).status(request.code);
    if (!complaint)
        return complaint.error();
    const Complaint &c = complaint.value();
    auto sla = SlaRepository(db).load();
    if (!sla)
        return sla.error();
    const SlaEngine::Clocks clocks = sla->clocks(c, ctx.clock.nowUtc());
    if (request.json) {
        ctx.out
            << QJsonDocument(ComplaintJson::statusJson(c, clocks)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Tracking code: " << c.trackingCode << '\n'
                << "Status:        " << code(c.status) << '\n'
                << "Received:      " << Jalali::toIsoTehran(c.receivedAt) << '\n'
                << "Due:           "
                << Jalali::toIsoTehran(clocks.resolve.dueAt.isValid() ? clocks.resolve.dueAt
                                                                      : c.dueAt)
                << '\n'
                << "SLA:           " << SlaEngine::code(clocks.resolve.state) << '\n'
                << "Escalation:    " << c.escalationLevel << '\n'
                << "Agency:        " << c.agencyCode << '\n'
                << "City:          " << (c.cityCode.isEmpty() ? u"-"_s : c.cityCode) << '\n'
                << "Office:        " << (c.officeCode.isEmpty() ? u"-"_s : c.officeCode) << '\n'
                << "Version:       " << c.version << '\n';
    }
    ctx.out.flush();
    return {};
}

} // namespace fouad::ctl
