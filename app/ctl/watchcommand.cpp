#include "ctl/watchcommand.h"

#include "domain/jalali.h"
#include "live/changefeed.h"
#include "storage/database.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

// SIGINT and SIGTERM end the watch through a self-pipe: a signal handler may
// only write(), and the event loop reads the other end.
int signalPipe[2] = { -1, -1 };

extern "C" void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

class StopSignals final
{
public:
    StopSignals()
    {
        if (::pipe(signalPipe) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = onStopSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_oldInt);
        ::sigaction(SIGTERM, &action, &m_oldTerm);
        m_installed = true;
    }
    ~StopSignals()
    {
        if (!m_installed)
            return;
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        ::close(signalPipe[0]);
        ::close(signalPipe[1]);
        signalPipe[0] = signalPipe[1] = -1;
    }
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    int readEnd() const { return m_installed ? signalPipe[0] : -1; }

private:
    bool m_installed = false;
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
};

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
                      "so nothing is missed or printed twice. Starts at the newest change."_s)
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
    StopSignals stopSignals;
    QEventLoop loop;
    std::unique_ptr<QSocketNotifier> stop;
    if (stopSignals.readEnd() >= 0) {
        stop = std::make_unique<QSocketNotifier>(stopSignals.readEnd(), QSocketNotifier::Read);
        QObject::connect(stop.get(), &QSocketNotifier::activated, &loop, &QEventLoop::quit);
    }
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
    QObject::connect(&feed, &ChangeFeed::connectionRestored, &loop,
                     [&] { ctx.err << "fouadctl: watch: connected again" << Qt::endl; });
    feed.start();
    loop.exec();
    return {};
}

} // namespace fouad::ctl
