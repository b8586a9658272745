#include "live/changefeed.h"
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/childctl.h"
#include "support/liveaim.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

class ChangeFeedTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        auto opened = Database::open(testDb->url());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = opened.value();
        auto loaded = ReferenceRepository(*db).load();
        ASSERT_TRUE(loaded.ok());
        catalog = loaded.value();
        intake = std::make_unique<IntakeService>(*db, catalog, clock);
    }

    void TearDown() override
    {
        feed.reset(); // before its database is dropped
        intake.reset();
        db.reset();
        testDb.reset();
    }

    // Collects what the feed delivers.
    void startFeed()
    {
        feed = std::make_unique<ChangeFeed>(testDb->url());
        QObject::connect(feed.get(), &ChangeFeed::changed, feed.get(),
                         [this](const QList<Change> &changes) {
                             for (const Change &c : changes)
                                 heard.append({ c, timer.elapsed() });
                         });
        QSignalSpy ready(feed.get(), &ChangeFeed::ready);
        feed->start();
        ASSERT_TRUE(ready.wait(10000));
    }

    // Waits until `count` changes were heard (or the timeout): true if they were.
    bool waitFor(qsizetype count, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (heard.size() < count && !t.hasExpired(timeoutMs))
            QTest::qWait(10);
        return heard.size() >= count;
    }

    qint64 maxWait() const { return liveAimMs(GetParam()); }
    qint64 lateMs() const { return liveLateMs(GetParam()); }

    Complaint registerOne()
    {
        auto made = intake->registerComplaint(sampleDraft());
        EXPECT_TRUE(made.ok()) << made.error().message.toStdString();
        return made.ok() ? made.value() : Complaint {};
    }

    struct Heard
    {
        Change change;
        qint64 ms;
    };

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock { QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC) };
    std::unique_ptr<IntakeService> intake;
    std::unique_ptr<ChangeFeed> feed;
    QList<Heard> heard;
    QElapsedTimer timer;
};

TEST_P(ChangeFeedTest, StartsAtNowAndDeliversEachCommittedChangeOnceInOrder)
{
    const Complaint before = registerOne(); // before the cursor: not delivered
    startFeed();
    timer.start();
    const Complaint made = registerOne();
    ASSERT_TRUE(waitFor(1, 5000));
    EXPECT_LE(heard.constFirst().ms, lateMs());
    const Change &c = heard.constFirst().change;
    EXPECT_EQ(c.trackingCode, made.trackingCode);
    EXPECT_EQ(c.complaintId, made.id);
    EXPECT_EQ(c.type, s(u"registered"));
    EXPECT_EQ(c.version, 1);
    EXPECT_EQ(c.actor, s(u"system"));
    EXPECT_EQ(c.at, made.receivedAt);

    // Several changes of one complaint arrive in their order, with their versions.
    ComplaintRepository repo(*db);
    Complaint changed = made;
    for (int v = 2; v <= 4; ++v) {
        const int expected = changed.version;
        changed.version = v;
        HistoryEvent e;
        e.at = clock.nowUtc();
        e.actor = s(u"operator1");
        e.type = s(u"note");
        Transaction tx(*db);
        ASSERT_TRUE(tx.begin().ok());
        ASSERT_TRUE(repo.update(changed, expected, { e }).ok());
        ASSERT_TRUE(tx.commit().ok());
    }
    ASSERT_TRUE(waitFor(4, 5000));
    QTest::qWait(int(maxWait()) + 1000); // nothing more comes
    ASSERT_EQ(heard.size(), 4);
    for (int i = 1; i < 4; ++i) {
        EXPECT_EQ(heard.at(i).change.type, s(u"note"));
        EXPECT_EQ(heard.at(i).change.version, i + 1);
        EXPECT_EQ(heard.at(i).change.trackingCode, made.trackingCode);
    }
    for (const Heard &h : std::as_const(heard))
        EXPECT_NE(h.change.trackingCode, before.trackingCode);
}

// Ids are taken at insert: a transaction that inserts first and commits last
// has the lower id, and a cursor of "ids above the last seen" would skip it.
TEST_P(ChangeFeedTest, TransactionCommittingLateIsDeliveredOnce)
{
    const Complaint made = registerOne();
    startFeed();
    timer.start();

    auto second = Database::open(testDb->url()); // another connection, same thread
    ASSERT_TRUE(second.ok());
    auto insertEvent = [&](Database &on, const QString &type) {
        QSqlQuery q(on.connection());
        q.prepare(s(u"INSERT INTO complaint_events (complaint_id, at, actor, type, version)"
                    " VALUES (?, ?, 'operator1', ?, 1)"));
        q.addBindValue(made.id);
        q.addBindValue(clock.nowUtc().toMSecsSinceEpoch());
        q.addBindValue(type);
        return q.exec();
    };
    if (GetParam() == Backend::SQLite) {
        // Writers are serialised there: the late one cannot have inserted first.
        ASSERT_TRUE(insertEvent(*db, s(u"early")));
        ASSERT_TRUE(insertEvent(*second.value(), s(u"late")));
        ASSERT_TRUE(waitFor(2, 5000));
    } else {
        Transaction late(*second.value());
        ASSERT_TRUE(late.begin().ok());
        ASSERT_TRUE(insertEvent(*second.value(), s(u"late"))); // takes the lower id
        ASSERT_TRUE(insertEvent(*db, s(u"early"))); // commits at once
        ASSERT_TRUE(waitFor(1, 5000));
        EXPECT_EQ(heard.constFirst().change.type, s(u"early"));
        QTest::qWait(2500); // a keep-alive look passes while "late" is open
        ASSERT_EQ(heard.size(), 1);
        ASSERT_TRUE(late.commit().ok());
        ASSERT_TRUE(waitFor(2, 5000));
        EXPECT_EQ(heard.at(1).change.type, s(u"late"));
        EXPECT_LT(heard.at(1).change.eventId, heard.at(0).change.eventId);
    }
    QTest::qWait(ChangeFeed::KeepAliveIntervalMs + 1500);
    EXPECT_EQ(heard.size(), 2); // each once
}

// A bulk load (more events than a page, one transaction bigger than a page,
// others smaller) arrives in bounded pages, each event once and in order; on
// PostgreSQL also with a transaction committing late around it and the feed's
// connection cut while it pages.
TEST_P(ChangeFeedTest, BulkLoadArrivesInPagesEachOnceInOrder)
{
    const Complaint made = registerOne();
    startFeed();
    QList<qsizetype> pages;
    QObject::connect(feed.get(), &ChangeFeed::changed, feed.get(),
                     [&pages](const QList<Change> &changes) { pages << changes.size(); });

    auto insertEvents = [&](Database &on, const QString &type, int count) {
        QSqlQuery q(on.connection());
        if (!q.prepare(s(u"INSERT INTO complaint_events (complaint_id, at, actor, type, version)"
                         " VALUES (?, ?, 'operator1', ?, 1)")))
            return false;
        for (int i = 0; i < count; ++i) {
            q.addBindValue(made.id);
            q.addBindValue(clock.nowUtc().toMSecsSinceEpoch());
            q.addBindValue(type);
            if (!q.exec())
                return false;
        }
        return true;
    };
    const bool postgres = GetParam() == Backend::PostgreSQL;
    auto second = Database::open(testDb->url()); // another connection, same thread
    ASSERT_TRUE(second.ok());
    Transaction late(*second.value());
    if (postgres) {
        // Takes a lower id and transaction than the load, and holds the watermark back.
        ASSERT_TRUE(late.begin().ok());
        ASSERT_TRUE(insertEvents(*second.value(), s(u"late"), 1));
    }
    bool cut = false;
    qint64 latePid = 0;
    if (postgres) {
        QSqlQuery q(second.value()->connection());
        ASSERT_TRUE(q.exec(s(u"SELECT pg_backend_pid()")) && q.next());
        latePid = q.value(0).toLongLong();
    }
    if (postgres) {
        // The feed's connection is cut once it delivered its first page.
        QObject::connect(feed.get(), &ChangeFeed::changed, feed.get(), [&, latePid] {
            if (cut)
                return;
            cut = true;
            QSqlQuery q(db->connection());
            q.prepare(s(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND application_name = 'fouad'"
                        " AND pid <> pg_backend_pid() AND pid <> ?"));
            q.addBindValue(latePid);
            EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
        });
    }

    const int big = 2 * ChangeFeed::PageSize + 500;
    const int small = ChangeFeed::PageSize / 2 - 100;
    const QStringList types { s(u"big"), s(u"small1"), s(u"small2"), s(u"small3") };
    if (postgres) {
        // Each on its own connection, all open at once: the big one, with the
        // lowest ids and transaction, commits last, so pages mix transactions,
        // end inside one, and meet one committing late.
        std::vector<std::shared_ptr<Database>> writers;
        std::vector<std::unique_ptr<Transaction>> txs;
        for (const QString &type : types) {
            auto opened = Database::open(testDb->url());
            ASSERT_TRUE(opened.ok());
            writers.push_back(opened.value());
            txs.push_back(std::make_unique<Transaction>(*writers.back()));
            ASSERT_TRUE(txs.back()->begin().ok());
            ASSERT_TRUE(insertEvents(*writers.back(), type, type == u"big" ? big : small));
        }
        for (int i : { 1, 2, 3, 0 })
            ASSERT_TRUE(txs.at(i)->commit().ok());
        txs.clear();
        writers.clear();
    } else {
        for (const QString &type : types) {
            Transaction tx(*db);
            ASSERT_TRUE(tx.begin().ok());
            ASSERT_TRUE(insertEvents(*db, type, type == u"big" ? big : small));
            ASSERT_TRUE(tx.commit().ok());
        }
    }
    const int total = big + 3 * small;
    ASSERT_TRUE(waitFor(total, 30000)) << heard.size() << " of " << total;
    if (postgres) {
        EXPECT_TRUE(cut);
        ASSERT_TRUE(late.commit().ok());
        ASSERT_TRUE(waitFor(total + 1, 10000));
    }
    QTest::qWait(ChangeFeed::KeepAliveIntervalMs + 1500); // nothing more comes
    ASSERT_EQ(heard.size(), total + (postgres ? 1 : 0));

    EXPECT_GT(pages.size(), 1);
    for (qsizetype size : std::as_const(pages))
        EXPECT_LE(size, ChangeFeed::PageSize);
    QSet<qint64> ids;
    QHash<QString, qint64> lastOf; // each transaction's events in their order
    QHash<QString, int> countOf;
    for (const Heard &h : std::as_const(heard)) {
        ids.insert(h.change.eventId);
        EXPECT_GT(h.change.eventId, lastOf.value(h.change.type));
        lastOf[h.change.type] = h.change.eventId;
        ++countOf[h.change.type];
    }
    for (const QString &type : types)
        EXPECT_EQ(countOf.value(type), type == u"big" ? big : small) << type.toStdString();
    EXPECT_EQ(ids.size(), heard.size()); // each once
    if (postgres) {
        EXPECT_EQ(heard.constLast().change.type, s(u"late"));
    }
}

// Another process (the built fouadctl) registers; this one hears it.
TEST_P(ChangeFeedTest, ChangeInAnotherProcessIsHeardWithinOneSecond)
{
    startFeed();
    const ChildRegistration added = registerThroughFouadctl(testDb->url());
    timer.start(); // from the child's exit: its commit is just before
    ASSERT_TRUE(added.finished);
    ASSERT_EQ(added.exitCode, 0) << added.stderrText.toStdString();
    const QString code = added.trackingCode;
    ASSERT_TRUE(waitFor(1, 5000));
    EXPECT_LE(heard.constFirst().ms, lateMs());
    EXPECT_EQ(heard.constFirst().change.trackingCode, code);
    EXPECT_EQ(heard.constFirst().change.type, s(u"registered"));
    std::cout << "heard after " << heard.constFirst().ms << " ms\n";
}

// The PBX (another process) reports calls; the feed of the console on
// extension 101 delivers the one ringing it, with the caller's complaints.
TEST_P(ChangeFeedTest, ACallRingingTheExtensionIsDeliveredWithTheCallersComplaints)
{
    const Complaint earlier = registerOne(); // from 09121234567
    startFeed();
    QList<IncomingCall> calls;
    QElapsedTimer sinceRing;
    qint64 deliveredMs = -1;
    QObject::connect(feed.get(), &ChangeFeed::callRang, feed.get(), [&](const IncomingCall &call) {
        calls.append(call);
        deliveredMs = sinceRing.elapsed();
    });
    // Before an extension is set nothing is delivered.
    ASSERT_EQ(ringThroughFouadctl(testDb->url(), s(u"101"), s(u"09121234567")).exitCode, 0);
    QTest::qWait(int(maxWait()));
    EXPECT_TRUE(calls.isEmpty());

    QSignalSpy watched(feed.get(), &ChangeFeed::callsWatched);
    feed->setCallExtension(s(u"101"));
    ASSERT_TRUE(watched.wait(10000)); // the worker took its calls cursor
    EXPECT_EQ(watched.at(0).at(0).toString(), s(u"101"));
    EXPECT_EQ(feed->watchedExtension(), s(u"101"));
    const ChildCall other = ringThroughFouadctl(testDb->url(), s(u"102"), s(u"09121234567"));
    ASSERT_EQ(other.exitCode, 0) << other.stderrText.toStdString();
    const ChildCall rang =
        ringThroughFouadctl(testDb->url(), s(u"101"), s(u"0912 123 4567"), earlier.trackingCode);
    sinceRing.start();
    ASSERT_EQ(rang.exitCode, 0) << rang.stderrText.toStdString();
    QElapsedTimer t;
    t.start();
    while (calls.isEmpty() && !t.hasExpired(5000))
        QTest::qWait(10);
    ASSERT_EQ(calls.size(), 1);
    EXPECT_LE(deliveredMs, lateMs());
    const IncomingCall &call = calls.constFirst();
    EXPECT_EQ(call.extension, s(u"101"));
    EXPECT_EQ(call.caller, s(u"+989121234567"));
    EXPECT_EQ(call.keyedCode, earlier.trackingCode);
    ASSERT_EQ(call.complaints.size(), 1);
    EXPECT_EQ(call.complaints.constFirst().trackingCode, earlier.trackingCode);
    EXPECT_EQ(call.complaints.constFirst().status, Status::Registered);
    // Past a keep-alive, when PostgreSQL's feed also looks for calls itself.
    QTest::qWait(ChangeFeed::KeepAliveIntervalMs + 1500);
    EXPECT_EQ(calls.size(), 1) << "the other extension's call and nothing twice";
    std::cout << "call delivered after " << deliveredMs << " ms\n";
}

// A call whose NOTIFY never reaches the feed (PostgreSQL can leave one unread
// in libpq when it lands during a query) still rings, by the next keep-alive at
// the latest, and once. Here the row is written without a notification at all.
TEST_P(ChangeFeedTest, ACallWithoutItsNotificationStillRingsOnce)
{
    startFeed();
    QList<IncomingCall> calls;
    QObject::connect(feed.get(), &ChangeFeed::callRang, feed.get(),
                     [&](const IncomingCall &call) { calls.append(call); });
    QSignalSpy watched(feed.get(), &ChangeFeed::callsWatched);
    feed->setCallExtension(s(u"101"));
    ASSERT_TRUE(watched.wait(10000)); // the worker took its calls cursor
    EXPECT_EQ(watched.at(0).at(0).toString(), s(u"101"));
    EXPECT_EQ(feed->watchedExtension(), s(u"101"));
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.prepare(s(u"INSERT INTO calls (extension, caller, keyed_code, rang_at, actor)"
                            " VALUES (?, ?, NULL, ?, ?)")));
    q.addBindValue(s(u"101"));
    q.addBindValue(s(u"+989121234567"));
    q.addBindValue(clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(s(u"pbx"));
    ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    QElapsedTimer t;
    t.start();
    while (calls.isEmpty() && !t.hasExpired(ChangeFeed::KeepAliveIntervalMs + lateMs() + 1000))
        QTest::qWait(10);
    ASSERT_EQ(calls.size(), 1);
    EXPECT_LE(t.elapsed(), ChangeFeed::KeepAliveIntervalMs + lateMs());
    EXPECT_EQ(calls.constFirst().caller, s(u"+989121234567"));
    QTest::qWait(2 * ChangeFeed::KeepAliveIntervalMs + 500);
    EXPECT_EQ(calls.size(), 1) << "delivered once";
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeFeedTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
