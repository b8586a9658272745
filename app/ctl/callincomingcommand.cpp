#include "ctl/callincomingcommand.h"

#include "domain/jalali.h"
#include "serialize/calljson.h"
#include "services/callservice.h"
#include "storage/database.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

CallIncomingCommand::CallIncomingCommand()
    : DatabaseCommand(u"call incoming"_s,
                      u"A call rings an operator's extension: the console signed in on that\n"
                      "extension shows the caller's complaints within a second, opens the one\n"
                      "keyed into the IVR and fills the phone into a new complaint. Prints the\n"
                      "caller's complaints, newest first (at most 50). For the PBX's dialplan or\n"
                      "AGI script, under an integration login on PostgreSQL."_s)
{
    addOption(
        QCommandLineOption(u"extension"_s, u"the operator's extension the call rings"_s, u"EXT"_s),
        u"--extension is required"_s);
    addOption(
        QCommandLineOption(u"caller"_s, u"the caller's number (09…, +98…, 0098…)"_s, u"NUMBER"_s),
        u"--caller is required"_s);
    addOption(QCommandLineOption(u"code"_s, u"a tracking code the caller keyed into the IVR"_s,
                                 u"TRACKING_CODE"_s));
    addOption(QCommandLineOption(u"json"_s, u"as one JSON object"_s));
}

Result<IncomingCallRequest> CallIncomingCommand::readInput(Context &,
                                                           const QCommandLineParser &args) const
{
    auto call = CallService::checked(args.value(u"extension"_s), args.value(u"caller"_s),
                                     args.value(u"code"_s));
    if (!call)
        return call.error();
    return IncomingCallRequest { std::move(call).value(), args.isSet(u"json"_s) };
}

Result<void> CallIncomingCommand::runWith(Context &ctx, Database &db,
                                          const IncomingCallRequest &request) const
{
    auto actor = db.actorFor({});
    if (!actor)
        return actor.error();
    auto call = CallService(db, ctx.clock).record(request.call, actor.value());
    if (!call)
        return call.error();
    if (request.json) {
        printJson(ctx, QJsonDocument(CallJson::toJson(call.value())));
        return {};
    }
    ctx.out << "Call to extension " << call->extension << " from " << call->caller << ": "
            << call->complaints.size() << " earlier complaint(s)\n";
    for (const CallerComplaint &c : std::as_const(call->complaints))
        ctx.out << "  " << c.trackingCode << "  " << code(c.status) << "  "
                << Jalali::toIsoTehran(c.receivedAt) << '\n';
    ctx.out.flush();
    return {};
}

} // namespace fouad::ctl
