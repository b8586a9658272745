#include "ctl/complaintshowcommand.h"

#include "ctl/complaintoutput.h"
#include "domain/trackingcode.h"
#include "storage/complaintrepository.h"
#include "storage/referencerepository.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

ComplaintShowCommand::ComplaintShowCommand()
    : DatabaseCommand(u"complaint show"_s,
                      u"One complaint with its history; as JSON also its SLA clocks."_s)
{
    addPositional(u"CODE"_s, u"the tracking code, in any digit form"_s);
    addOption(QCommandLineOption(u"json"_s, u"as JSON, with the SLA clocks"_s));
}

Result<ShowRequest> readShowRequest(const QCommandLineParser &args)
{
    const QString given = args.positionalArguments().at(0);
    const auto code = TrackingCode::normalized(given);
    if (!code)
        return Error::invalid(u"CODE"_s,
                              u"invalid code \"%1\": the check digit does not match "
                              "(mistyped?)"_s.arg(given));
    return ShowRequest { *code, args.isSet(u"json"_s) };
}

Result<ShowRequest> ComplaintShowCommand::readInput(Context &, const QCommandLineParser &args) const
{
    return readShowRequest(args);
}

Result<void> ComplaintShowCommand::runWith(Context &ctx, Database &db,
                                           const ShowRequest &request) const
{
    auto complaint = ComplaintRepository(db).findByCode(request.code);
    if (!complaint)
        return complaint.error();
    if (request.json)
        return printWithClocks(ctx, db, complaint.value());
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    printComplaint(ctx, complaint.value(), catalog.value());
    return {};
}

} // namespace fouad::ctl
