#include "ctl/notifyruncommand.h"

#include "ctl/stopsignals.h"
#include "domain/jalali.h"
#include "notify/dispatcher.h"

#include <QEventLoop>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

// While another holds the lease: how often to look again.
constexpr qint64 LeasePollMs = 200;

Result<void> runUntilIdle(Context &ctx, Dispatcher &dispatcher)
{
    int delivered = 0, retried = 0, failed = 0;
    std::optional<QDateTime> waitUntil;
    for (;;) {
        auto pass = dispatcher.sendDue();
        if (pass) {
            delivered += pass->delivered;
            retried += pass->retried;
            failed += pass->failed;
        }
        if (!pass || pass->held) {
            // Released at once, so that the next run proceeds without waiting.
            auto released = dispatcher.release();
            if (!pass)
                return pass.error();
            if (!released)
                return released.error();
            ctx.out << delivered << " delivered, " << retried << " to retry, " << failed
                    << " failed" << Qt::endl;
            return {};
        }
        // Another holds it: wait up to the expiry first seen; a holder that has
        // died stops renewing by then, a live one keeps it.
        if (!waitUntil)
            waitUntil = pass->lease.expiresAt;
        const qint64 left = ctx.clock.nowUtc().msecsTo(*waitUntil);
        if (left < 0)
            return Error::runtime(u"the notifications lease is held by %1 (until %2)"_s.arg(
                pass->lease.holder, Jalali::toIsoTehran(pass->lease.expiresAt)));
        QThread::msleep(std::min(LeasePollMs, left + 1));
    }
}

} // namespace

NotifyRunCommand::NotifyRunCommand()
    : DatabaseCommand(
        u"notify run"_s,
        u"Sends the outbox's messages to their webhooks (HTTP POST, retried with\n"
        "backoff) while holding the dispatcher's lease, until stopped (SIGINT or SIGTERM,\n"
        "exit 0). Only one dispatcher sends at a time; this one waits for the lease."_s)
{
    addOption(QCommandLineOption(
        u"until-idle"_s,
        u"send what is due now and return, releasing the lease; if another holds it,\n"
        "wait up to its expiry, then exit 1 naming the holder"_s));
}

Result<NotifyRunRequest> NotifyRunCommand::readInput(Context &,
                                                     const QCommandLineParser &args) const
{
    return NotifyRunRequest { args.isSet(u"until-idle"_s) };
}

Result<void> NotifyRunCommand::runWith(Context &ctx, Database &db,
                                       const NotifyRunRequest &request) const
{
    Dispatcher dispatcher(db, ctx.clock);
    if (request.untilIdle)
        return runUntilIdle(ctx, dispatcher);

    QEventLoop loop;
    StopSignals stopSignals(loop);
    QObject::connect(&dispatcher, &Dispatcher::passFailed, &loop, [&](const QString &message) {
        ctx.err << "fouadctl: notify run: " << message.simplified() << "; trying again" << Qt::endl;
    });
    ctx.err << "fouadctl: notify run: dispatcher " << dispatcher.holderId() << Qt::endl;
    dispatcher.start();
    loop.exec();
    dispatcher.stop();
    return {};
}

} // namespace fouad::ctl
