#include "domain/trackingcode.h"
#include "seed/demoseeder.h"
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/referencerepository.h"
#include "storage/statsrepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <thread>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

ComplaintDraft draft(const QString &name, const QString &phone, const QString &agency = s(u"tax"))
{
    ComplaintDraft d;
    d.channel = s(u"line128");
    d.citizenName = name;
    d.phone = phone;
    d.province = s(u"qazvin");
    d.agency = agency;
    d.category = s(u"system_down");
    d.priority = s(u"urgent");
    d.description = s(u"سامانه از صبح قطع است.");
    return d;
}

class ComplaintRepositoryTest : public ::testing::TestWithParam<Backend>
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
        repo = std::make_unique<ComplaintRepository>(*db);
    }

    void TearDown() override
    {
        intake.reset();
        repo.reset();
        db.reset();
        testDb.reset();
    }

    Complaint add(const QString &name, const QString &phone, qint64 minutesAgo = 0)
    {
        ComplaintDraft d = draft(name, phone);
        d.receivedAt = clock.nowUtc().addSecs(-60 * minutesAgo);
        auto result = intake->registerComplaint(d);
        EXPECT_TRUE(result.ok()) << result.error().message.toStdString();
        return result.ok() ? result.value() : Complaint();
    }

    qint64 countRows(const QString &table)
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table));
        q.next();
        return q.value(0).toLongLong();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
    std::unique_ptr<IntakeService> intake;
    std::unique_ptr<ComplaintRepository> repo;
};

TEST_P(ComplaintRepositoryTest, MigratesOnceAndLoadsReferenceData)
{
    EXPECT_EQ(db->schemaVersion(), Migrations::latestVersion());
    EXPECT_EQ(catalog.provinces().size(), 31);
    EXPECT_GE(catalog.agencies().size(), 30);
    EXPECT_EQ(catalog.categories().size(), 11);
    // Opening again changes nothing and duplicates nothing.
    auto again = Database::open(testDb->url());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value()->schemaVersion(), Migrations::latestVersion());
    ASSERT_TRUE(Migrations::loadReferenceData(*db, ReferenceCatalog::builtIn()).ok());
    EXPECT_EQ(countRows(QStringLiteral("provinces")), 31);
    EXPECT_EQ(countRows(QStringLiteral("schema_migrations")), Migrations::latestVersion());
}

TEST_P(ComplaintRepositoryTest, RegistersWithCodeVersionAndHistory)
{
    const Complaint c = add(s(u"زهرا احمدی"), s(u"09121234567"));
    EXPECT_TRUE(TrackingCode::isValid(c.trackingCode));
    EXPECT_GE(c.trackingCode.size(), 8);
    EXPECT_EQ(c.version, 1);

    const auto found = repo->findByCode(c.trackingCode);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->citizen.name, s(u"زهرا احمدی"));
    EXPECT_EQ(found->citizen.phone, s(u"+989121234567"));
    EXPECT_EQ(found->status, Status::Registered);
    EXPECT_EQ(found->receivedAt, clock.nowUtc());
    EXPECT_EQ(found->dueAt, clock.nowUtc().addSecs(3 * 3600));
    ASSERT_EQ(found->history.size(), 1);
    EXPECT_EQ(found->history[0].type, s(u"registered"));
    EXPECT_EQ(found->history[0].actor, s(u"system"));
    EXPECT_EQ(found->history[0].toStatus, s(u"registered"));

    const Complaint second = add(s(u"علی رضایی"), s(u"09350000000"));
    EXPECT_NE(second.trackingCode, c.trackingCode);
    EXPECT_GT(second.id, c.id);
}

TEST_P(ComplaintRepositoryTest, UnknownCodeIsNotFound)
{
    const auto found = repo->findByCode(TrackingCode::fromSequence(999));
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().kind, ErrorKind::NotFound);
}

TEST_P(ComplaintRepositoryTest, RefusedInputWritesNothing)
{
    ComplaintDraft bad = draft(s(u"زهرا"), s(u"0912"));
    const auto result = intake->registerComplaint(bad);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, s(u"citizen.phone"));
    EXPECT_EQ(countRows(QStringLiteral("complaints")), 0);
    EXPECT_EQ(countRows(QStringLiteral("complaint_events")), 0);
}

TEST_P(ComplaintRepositoryTest, SearchIgnoresArabicLettersAndDigitForms)
{
    const Complaint ali = add(s(u"علی کاظمی"), s(u"09121234567"), 10);
    add(s(u"مریم نوری"), s(u"02188776655"), 5);

    auto search = [&](const QString &text) {
        ComplaintQuery q;
        q.search = text;
        auto rows = repo->list(q);
        EXPECT_TRUE(rows.ok());
        QStringList names;
        for (const Complaint &c : rows.value())
            names << c.citizen.name;
        return names;
    };
    EXPECT_EQ(search(s(u"علي كاظمي")), QStringList { s(u"علی کاظمی") }); // Arabic yeh and kaf
    EXPECT_EQ(search(s(u"کاظ")), QStringList { s(u"علی کاظمی") });
    EXPECT_EQ(search(s(u"۰۹۱۲ ۱۲۳ ۴۵۶۷")), QStringList { s(u"علی کاظمی") });
    EXPECT_EQ(search(s(u"+989121234567")), QStringList { s(u"علی کاظمی") });
    EXPECT_EQ(search(s(u"021-8877-6655")), QStringList { s(u"مریم نوری") });
    EXPECT_EQ(search(ali.trackingCode), QStringList { s(u"علی کاظمی") });
    EXPECT_EQ(search(s(u"%")), QStringList {}); // wildcards are literal
    EXPECT_EQ(search(s(u"حسن")), QStringList {});
}

TEST_P(ComplaintRepositoryTest, ListsNewestFirstAndPagesWithoutGapsOrRepeats)
{
    for (int i = 0; i < 25; ++i)
        add(s(u"شهروند ") + QString::number(i), s(u"0912000%1").arg(1000 + i), 25 - i);
    // Two at the same instant: the id breaks the tie.
    add(s(u"همزمان الف"), s(u"09120009998"), 0);
    add(s(u"همزمان ب"), s(u"09120009999"), 0);

    ComplaintQuery q;
    auto all = repo->list(q);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 27);
    for (qsizetype i = 1; i < all->size(); ++i)
        EXPECT_GE(all->at(i - 1).receivedAt, all->at(i).receivedAt);

    for (auto sort :
         { ComplaintQuery::Sort::ReceivedNewestFirst, ComplaintQuery::Sort::DueSoonestFirst }) {
        q.sort = sort;
        q.limit = 4;
        q.after.reset();
        QSet<QString> seen;
        for (;;) {
            auto page = repo->list(q);
            ASSERT_TRUE(page.ok());
            for (const Complaint &c : page.value())
                EXPECT_FALSE(seen.contains(c.trackingCode))
                    << "repeated " << c.trackingCode.toStdString();
            for (const Complaint &c : page.value())
                seen.insert(c.trackingCode);
            if (page->size() < q.limit)
                break;
            const Complaint &last = page->constLast();
            const QDateTime key =
                sort == ComplaintQuery::Sort::DueSoonestFirst ? last.dueAt : last.receivedAt;
            q.after = ComplaintQuery::Position { key.toMSecsSinceEpoch(), last.id };
        }
        EXPECT_EQ(seen.size(), 27);
    }
}

TEST_P(ComplaintRepositoryTest, FiltersByStatusAndCounts)
{
    add(s(u"الف"), s(u"09120000001"));
    add(s(u"ب"), s(u"09120000002"));
    ComplaintQuery q;
    q.status = Status::Registered;
    EXPECT_EQ(repo->list(q)->size(), 2);
    q.status = Status::Closed;
    EXPECT_EQ(repo->list(q)->size(), 0);

    const auto stats = StatsRepository(*db).keyFigures({});
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->total, 2);
    EXPECT_EQ(stats->byStatus.size(), 8);
    EXPECT_EQ(stats->byStatus[0], std::make_pair(s(u"registered"), qint64(2)));
    EXPECT_EQ(stats->byCategory.size(), 11);
}

// The queue behind a dashboard tile or a histogram bar holds exactly the
// complaints the figure counts, as an independent WHERE written out here says.
TEST_P(ComplaintRepositoryTest, TheScopeOfAFigureSelectsWhatItCounts)
{
    DemoSeeder::Options options;
    options.count = 500;
    // Its own inspector: the demo's login is the cluster's, which tests running
    // beside this one on the same PostgreSQL create and drop too.
    ASSERT_TRUE(addTestUser(*db, s(u"insp.scope"), Role::Inspector, clock.nowUtc()).ok());
    const auto seeded = DemoSeeder(*db, catalog, clock).run(options);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString() << " ("
                             << seeded.error().detail.toStdString() << ")";
    using Figure = ComplaintQuery::Scope::Figure;
    using Scope = ComplaintQuery::Scope;
    auto figure = [](Figure f) {
        return [f](Scope &scope) {
            scope.figure = f;
        };
    };
    struct Case
    {
        const char *name;
        std::function<void(Scope &)> narrow;
        const char16_t *where;
    };
    const QList<Case> cases {
        { "any", figure(Figure::Any), u"1 = 1" },
        { "open", figure(Figure::Open), u"status <> 'closed'" },
        { "resolved", figure(Figure::Resolved), u"resolution_seconds IS NOT NULL" },
        { "within target", figure(Figure::WithinTarget), u"resolved_within_target = 1" },
        { "founded", figure(Figure::Founded), u"outcome IN ('founded', 'partly_founded')" },
        { "rated", figure(Figure::Rated), u"satisfaction IS NOT NULL" },
        { "reopened", figure(Figure::Reopened), u"reopen_count > 0" },
        { "escalated", figure(Figure::Escalated), u"status <> 'closed' AND escalation_level > 0" },
        { "resolved in 0:30 to 1:00",
          [](Scope &scope) {
              scope.resolutionFrom = 1800;
              scope.resolutionTo = 3600;
          },
          u"resolution_seconds >= 1800 AND resolution_seconds < 3600" },
        { "resolved in 2:00 or more", [](Scope &scope) { scope.resolutionFrom = 7200; },
          u"resolution_seconds >= 7200" },
        { "founded in Tehran",
          [](Scope &scope) {
              scope.figure = Figure::Founded;
              scope.province = u"tehran"_s;
          },
          u"outcome IN ('founded', 'partly_founded') AND province_code = 'tehran'" },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        QSet<qint64> expected;
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(u"SELECT id FROM complaints WHERE "_s + QStringView(c.where)))
            << q.lastError().text().toStdString();
        while (q.next())
            expected.insert(q.value(0).toLongLong());
        EXPECT_FALSE(expected.isEmpty()) << "nothing to tell apart";
        ComplaintQuery query;
        c.narrow(query.scope);
        auto listed = repo->list(query);
        ASSERT_TRUE(listed.ok()) << listed.error().message.toStdString();
        QSet<qint64> got;
        for (const Complaint &complaint : std::as_const(listed.value()))
            got.insert(complaint.id);
        EXPECT_EQ(listed->size(), got.size());
        EXPECT_EQ(got, expected) << got.size() << " listed, " << expected.size() << " counted";
    }
}

TEST_P(ComplaintRepositoryTest, CountsRecentComplaintsFromTheSamePhone)
{
    add(s(u"الف"), s(u"09120000001"), 60);
    add(s(u"الف"), s(u"09120000001"), 60 * 30); // 30 hours ago: too old
    EXPECT_EQ(intake->recentFromSamePhone(s(u"۰۹۱۲۰۰۰۰۰۰۱"), s(u"tax")).value(), 1);
    EXPECT_EQ(intake->recentFromSamePhone(s(u"09120000001"), s(u"post")).value(), 0);
}

TEST_P(ComplaintRepositoryTest, HistoryIsAppendOnly)
{
    add(s(u"الف"), s(u"09120000001"));
    QSqlQuery q(db->connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE complaint_events SET actor = 'someone'")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM complaint_events")));
    EXPECT_EQ(countRows(QStringLiteral("complaint_events")), 1);
}

// Several consoles registering at once: every code unique, nothing refused.
TEST_P(ComplaintRepositoryTest, ConcurrentIntakeGivesUniqueCodes)
{
    constexpr int Threads = 4;
    constexpr int PerThread = 15;
    std::vector<QStringList> codes(Threads);
    std::vector<QString> errors(Threads);
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&, t] {
            auto opened = Database::open(testDb->url());
            if (!opened) {
                errors[t] = opened.error().message;
                return;
            }
            IntakeService service(*opened.value(), catalog, clock);
            for (int i = 0; i < PerThread; ++i) {
                auto r = service.registerComplaint(
                    draft(s(u"همزمان"), s(u"0912000%1").arg(t * 100 + i + 1000)));
                if (!r) {
                    errors[t] = r.error().message;
                    return;
                }
                codes[t] << r->trackingCode;
            }
        });
    }
    for (auto &th : threads)
        th.join();
    QSet<QString> all;
    for (int t = 0; t < Threads; ++t) {
        EXPECT_TRUE(errors[t].isEmpty()) << errors[t].toStdString();
        for (const QString &c : codes[t])
            all.insert(c);
    }
    EXPECT_EQ(all.size(), Threads * PerThread);
    EXPECT_EQ(countRows(QStringLiteral("complaints")), Threads * PerThread);
}

// A save retried with its client key (the console after a lost connection, an
// integration resending) returns the complaint made the first time.
TEST_P(ComplaintRepositoryTest, ARepeatedClientKeyReturnsTheComplaintAlreadyMade)
{
    ComplaintDraft d = draft(s(u"تکرار"), s(u"09121110000"));
    d.clientKey = s(u"7f0c3a9e-1b2d-4c5e-8f6a-0123456789ab");
    auto first = intake->registerComplaint(d);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    d.description = s(u"همان شکایت، دوباره فرستاده شد.");
    auto again = intake->registerComplaint(d);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->trackingCode, first->trackingCode);
    EXPECT_EQ(again->description, first->description); // the one made, not the resend
    EXPECT_EQ(again->history.size(), 1);
    EXPECT_EQ(countRows(QStringLiteral("complaints")), 1);
    EXPECT_EQ(countRows(QStringLiteral("complaint_events")), 1);

    // Another key, or none, is another complaint.
    d.clientKey = s(u"another-key");
    auto other = intake->registerComplaint(d);
    ASSERT_TRUE(other.ok());
    EXPECT_NE(other->trackingCode, first->trackingCode);
    d.clientKey.clear();
    ASSERT_TRUE(intake->registerComplaint(d).ok());
    ASSERT_TRUE(intake->registerComplaint(d).ok());
    EXPECT_EQ(countRows(QStringLiteral("complaints")), 4);
}

TEST_P(ComplaintRepositoryTest, AMalformedClientKeyIsRefusedNamingTheField)
{
    for (const QString &key : { s(u"has space"), s(u"کلید"), QString(101, u'a') }) {
        ComplaintDraft d = draft(s(u"کلید بد"), s(u"09121110001"));
        d.clientKey = key;
        auto r = intake->registerComplaint(d);
        ASSERT_FALSE(r.ok()) << key.toStdString();
        EXPECT_EQ(r.error().kind, ErrorKind::InvalidInput);
        EXPECT_EQ(r.error().field, s(u"client_key"));
    }
    EXPECT_EQ(countRows(QStringLiteral("complaints")), 0);
}

// The race: another connection has written the key but not yet committed when
// this save looks for it. PostgreSQL makes the insert wait and then refuses it
// as a duplicate; SQLite's write lock makes the whole save wait. Either way the
// save returns the other one's complaint and writes nothing.
TEST_P(ComplaintRepositoryTest, ConcurrentSavesWithOneClientKeyMakeOneComplaint)
{
    const Complaint held = add(s(u"نخست"), s(u"09121110002"));
    const QString key = s(u"race-key-1");
    auto holder = Database::open(testDb->url());
    ASSERT_TRUE(holder.ok());
    QSqlQuery hold(holder.value()->connection());
    ASSERT_TRUE(hold.exec(holder.value()->dialect().beginWrite()));
    ASSERT_TRUE(hold.prepare(QStringLiteral("UPDATE complaints SET client_key = ? WHERE id = ?")));
    hold.addBindValue(key);
    hold.addBindValue(held.id);
    ASSERT_TRUE(hold.exec()) << hold.lastError().text().toStdString();

    std::atomic<bool> done = false;
    Result<Complaint> saved = Error::runtime(QStringLiteral("not run"));
    std::thread save([&] {
        auto opened = Database::open(testDb->url());
        if (!opened) {
            saved = opened.error();
        } else {
            IntakeService service(*opened.value(), catalog, clock);
            ComplaintDraft d = draft(s(u"دوم"), s(u"09121110003"));
            d.clientKey = key;
            saved = service.registerComplaint(d);
        }
        done = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    EXPECT_FALSE(done.load()) << "the save did not wait for the other transaction";
    ASSERT_TRUE(hold.exec(QStringLiteral("COMMIT")));
    save.join();
    ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString() << " "
                            << saved.error().detail.toStdString();
    EXPECT_EQ(saved->trackingCode, held.trackingCode);
    EXPECT_EQ(countRows(QStringLiteral("complaints")), 1);
    EXPECT_EQ(countRows(QStringLiteral("complaint_events")), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ComplaintRepositoryTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
