#include "ctl/watchcommand.h"

#include "ctl/stopsignals.h"

#include "domain/jalali.h"
#include "live/changefeed.h"
#include "storage/database.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

QString line(const Change &c, bool json)
{
    if (json) {
        const QJsonObject o {
            { u"tracking_code"_s, c.trackingCode },
            { u"type"_s, c.type },
            { u"version"_s, c.version },
            { u"at"_s, Jalali::toIsoTehran(c.at) },
            { u"actor"_s, c.actor },
            { u"complaint_id"_s, c.complaintId },
            { u"event_id"_s, c.eventId },
        };
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    return u"%1  %2  %3  version %4  by %5"_s.arg(Jalali::toIsoTehran(c.at), c.trackingCode, c.type,
                                                  QString::number(c.version), c.actor);
}

} // namespace

WatchCommand::WatchCommand()
    : DatabaseCommand(u"watch"_s,
                      u"Prints every change to complaints as it is committed, one line each,\n"
                      "until stopped (SIGINT or SIGTERM, exit 0). After a lost connection it\n"
                      "retries every few seconds and first prints what was committed meanwhile,\n"
                      "so nothing is missed or printed twice. Starts at the newest change;\n"
                      "\"fouadctl: watch: watching\" on stderr means every commit from then on\n"
                      "is printed."_s)
{
    addOption(QCommandLineOption(
        u"json"_s, u"one JSON object per line: tracking_code, type, version, at, actor"_s));
}

Result<WatchRequest> WatchCommand::readInput(Context &, const QCommandLineParser &args) const
{
    return WatchRequest { args.isSet(u"json"_s) };
}

Result<void> WatchCommand::runWith(Context &ctx, Database &db, const WatchRequest &request) const
{
    QEventLoop loop;
    StopSignals stopSignals(loop);
    ChangeFeed feed(db.url());
    QObject::connect(&feed, &ChangeFeed::changed, &loop, [&](const QList<Change> &changes) {
        for (const Change &c : changes)
            ctx.out << line(c, request.json) << '\n';
        ctx.out.flush(); // each line is for someone waiting on it
    });
    QObject::connect(&feed, &ChangeFeed::connectionLost, &loop, [&](const QString &reason) {
        ctx.err << "fouadctl: watch: lost the database (" << reason.simplified()
                << "); retrying every " << ChangeFeed::RetryIntervalMs / 1000 << " s" << Qt::endl;
    });
    // Once its cursor is taken: from here on every commit is printed (a script
    // starting watch waits for this line before it writes).
    QObject::connect(&feed, &ChangeFeed::ready, &loop,
                     [&] { ctx.err << "fouadctl: watch: watching" << Qt::endl; });
    QObject::connect(&feed, &ChangeFeed::connectionRestored, &loop,
                     [&] { ctx.err << "fouadctl: watch: connected again" << Qt::endl; });
    feed.start();
    loop.exec();
    return {};
}

} // namespace fouad::ctl
