// The dispatcher against a scripted HTTP server on 127.0.0.1: retries with
// backoff on 5xx, 429, a timeout and a refused connection, one Idempotency-Key
// per message, a 400 recorded once; the lease between dispatchers (threads and
// fouadctl processes). On PostgreSQL the dispatcher runs under a staff login,
// which may not write the outbox, the lease or "system" history itself.
#include "domain/eventtitles.h"
#include "domain/user.h"
#include "notify/dispatcher.h"
#include "notify/dispatcherthread.h"
#include "notify/dispatchrepository.h"
#include "services/administrationservice.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/scriptedhttpserver.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <functional>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

using Outcome = DispatchRepository::Outcome;

// Runs the event loop (the server's) until `done` or the time is up.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

struct Event
{
    QString type;
    QString actor;
    QJsonObject data;
};

class DispatcherTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        auto opened = Database::open(testDb->url());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString() << " "
                                 << opened.error().detail.toStdString();
        owner = *opened;
        IntakeService intake(*owner, ReferenceRepository(*owner).load().value(), clock);
        auto c = intake.registerComplaint(sampleDraft());
        ASSERT_TRUE(c.ok()) << c.error().message.toStdString() << c.error().detail.toStdString();
        complaintId = c->id;
        staffUrl = testDb->url();
        if (GetParam() == Backend::PostgreSQL) {
            // The person's own login, as every console runs the dispatcher.
            const QString login = testDb->url().database + u"_op"_s;
            auto user = addTestUser(*owner, login, Role::Operator, clock.nowUtc());
            ASSERT_TRUE(user.ok())
                << user.error().message.toStdString() << " " << user.error().detail.toStdString();
            staffUrl.user = login;
            staffUrl.password = u"a-long-password"_s;
            auto asStaff = Database::open(staffUrl);
            ASSERT_TRUE(asStaff.ok()) << asStaff.error().message.toStdString() << " "
                                      << asStaff.error().detail.toStdString();
            staff = *asStaff;
            ASSERT_TRUE(staff->session().staff);
        } else {
            staff = owner;
        }
        ASSERT_TRUE(server.listen());
    }

    void TearDown() override
    {
        staff.reset();
        owner.reset();
        testDb.reset();
    }

    // A message of the outbox, as the outbox writer leaves it (written by the owner).
    qint64 insert(const QString &webhook, const QString &key, qint64 dueMs = -1)
    {
        QSqlQuery q(owner->connection());
        q.prepare(u"INSERT INTO notifications (complaint_id, contact_name, webhook,"
                  " idempotency_key, payload, next_attempt_at, created_at)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        q.addBindValue(complaintId);
        q.addBindValue(QString(u"contact "_s + key));
        q.addBindValue(webhook);
        q.addBindValue(key);
        q.addBindValue(payloadFor(key));
        q.addBindValue(dueMs >= 0 ? dueMs : clock.nowUtc().toMSecsSinceEpoch());
        q.addBindValue(clock.nowUtc().toMSecsSinceEpoch());
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
        QSqlQuery id(owner->connection());
        id.prepare(u"SELECT id FROM notifications WHERE idempotency_key = ?"_s);
        id.addBindValue(key);
        EXPECT_TRUE(id.exec() && id.next());
        return id.value(0).toLongLong();
    }

    static QString payloadFor(const QString &key)
    {
        return QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"tracking_code"_s, u"1000001"_s },
                                        { u"summary"_s, QString(u"شکایت "_s + key) } })
                .toJson(QJsonDocument::Compact));
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(owner->connection());
        EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
        return q.next() ? q.value(0) : QVariant();
    }

    QString state(qint64 id)
    {
        return scalar(u"SELECT state || ' ' || attempts FROM notifications WHERE id = %1"_s.arg(id))
            .toString();
    }

    QList<Event> events(const QString &contact)
    {
        QSqlQuery q(owner->connection());
        EXPECT_TRUE(q.exec(u"SELECT type, actor, data FROM complaint_events"
                           " WHERE type LIKE 'notification%' ORDER BY id"_s));
        QList<Event> out;
        while (q.next()) {
            Event e { q.value(0).toString(), q.value(1).toString(),
                      QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object() };
            if (e.data[u"contact"].toString() == contact)
                out << e;
        }
        return out;
    }

    // Replies from the scripted server on this thread: 5 s, which a loaded
    // machine does not stall for (at 300 ms a stall could turn a 400 or a 200
    // into a timeout).
    Dispatcher::Options fastOptions() const
    {
        Dispatcher::Options o;
        o.timeoutMs = 5000;
        return o;
    }
    // A test where the server stays silent on purpose: that wait shorter, not 10 s
    // (but long enough for the other replies of its pass).
    Dispatcher::Options silentOptions() const
    {
        Dispatcher::Options o;
        o.timeoutMs = 3000;
        return o;
    }

    Result<Dispatcher::Pass> pass(Dispatcher &d)
    {
        // The dispatcher waits for each reply in a loop of its own, which also
        // serves the server on this thread.
        return d.sendDue();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> owner;
    std::shared_ptr<Database> staff;
    DatabaseUrl staffUrl;
    MockClock clock;
    qint64 complaintId = 0;
    ScriptedHttpServer server;
};

TEST(DispatcherBackoff, DoublesFromOneSecondUpToFiveMinutes)
{
    const Dispatcher::Options o;
    EXPECT_EQ(o.timeoutMs, 10000);
    EXPECT_EQ(o.leaseMs, 30000);
    const QList<qint64> expected = { 1000,  2000,   4000,   8000,   16000, 32000,
                                     64000, 128000, 256000, 300000, 300000 };
    for (int attempts = 1; attempts <= expected.size(); ++attempts)
        EXPECT_EQ(Dispatcher::retryDelayMs(attempts, o), expected[attempts - 1]) << attempts;
    EXPECT_EQ(Dispatcher::retryDelayMs(1000, o), 300000);
}

TEST_P(DispatcherTest, RetriesUntilDeliveredUnderOneKeyAndFailsA400Once)
{
    // A port where nobody listens yet: refused until `late` starts there.
    quint16 latePort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
        latePort = probe.serverPort();
    }
    server.script("/a", { 500, 429, ScriptedHttpServer::Silent });
    server.script("/b", { 400 });
    const QDateTime t0 = clock.nowUtc();
    const qint64 a = insert(server.url(u"/a"_s), u"key-a"_s);
    const qint64 b = insert(server.url(u"/b"_s), u"key-b"_s);
    const qint64 c = insert(u"http://127.0.0.1:%1/c"_s.arg(latePort), u"key-c"_s);

    Dispatcher d(*staff, clock, silentOptions());
    auto p = pass(d);
    ASSERT_TRUE(p.ok()) << p.error().message.toStdString() << " " << p.error().detail.toStdString();
    EXPECT_TRUE(p->held);
    EXPECT_EQ(p->delivered, 0);
    EXPECT_EQ(p->retried, 2); // a's 500, c refused
    EXPECT_EQ(p->failed, 1); // b's 400
    EXPECT_EQ(state(a), u"pending 1");
    EXPECT_EQ(state(b), u"failed 1");
    EXPECT_EQ(state(c), u"pending 1");

    // Nothing is due before its retry time.
    p = pass(d);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->delivered + p->retried + p->failed, 0);
    EXPECT_EQ(server.requests().size(), 2);

    ScriptedHttpServer late;
    ASSERT_TRUE(late.listen(latePort));
    clock.advanceSecs(1); // a and c are due: 1 s after the first attempt
    p = pass(d);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->delivered, 1); // c
    EXPECT_EQ(p->retried, 1); // a's 429, next in 2 s
    clock.advanceSecs(1);
    p = pass(d);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->delivered + p->retried + p->failed, 0) << "a waits 2 s after its second attempt";
    clock.advanceSecs(1);
    p = pass(d);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->retried, 1); // a: no answer within the timeout, next in 4 s
    clock.advanceSecs(3);
    p = pass(d);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->delivered + p->retried + p->failed, 0);
    clock.advanceSecs(1);
    p = pass(d);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->delivered, 1); // a, at last
    // Much later: the 400 is never sent again, the delivered never twice.
    clock.advanceSecs(3600);
    p = pass(d);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->delivered + p->retried + p->failed, 0);
    ASSERT_TRUE(d.release().ok());

    EXPECT_EQ(state(a), u"delivered 4");
    EXPECT_EQ(state(b), u"failed 1");
    EXPECT_EQ(state(c), u"delivered 2");
    EXPECT_EQ(scalar(u"SELECT last_error FROM notifications WHERE id = %1"_s.arg(b)).toString(),
              u"HTTP 400");

    const auto sentA = server.requestsFor("/a");
    ASSERT_EQ(sentA.size(), 4);
    for (const auto &r : sentA) {
        EXPECT_EQ(r.idempotencyKey, "key-a"); // the same key on every retry
        EXPECT_EQ(r.contentType, "application/json");
        EXPECT_EQ(QString::fromUtf8(r.body), payloadFor(u"key-a"_s));
    }
    ASSERT_EQ(server.requestsFor("/b").size(), 1);
    EXPECT_EQ(server.requestsFor("/b")[0].idempotencyKey, "key-b");
    ASSERT_EQ(late.requestsFor("/c").size(), 1);
    EXPECT_EQ(late.requestsFor("/c")[0].idempotencyKey, "key-c");

    // The history: each attempt and the outcome, as the system, naming the
    // contact and the status or the error.
    const auto historyA = events(u"contact key-a"_s);
    ASSERT_EQ(historyA.size(), 4);
    EXPECT_EQ(historyA[0].type, u"notification_attempt_failed");
    EXPECT_EQ(historyA[0].data[u"http_status"].toInt(), 500);
    EXPECT_EQ(qint64(historyA[0].data[u"next_attempt_at"].toDouble()),
              t0.addSecs(1).toMSecsSinceEpoch());
    EXPECT_EQ(historyA[1].type, u"notification_attempt_failed");
    EXPECT_EQ(historyA[1].data[u"http_status"].toInt(), 429);
    EXPECT_EQ(qint64(historyA[1].data[u"next_attempt_at"].toDouble()),
              t0.addSecs(1 + 2).toMSecsSinceEpoch());
    EXPECT_EQ(historyA[2].type, u"notification_attempt_failed");
    EXPECT_FALSE(historyA[2].data.contains(u"http_status"));
    EXPECT_TRUE(historyA[2].data[u"error"].toString().contains(u"timed out"))
        << historyA[2].data[u"error"].toString().toStdString();
    EXPECT_EQ(historyA[3].type, u"notification_delivered");
    EXPECT_EQ(historyA[3].data[u"http_status"].toInt(), 200);
    const auto historyB = events(u"contact key-b"_s);
    ASSERT_EQ(historyB.size(), 1);
    EXPECT_EQ(historyB[0].type, u"notification_failed");
    EXPECT_EQ(historyB[0].data[u"http_status"].toInt(), 400);
    const auto historyC = events(u"contact key-c"_s);
    ASSERT_EQ(historyC.size(), 2);
    EXPECT_EQ(historyC[0].type, u"notification_attempt_failed");
    EXPECT_EQ(historyC[0].data[u"error"].toString(), u"connection refused");
    EXPECT_EQ(historyC[1].type, u"notification_delivered");
    for (const auto &list : { historyA, historyB, historyC }) {
        for (const Event &e : list) {
            EXPECT_EQ(e.actor, u"system");
            EXPECT_NE(EventTitles::eventTitle(e.type), e.type) << e.type.toStdString();
        }
    }
}

// The whole way: a person's registration and referral write their messages, and
// the dispatcher (under the same login) delivers each once over HTTP.
TEST_P(DispatcherTest, ARegistrationAndAReferralReachTheirRecipientsOverHttpOnce)
{
    AdministrationService admin(*owner, clock, 1000);
    Contact unit;
    unit.agencyCode = u"tax"_s;
    unit.name = u"tax-unit"_s;
    unit.role = ContactRole::Unit;
    unit.webhook = server.url(u"/unit"_s);
    Contact sms;
    sms.name = u"sms"_s;
    sms.role = ContactRole::CitizenSms;
    sms.webhook = server.url(u"/sms"_s);
    for (const Contact &c : { unit, sms })
        ASSERT_TRUE(admin.addContact(AdministrationService::systemActor(), c));
    const QString actor = staff->session().staff ? staff->session().login : QString();
    QString as = actor;
    if (as.isEmpty()) {
        ASSERT_TRUE(addTestUser(*owner, u"op"_s, Role::Operator, clock.nowUtc()));
        as = u"op"_s;
    }
    IntakeService intake(*staff, ReferenceRepository(*staff).load().value(), clock);
    auto c = intake.registerComplaint(sampleDraft(), as);
    ASSERT_TRUE(c) << c.error().message.toStdString() << c.error().detail.toStdString();
    ActionRequest refer;
    refer.action = Action::Refer;
    refer.code = c->trackingCode;
    refer.actor = as;
    auto referred = WorkflowService(*staff, clock).perform(refer);
    ASSERT_TRUE(referred) << referred.error().message.toStdString()
                          << referred.error().detail.toStdString();

    Dispatcher d(*staff, clock, fastOptions());
    auto p = pass(d);
    ASSERT_TRUE(p) << p.error().message.toStdString() << p.error().detail.toStdString();
    EXPECT_EQ(p->delivered, 2);
    ASSERT_TRUE(d.release());
    const auto toSms = server.requestsFor("/sms");
    const auto toUnit = server.requestsFor("/unit");
    ASSERT_EQ(toSms.size(), 1);
    ASSERT_EQ(toUnit.size(), 1);
    const QJsonObject text = QJsonDocument::fromJson(toSms[0].body).object();
    EXPECT_EQ(text[u"tracking_code"].toString(), c->trackingCode);
    EXPECT_EQ(text[u"to"].toString(), u"+989121234567");
    const QJsonObject referral = QJsonDocument::fromJson(toUnit[0].body).object();
    EXPECT_EQ(referral[u"tracking_code"].toString(), c->trackingCode);
    EXPECT_EQ(referral[u"status"].toString(), u"referred");
    EXPECT_FALSE(referral.contains(u"citizen"));
    EXPECT_NE(toSms[0].idempotencyKey, toUnit[0].idempotencyKey);
    for (const char16_t *contact : { u"sms", u"tax-unit" }) {
        const auto delivered = events(QStringView(contact).toString());
        ASSERT_EQ(delivered.size(), 1) << QStringView(contact).toString().toStdString();
        EXPECT_EQ(delivered[0].type, u"notification_delivered");
        EXPECT_EQ(delivered[0].actor, u"system");
    }
}

TEST_P(DispatcherTest, TheLeaseMovesWhenItsHolderStopsRenewing)
{
    Dispatcher first(*staff, clock, fastOptions());
    Dispatcher second(*staff, clock, fastOptions());
    ASSERT_NE(first.holderId(), second.holderId());
    auto p = first.sendDue();
    ASSERT_TRUE(p.ok()) << p.error().message.toStdString() << " " << p.error().detail.toStdString();
    EXPECT_TRUE(p->held);
    const qint64 m = insert(server.url(u"/m"_s), u"key-m"_s);

    // `first` stops renewing. Within its lease, `second` only idles.
    clock.advanceSecs(29);
    p = second.sendDue();
    ASSERT_TRUE(p.ok());
    EXPECT_FALSE(p->held);
    EXPECT_EQ(p->lease.holder, first.holderId());
    EXPECT_EQ(p->lease.expiresAt, clock.nowUtc().addSecs(1));
    EXPECT_TRUE(server.requests().isEmpty());
    clock.advanceSecs(1);
    p = second.sendDue();
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->held);
    EXPECT_EQ(p->delivered, 1);
    EXPECT_EQ(state(m), u"delivered 1");

    // The old holder can record nothing any more.
    const qint64 n = insert(server.url(u"/n"_s), u"key-n"_s);
    DispatchRepository::Attempt delivered;
    auto recorded =
        DispatchRepository(*staff).record(first.holderId(), n, clock.nowUtc(), delivered);
    ASSERT_TRUE(recorded.ok()) << recorded.error().detail.toStdString();
    EXPECT_FALSE(*recorded);
    EXPECT_EQ(state(n), u"pending 0");
    p = first.sendDue();
    ASSERT_TRUE(p.ok());
    EXPECT_FALSE(p->held);
    EXPECT_EQ(p->lease.holder, second.holderId());
    EXPECT_TRUE(server.requestsFor("/n").isEmpty());

    // Released: the next takes it at once.
    ASSERT_TRUE(second.release().ok());
    p = first.sendDue();
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->held);
    EXPECT_EQ(p->delivered, 1);
    EXPECT_EQ(server.requestsFor("/m").size(), 1);
    EXPECT_EQ(server.requestsFor("/n").size(), 1);
}

TEST_P(DispatcherTest, OnPostgreSQLAStaffLoginWritesTheOutboxOnlyThroughTheFunctions)
{
    if (GetParam() != Backend::PostgreSQL)
        GTEST_SKIP() << "SQLite has no logins";
    const qint64 m = insert(server.url(u"/m"_s), u"key-m"_s);
    QSqlQuery q(staff->connection());
    for (const QString &sql :
         { u"UPDATE notifications SET state = 'delivered' WHERE id = %1"_s.arg(m),
           u"UPDATE dispatch_leases SET holder = 'me', expires_at = 9999999999999"_s,
           u"INSERT INTO complaint_events (complaint_id, at, actor, type, data)"
           " VALUES (%1, 1, 'system', 'notification_delivered', '{}')"_s.arg(complaintId) }) {
        EXPECT_FALSE(q.exec(sql)) << sql.toStdString();
    }
    // Recording without the lease: refused by the function.
    DispatchRepository::Attempt delivered;
    auto recorded = DispatchRepository(*staff).record(u"me"_s, m, clock.nowUtc(), delivered);
    ASSERT_TRUE(recorded.ok()) << recorded.error().detail.toStdString();
    EXPECT_FALSE(*recorded);
    // A lease for ever: refused.
    EXPECT_FALSE(q.exec(u"SELECT fouad_take_lease('notifications', 'me', 0, 999999999)"_s));
    EXPECT_EQ(state(m), u"pending 0");
    EXPECT_EQ(
        scalar(u"SELECT COUNT(*) FROM complaint_events WHERE type LIKE 'notification%'"_s).toInt(),
        0);
}

TEST_P(DispatcherTest, TwoDispatchersOnThreadsDeliverNothingTwice)
{
    constexpr int Messages = 30;
    for (int i = 0; i < Messages; ++i)
        insert(server.url(u"/t%1"_s.arg(i)), u"key-t%1"_s.arg(i));
    std::atomic<int> delivered = 0;
    std::atomic<int> errors = 0;
    auto work = [&] {
        {
            Dispatcher d(*staff, clock, fastOptions());
            // Until it has held the lease once: the other may be sending.
            for (int tries = 0; tries < 5000; ++tries) {
                auto p = d.sendDue();
                if (!p) {
                    ++errors;
                    break;
                }
                delivered += p->delivered;
                if (p->held) {
                    if (!d.release())
                        ++errors;
                    break;
                }
                QThread::msleep(2);
            }
        }
        staff->closeConnection();
    };
    std::unique_ptr<QThread> one(QThread::create(work));
    std::unique_ptr<QThread> two(QThread::create(work));
    one->start();
    two->start();
    ASSERT_TRUE(waitFor([&] { return one->isFinished() && two->isFinished(); }, 60000));
    EXPECT_EQ(errors.load(), 0);
    EXPECT_EQ(delivered.load(), Messages);
    EXPECT_EQ(server.requests().size(), Messages);
    for (int i = 0; i < Messages; ++i)
        EXPECT_EQ(server.requestsFor(u"/t%1"_s.arg(i).toUtf8()).size(), 1) << i;
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM notifications WHERE state = 'delivered'"_s).toInt(),
              Messages);
}

// The built fouadctl, with the real clock: messages are due at once (0).
class CtlProcess
{
public:
    CtlProcess(const DatabaseUrl &url, const QStringList &args)
    {
        m_process.start(QStringLiteral(FOUADCTL_PATH),
                        QStringList { u"--db"_s, url.toString() } + args);
        m_process.closeWriteChannel();
    }
    ~CtlProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool finished() const { return m_process.state() == QProcess::NotRunning; }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QString out() { return m_out += QString::fromUtf8(m_process.readAllStandardOutput()); }
    QString err() { return m_err += QString::fromUtf8(m_process.readAllStandardError()); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_out;
    QString m_err;
};

TEST_P(DispatcherTest, TwoNotifyRunProcessesDeliverNothingTwice)
{
    constexpr int Messages = 30;
    for (int i = 0; i < Messages; ++i)
        insert(server.url(u"/p%1"_s.arg(i)), u"key-p%1"_s.arg(i), 0);
    CtlProcess one(staffUrl, { u"notify"_s, u"run"_s, u"--until-idle"_s });
    CtlProcess two(staffUrl, { u"notify"_s, u"run"_s, u"--until-idle"_s });
    ASSERT_TRUE(waitFor([&] { return one.finished() && two.finished(); }, 60000));
    EXPECT_EQ(one.exitCode(), 0) << one.err().toStdString();
    EXPECT_EQ(two.exitCode(), 0) << two.err().toStdString();
    const int sent = one.out().section(u' ', 0, 0).toInt() + two.out().section(u' ', 0, 0).toInt();
    EXPECT_EQ(sent, Messages) << one.out().toStdString() << two.out().toStdString();
    EXPECT_EQ(server.requests().size(), Messages);
    for (int i = 0; i < Messages; ++i)
        EXPECT_EQ(server.requestsFor(u"/p%1"_s.arg(i).toUtf8()).size(), 1) << i;
    EXPECT_EQ(scalar(u"SELECT holder IS NULL FROM dispatch_leases"_s).toBool(), true)
        << "each run releases its lease";
}

TEST_P(DispatcherTest, NotifyRunUntilIdleWaitsForTheLeaseThenExitsOneNamingTheHolder)
{
    const qint64 m = insert(server.url(u"/w"_s), u"key-w"_s, 0);
    // A console elsewhere took the lease 29 s ago and has stopped renewing.
    const qint64 expires = QDateTime::currentMSecsSinceEpoch() + 1000;
    scalar(u"UPDATE dispatch_leases SET holder = 'desk-7:4242:ab', expires_at = %1"_s.arg(expires));
    QElapsedTimer elapsed;
    elapsed.start();
    {
        CtlProcess run(staffUrl, { u"notify"_s, u"run"_s, u"--until-idle"_s });
        ASSERT_TRUE(waitFor([&] { return run.finished(); }, 30000));
        EXPECT_EQ(run.exitCode(), 0) << run.err().toStdString();
        EXPECT_GE(elapsed.elapsed(), 900) << "it waited for the lease's expiry";
        EXPECT_EQ(state(m), u"delivered 1");
    }
    // A holder that keeps renewing: after waiting up to the expiry, exit 1 naming it.
    // Renewed every 0.1 s to 3 s ahead: a loaded machine may not run this
    // thread's timer for a while, and a lapse would let the child take over.
    constexpr qint64 Ahead = 3000;
    scalar(u"UPDATE dispatch_leases SET holder = 'desk-7:4242:ab', expires_at = %1"_s.arg(
        QDateTime::currentMSecsSinceEpoch() + Ahead));
    bool renewing = true;
    QTimer renew;
    QObject::connect(&renew, &QTimer::timeout, [&] {
        if (renewing)
            scalar(u"UPDATE dispatch_leases SET expires_at = %1"_s.arg(
                QDateTime::currentMSecsSinceEpoch() + Ahead));
    });
    renew.start(100);
    elapsed.restart();
    CtlProcess run(staffUrl, { u"notify"_s, u"run"_s, u"--until-idle"_s });
    ASSERT_TRUE(waitFor([&] { return run.finished(); }, 30000));
    renewing = false;
    EXPECT_EQ(run.exitCode(), 1) << run.err().toStdString();
    EXPECT_TRUE(run.err().contains(u"desk-7:4242:ab")) << run.err().toStdString();
    EXPECT_GE(elapsed.elapsed(), Ahead - 300);
    EXPECT_LT(elapsed.elapsed(), 15000);
}

TEST_P(DispatcherTest, NotifyRunSendsUntilSigtermThenReleasesItsLease)
{
    CtlProcess run(staffUrl, { u"notify"_s, u"run"_s });
    ASSERT_TRUE(waitFor(
        [&] {
            return scalar(u"SELECT COUNT(*) FROM dispatch_leases WHERE holder IS NOT NULL"_s)
                       .toInt()
                == 1;
        },
        20000))
        << run.err().toStdString();
    // Written while it runs: sent on its next look.
    const qint64 m = insert(server.url(u"/s"_s), u"key-s"_s, 0);
    ASSERT_TRUE(waitFor([&] { return server.requestsFor("/s").size() == 1; }, 20000))
        << run.err().toStdString();
    ASSERT_TRUE(waitFor([&] { return state(m) == u"delivered 1"; }, 5000));
    run.process().terminate(); // SIGTERM
    ASSERT_TRUE(waitFor([&] { return run.finished(); }, 20000));
    EXPECT_EQ(run.exitCode(), 0) << run.err().toStdString();
    EXPECT_EQ(scalar(u"SELECT holder IS NULL FROM dispatch_leases"_s).toBool(), true);
}

// The holder dies mid-send (SIGKILL: no release, its attempt never recorded).
// fouad_take_lease (and SQLite's statement) compares expires_at with the
// asker's `now`, so the dispatcher here, its clock moved to the expiry, takes
// over without 30 s of wall time.
TEST_P(DispatcherTest, TheLeaseMovesWhenItsHolderProcessIsKilled)
{
    constexpr int Messages = 6;
    constexpr int InFlight = 2; // never answered: the child waits for it (10 s)
    server.script("/k2", { ScriptedHttpServer::Silent });
    QList<qint64> ids;
    for (int i = 0; i < Messages; ++i)
        ids << insert(server.url(u"/k%1"_s.arg(i)), u"key-k%1"_s.arg(i), 0);
    CtlProcess run(staffUrl, { u"notify"_s, u"run"_s });
    ASSERT_TRUE(waitFor([&] { return !server.requestsFor("/k2").isEmpty(); }, 20000))
        << run.err().toStdString();
    ASSERT_TRUE(waitFor([&] { return state(ids[InFlight - 1]) == u"delivered 1"; }, 5000));

    // The database names the child as the holder.
    auto lease = DispatchRepository(*owner).currentLease({});
    ASSERT_TRUE(lease.ok()) << lease.error().detail.toStdString();
    const Lease held = *lease;
    EXPECT_EQ(held.holder.section(u':', -2, -2), QString::number(run.process().processId()))
        << held.holder.toStdString();
    EXPECT_TRUE(run.err().contains(held.holder)) << run.err().toStdString();

    run.process().kill(); // SIGKILL
    ASSERT_TRUE(waitFor([&] { return run.finished(); }, 10000));
    EXPECT_EQ(run.process().exitStatus(), QProcess::CrashExit);
    const QDateTime killedAt = QDateTime::currentDateTimeUtc();
    // Nothing released: the dead holder's lease stands until it expires, at most
    // one lease period after the kill; the message in flight is still pending.
    lease = DispatchRepository(*owner).currentLease({});
    ASSERT_TRUE(lease.ok());
    EXPECT_EQ(lease->holder, held.holder);
    EXPECT_LE(killedAt.msecsTo(lease->expiresAt), Dispatcher::Options().leaseMs);
    EXPECT_EQ(state(ids[InFlight]), u"pending 0");

    Dispatcher next(*staff, clock, silentOptions());
    clock.set(lease->expiresAt.addMSecs(-1));
    auto p = next.sendDue();
    ASSERT_TRUE(p.ok()) << p.error().detail.toStdString();
    EXPECT_FALSE(p->held) << "the lease is the dead holder's until it expires";
    EXPECT_EQ(p->lease.holder, held.holder);
    clock.set(lease->expiresAt);
    const QDateTime takeover = clock.nowUtc();
    p = next.sendDue();
    ASSERT_TRUE(p.ok()) << p.error().detail.toStdString();
    EXPECT_TRUE(p->held);
    EXPECT_EQ(p->delivered, Messages - InFlight);
    EXPECT_EQ(DispatchRepository(*owner).currentLease({})->holder.toStdString(),
              next.holderId().toStdString());
    ASSERT_TRUE(next.release().ok());

    // Every message delivered; the one in flight at the kill arrived again, under
    // its own key (at least once); no message under two keys, no key on two.
    QHash<QByteArray, QSet<QByteArray>> keysByPath, pathsByKey;
    for (const auto &r : server.requests()) {
        keysByPath[r.path] << r.idempotencyKey;
        pathsByKey[r.idempotencyKey] << r.path;
    }
    for (int i = 0; i < Messages; ++i) {
        const QByteArray path = u"/k%1"_s.arg(i).toUtf8();
        EXPECT_EQ(state(ids[i]), u"delivered 1") << i;
        EXPECT_EQ(server.requestsFor(path).size(), i == InFlight ? 2 : 1) << i;
        EXPECT_EQ(keysByPath.value(path), QSet<QByteArray> { u"key-k%1"_s.arg(i).toUtf8() }) << i;
    }
    for (auto it = pathsByKey.cbegin(); it != pathsByKey.cend(); ++it)
        EXPECT_EQ(it.value().size(), 1) << it.key().toStdString();

    // The history: one delivery each, as the system; the takeover's at its time.
    QSqlQuery q(owner->connection());
    ASSERT_TRUE(q.exec(u"SELECT data, actor, at FROM complaint_events"
                       " WHERE type = 'notification_delivered' ORDER BY id"_s));
    QHash<QString, qint64> deliveredAt;
    while (q.next()) {
        const QString contact =
            QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object()[u"contact"].toString();
        EXPECT_EQ(q.value(1).toString(), u"system") << contact.toStdString();
        EXPECT_FALSE(deliveredAt.contains(contact)) << "delivered twice: " << contact.toStdString();
        deliveredAt[contact] = q.value(2).toLongLong();
    }
    ASSERT_EQ(deliveredAt.size(), Messages);
    for (int i = 0; i < Messages; ++i) {
        const qint64 at = deliveredAt.value(u"contact key-k%1"_s.arg(i));
        if (i < InFlight)
            EXPECT_LT(at, takeover.toMSecsSinceEpoch()) << "the child's, on the real clock " << i;
        else
            EXPECT_EQ(at, takeover.toMSecsSinceEpoch()) << "the takeover's " << i;
    }
    EXPECT_EQ(
        scalar(u"SELECT COUNT(*) FROM complaint_events WHERE type LIKE 'notification%'"_s).toInt(),
        Messages);
}

// The supervisors' list of messages that failed for good, and retry-now: the
// message is sent again under its key, and the history says who asked.
TEST_P(DispatcherTest, ASupervisorSendsAFailedNotificationAgain)
{
    server.script("/r", { 404 });
    const qint64 r = insert(server.url(u"/r"_s), u"key-r"_s);
    Dispatcher d(*staff, clock, fastOptions());
    auto p = d.sendDue();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->failed, 1);
    ASSERT_TRUE(d.release().ok());

    User supervisor;
    supervisor.name = u"sara"_s;
    supervisor.role = Role::Supervisor;
    std::shared_ptr<Database> asSupervisor = owner;
    if (GetParam() == Backend::PostgreSQL) {
        supervisor.name = testDb->url().database + u"_sup"_s;
        ASSERT_TRUE(addTestUser(*owner, supervisor.name, Role::Supervisor, clock.nowUtc()).ok());
        DatabaseUrl url = testDb->url();
        url.user = supervisor.name;
        url.password = u"a-long-password"_s;
        auto opened = Database::open(url);
        ASSERT_TRUE(opened.ok()) << opened.error().detail.toStdString();
        asSupervisor = *opened;
    }
    auto failed = DispatchRepository(*asSupervisor).failed(10);
    ASSERT_TRUE(failed.ok()) << failed.error().detail.toStdString();
    ASSERT_EQ(failed->size(), 1);
    EXPECT_EQ(failed->at(0).id, r);
    EXPECT_EQ(failed->at(0).lastError, u"HTTP 404");
    EXPECT_FALSE(failed->at(0).trackingCode.isEmpty());

    // An operator may not; on PostgreSQL the database refuses the login too.
    User op;
    op.name = staffUrl.user.isEmpty() ? u"olga"_s : staffUrl.user;
    op.role = Role::Operator;
    auto refused = DispatchRepository(*staff).retryNow(r, op, clock.nowUtc());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Forbidden);
    if (GetParam() == Backend::PostgreSQL) {
        QSqlQuery q(staff->connection());
        EXPECT_FALSE(q.exec(u"SELECT fouad_retry_notification(%1, 0)"_s.arg(r)));
    }
    EXPECT_EQ(state(r), u"failed 1");

    clock.advanceSecs(60);
    auto retried = DispatchRepository(*asSupervisor).retryNow(r, supervisor, clock.nowUtc());
    ASSERT_TRUE(retried.ok()) << retried.error().detail.toStdString();
    EXPECT_TRUE(*retried);
    EXPECT_FALSE(*DispatchRepository(*asSupervisor).retryNow(r, supervisor, clock.nowUtc()))
        << "pending already";
    EXPECT_EQ(state(r), u"pending 1");
    p = d.sendDue();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->delivered, 1);
    EXPECT_EQ(state(r), u"delivered 2");
    const auto sent = server.requestsFor("/r");
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[0].idempotencyKey, sent[1].idempotencyKey);
    const auto history = events(u"contact key-r"_s);
    ASSERT_EQ(history.size(), 3);
    EXPECT_EQ(history[0].type, u"notification_failed");
    EXPECT_EQ(history[1].type, u"notification_retried");
    EXPECT_EQ(history[1].actor, supervisor.name);
    EXPECT_NE(EventTitles::eventTitle(history[1].type), history[1].type);
    EXPECT_EQ(history[2].type, u"notification_delivered");
    EXPECT_EQ(history[2].actor, u"system");
}

// What every console runs: on its own thread, idling while another holds the
// lease, releasing it when the console quits.
TEST_P(DispatcherTest, TheConsolesThreadSendsIdlesBesideAnotherAndReleasesWhenStopped)
{
    const qint64 m = insert(server.url(u"/c"_s), u"key-c"_s);
    Dispatcher::Options options = fastOptions();
    options.pollMs = 20;
    // Another holds the lease: the console's dispatcher only waits.
    Dispatcher other(*staff, clock, options);
    ASSERT_TRUE(other.sendDue().ok());
    DispatcherThread console(staffUrl, clock, options);
    QString failure;
    QObject::connect(&console, &DispatcherThread::failed, &console, // emitted on this thread
                     [&](const QString &message) { failure = message; });
    console.start();
    // The other's pass sent the message already; a second one, while the console idles.
    const qint64 n = insert(server.url(u"/d"_s), u"key-d"_s);
    waitFor([] { return false; }, 300);
    EXPECT_TRUE(server.requestsFor("/d").isEmpty());
    EXPECT_EQ(state(m), u"delivered 1");
    // Released: the console takes over within a poll.
    ASSERT_TRUE(other.release().ok());
    ASSERT_TRUE(waitFor([&] { return state(n) == u"delivered 1"; }, 10000))
        << failure.toStdString();
    EXPECT_EQ(server.requestsFor("/d").size(), 1);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM dispatch_leases WHERE holder IS NOT NULL"_s).toInt(),
              1);
    console.stop();
    EXPECT_EQ(scalar(u"SELECT holder IS NULL FROM dispatch_leases"_s).toBool(), true);
    EXPECT_TRUE(failure.isEmpty()) << failure.toStdString();
}

// Passes that cannot run (here the outbox's table is away) say so each time;
// the first pass that runs again says it once, not every pass after.
TEST_P(DispatcherTest, SaysOnceThatItRecoveredAfterFailedPasses)
{
    Dispatcher::Options options = fastOptions();
    options.pollMs = 10;
    Dispatcher d(*staff, clock, options);
    int failures = 0, recoveries = 0;
    QObject::connect(&d, &Dispatcher::passFailed, &d, [&](const QString &) { ++failures; });
    QObject::connect(&d, &Dispatcher::recovered, &d, [&] { ++recoveries; });
    auto rename = [&](const QString &from, const QString &to) {
        QSqlQuery q(owner->connection());
        ASSERT_TRUE(q.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(from, to)))
            << q.lastError().text().toStdString();
    };
    // A pass that ran renews the lease: its expiry follows the clock.
    auto leaseExpiry = [&] {
        return scalar(u"SELECT expires_at FROM dispatch_leases"_s).toLongLong();
    };
    d.start();
    waitFor([] { return false; }, 100);
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(recoveries, 0) << "nothing failed: nothing recovered";

    for (int round = 1; round <= 2; ++round) {
        rename(u"notifications"_s, u"notifications_away"_s);
        const int before = failures;
        ASSERT_TRUE(waitFor([&] { return failures >= before + 3; }, 10000));
        EXPECT_EQ(recoveries, round - 1);
        rename(u"notifications_away"_s, u"notifications"_s);
        ASSERT_TRUE(waitFor([&] { return recoveries == round; }, 10000)) << round;
        // Several passes later, still one.
        const int failed = failures;
        const qint64 expiry = leaseExpiry();
        for (int passes = 0; passes < 5; ++passes) {
            clock.advanceSecs(1); // each renewal moves the expiry
            const qint64 seen = leaseExpiry();
            ASSERT_TRUE(waitFor([&] { return leaseExpiry() > seen; }, 10000));
        }
        EXPECT_GT(leaseExpiry(), expiry);
        EXPECT_EQ(failures, failed);
        EXPECT_EQ(recoveries, round);
    }
    d.stop();
}

// A console whose database will not open yet (here a file stands where its
// folder goes) tries again every poll; once it opens, it sends, and says that
// it recovered once.
TEST_P(DispatcherTest, TheConsolesThreadOpensItsDatabaseWhenItCanThenSends)
{
    if (GetParam() == Backend::PostgreSQL)
        GTEST_SKIP() << "SQLite is enough: a database that cannot be opened yet";
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString blocker = dir.filePath(u"centre"_s);
    {
        QFile file(blocker);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    const DatabaseUrl url = DatabaseUrl::sqlite(blocker + u"/fouad.db"_s);
    Dispatcher::Options options = fastOptions();
    options.pollMs = 20;
    DispatcherThread console(url, clock, options);
    int failures = 0, recoveries = 0;
    QObject::connect(&console, &DispatcherThread::failed, &console, // emitted on this thread
                     [&](const QString &) { ++failures; });
    QObject::connect(&console, &DispatcherThread::recovered, &console, [&] { ++recoveries; });
    console.start();
    ASSERT_TRUE(waitFor([&] { return failures >= 3; }, 10000));
    EXPECT_EQ(recoveries, 0);

    ASSERT_TRUE(QFile::remove(blocker)); // now the folder, and the database, can be made
    ASSERT_TRUE(waitFor([&] { return recoveries == 1; }, 10000)) << failures;
    const int failed = failures;
    // The database it opened: a message written there is sent.
    auto opened = Database::open(url);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    owner = *opened;
    IntakeService intake(*owner, ReferenceRepository(*owner).load().value(), clock);
    complaintId = intake.registerComplaint(sampleDraft())->id;
    const qint64 m = insert(server.url(u"/late"_s), u"key-late"_s);
    ASSERT_TRUE(waitFor([&] { return state(m) == u"delivered 1"; }, 10000));
    EXPECT_EQ(server.requestsFor("/late").size(), 1);
    waitFor([] { return false; }, 200);
    EXPECT_EQ(failures, failed);
    EXPECT_EQ(recoveries, 1);
    console.stop();
}

INSTANTIATE_TEST_SUITE_P(Backends, DispatcherTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
