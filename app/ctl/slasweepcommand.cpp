#include "ctl/slasweepcommand.h"

#include "domain/jalali.h"
#include "services/slaservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

SlaSweepCommand::SlaSweepCommand()
    : DatabaseCommand(u"sla sweep"_s,
                      u"Apply due escalations and send due reminders; prints what it did.\n"
                      "Safe to run from several processes at once."_s)
{
    addOption(QCommandLineOption(u"now"_s,
                                 u"sweep as of this instant instead of now, with an offset,\n"
                                 "such as 2026-11-22T11:00:00+03:30"_s,
                                 u"ISO-8601"_s));
    addOption(QCommandLineOption(u"json"_s,
                                 u"the escalations as a JSON array of {tracking_code, level}"_s));
}

Result<SweepRequest> SlaSweepCommand::readInput(Context &, const QCommandLineParser &args) const
{
    SweepRequest request;
    request.json = args.isSet(u"json"_s);
    if (args.isSet(u"now"_s)) {
        const auto parsed = Jalali::parseIsoWithOffset(args.value(u"now"_s));
        if (!parsed)
            return Error::invalid(u"--now"_s,
                                  u"expected ISO 8601 with an offset, such as "
                                  "2026-11-22T11:00:00+03:30"_s);
        request.now = *parsed;
    }
    return request;
}

Result<void> SlaSweepCommand::runWith(Context &ctx, Database &db, const SweepRequest &request) const
{
    SlaService sla(db, ctx.clock);
    auto done = sla.sweep(request.now);
    if (!done)
        return done.error();
    auto reminded = sla.remind(request.now);
    if (!reminded)
        return reminded.error();
    if (request.json) {
        QJsonArray array;
        for (const auto &e : done.value())
            array.append(
                QJsonObject { { u"tracking_code"_s, e.trackingCode }, { u"level"_s, e.level } });
        printJson(ctx, QJsonDocument(array));
        return {};
    }
    QSet<QString> complaints;
    for (const auto &e : done.value()) {
        ctx.out << e.trackingCode << " level " << e.level << '\n';
        complaints.insert(e.trackingCode);
    }
    ctx.out << done->size() << " escalation(s) on " << complaints.size() << " complaint(s), "
            << reminded->size() << " reminder(s)" << Qt::endl;
    return {};
}

} // namespace fouad::ctl
