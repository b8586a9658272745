// One client of the load benchmark (scripts/load): signs in to PostgreSQL as
// its own login and, for the given time, registers complaints and takes each
// through the lifecycle, and now and then escalates a complaint another
// client made (on the version it read, so concurrent writers meet). It
// prints one JSON line per change it committed, with the wall-clock instant
// the commit returned, and a summary line at the end; scripts/load joins them
// with what the watchers heard.
#include "core/clock.h"
#include "domain/complaintdraft.h"
#include "domain/referencedata.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/database.h"
#include "storage/databaseurl.h"
#include "storage/referencerepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>

using namespace fouad;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

void print(const QJsonObject &object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

struct Step
{
    Action action;
    void (*fill)(ActionRequest &);
};

// Registered → closed by an operator: the path most complaints take.
const Step Lifecycle[] = {
    { Action::Refer,
      [](ActionRequest &) {
      } },
    { Action::Acknowledge,
      [](ActionRequest &) {
      } },
    { Action::Resolve,
      [](ActionRequest &r) {
          r.actionTaken = u"پرونده بررسی و تکمیل شد"_s;
      } },
    { Action::Verify,
      [](ActionRequest &r) {
          r.result = u"confirmed"_s;
          r.satisfaction = u"5"_s;
      } },
    { Action::Close,
      [](ActionRequest &r) {
          r.outcome = u"founded"_s;
      } },
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ u"db"_s, u"postgresql://LOGIN:PASSWORD@host:port/db"_s, u"url"_s });
    parser.addOption({ u"seconds"_s, u"How long to run."_s, u"n"_s, u"60"_s });
    parser.addOption({ u"others"_s, u"Share of steps that escalate another's complaint (0-1)."_s,
                       u"f"_s, u"0.1"_s });
    parser.addOption({ u"seed"_s, u"Random seed."_s, u"n"_s, u"1"_s });
    parser.addOption({ u"as"_s, u"Act as this user (the owner's connection); default: the login."_s,
                       u"user"_s });
    parser.process(app);

    auto url = DatabaseUrl::parse(parser.value(u"db"_s));
    if (!url) {
        fprintf(stderr, "loadclient: --db: %s\n", qPrintable(url.error().message));
        return 2;
    }
    auto opened = Database::open(url.value());
    if (!opened) {
        fprintf(stderr, "loadclient: %s (%s)\n", qPrintable(opened.error().message),
                qPrintable(opened.error().detail));
        return 1;
    }
    Database &db = *opened.value();
    auto catalog = ReferenceRepository(db).load();
    if (!catalog) {
        fprintf(stderr, "loadclient: %s\n", qPrintable(catalog.error().message));
        return 1;
    }
    IntakeService intake(db, catalog.value());
    WorkflowService workflow(db);
    const QString actor = parser.isSet(u"as"_s) ? parser.value(u"as"_s) : url.value().user;
    QRandomGenerator random(parser.value(u"seed"_s).toUInt());
    const double others = parser.value(u"others"_s).toDouble();

    struct Open
    {
        QString code;
        int version = 1;
        int next = 0; // index into Lifecycle
    };
    QList<Open> mine;
    qint64 registered = 0, actions = 0, conflicts = 0, stale = 0, failures = 0;
    auto committed = [&](const QString &code, int version, const QString &type, qint64 micros) {
        print({ { u"kind"_s, u"change"_s },
                { u"tracking_code"_s, code },
                { u"version"_s, version },
                { u"type"_s, type },
                { u"committed_ms"_s, QDateTime::currentMSecsSinceEpoch() },
                { u"latency_us"_s, micros } });
    };

    QElapsedTimer running;
    running.start();
    const qint64 until = parser.value(u"seconds"_s).toLongLong() * 1000;
    while (running.elapsed() < until) {
        QElapsedTimer timer;
        // Keep a few complaints in flight, so that steps interleave.
        if (mine.size() < 3) {
            ComplaintDraft d;
            d.channel = u"line128"_s;
            d.citizenName = u"زهرا احمدی"_s;
            d.phone = u"0912%1"_s.arg(random.bounded(10000000), 7, 10, QChar(u'0'));
            d.province = u"tehran"_s;
            d.agency = u"tax"_s;
            d.category = u"delay"_s;
            d.priority = u"normal"_s;
            d.description =
                u"پرونده‌ام دو ماه است بدون دلیل معطل مانده است."_s;
            timer.start();
            auto made = intake.registerComplaint(d, actor);
            const qint64 micros = timer.nsecsElapsed() / 1000;
            if (!made) {
                ++failures;
                fprintf(stderr, "loadclient: register: %s\n", qPrintable(made.error().detail));
                continue;
            }
            ++registered;
            committed(made.value().trackingCode, 1, u"registered"_s, micros);
            mine.append({ made.value().trackingCode, 1, 0 });
            continue;
        }
        ActionRequest request;
        request.actor = actor;
        qsizetype index = -1;
        if (random.generateDouble() < others) {
            // Someone else's complaint, read first: its version may move meanwhile.
            ComplaintQuery query;
            query.limit = 20;
            auto recent = ComplaintRepository(db).list(query);
            if (!recent || recent.value().isEmpty())
                continue;
            const Complaint &c = recent.value()[random.bounded(int(recent.value().size()))];
            if (c.status == Status::Closed)
                continue;
            request.action = Action::Escalate;
            request.code = c.trackingCode;
            request.reason = u"بار آزمایشی"_s;
            request.expectVersion = c.version;
        } else {
            index = random.bounded(int(mine.size()));
            const Open &o = mine[index];
            const Step &step = Lifecycle[o.next];
            request.action = step.action;
            request.code = o.code;
            step.fill(request);
        }
        timer.start();
        auto done = workflow.perform(request);
        const qint64 micros = timer.nsecsElapsed() / 1000;
        if (!done) {
            if (index < 0 && done.error().kind == ErrorKind::InvalidInput) {
                ++stale; // closed by its own client since we read it
            } else if (done.error().kind == ErrorKind::Conflict) {
                ++conflicts;
                if (index >= 0) {
                    // Another client escalated it: read the version again next time.
                    mine[index].version = -1;
                }
            } else {
                ++failures;
                fprintf(stderr, "loadclient: %s %s: %s (%s)\n", qPrintable(code(request.action)),
                        qPrintable(request.code), qPrintable(done.error().message),
                        qPrintable(done.error().detail));
                if (index >= 0)
                    mine.removeAt(index);
            }
            continue;
        }
        ++actions;
        const Complaint &c = done.value();
        const QString type = c.history.isEmpty() ? code(request.action) : c.history.last().type;
        committed(c.trackingCode, c.version, type, micros);
        if (index >= 0) {
            if (++mine[index].next == int(std::size(Lifecycle)))
                mine.removeAt(index);
            else
                mine[index].version = c.version;
        }
    }
    print({ { u"kind"_s, u"summary"_s },
            { u"login"_s, actor },
            { u"registered"_s, registered },
            { u"actions"_s, actions },
            { u"conflicts"_s, conflicts },
            { u"stale"_s, stale },
            { u"failures"_s, failures },
            { u"elapsed_ms"_s, running.elapsed() } });
    return failures == 0 ? 0 : 1;
}
