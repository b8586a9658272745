// Demo data an administrator can work with: every seeded field inspection has
// an inspector who can record its findings, and every event the demo (and the
// ladder running over it) writes reads in words, not codes.
#include "auth/passwordhasher.h"
#include "domain/eventtitles.h"
#include "seed/demoseeder.h"
#include "services/slaservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QScopeGuard>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

class DemoSeederTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
    }

    // Every complaint seeded in field inspection.
    QList<Complaint> inFieldInspection()
    {
        ComplaintQuery query;
        query.status = Status::FieldInspection;
        auto rows = ComplaintRepository(*db).list(query);
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : QList<Complaint>();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
};

TEST_P(DemoSeederTest, FieldInspectionsHaveAnInspectorWhoCanRecordFindings)
{
    DemoSeeder::Options options;
    options.count = 400;
    ASSERT_TRUE(DemoSeeder(*db, catalog, clock).run(options).ok());
    const QList<Complaint> inspected = inFieldInspection();
    ASSERT_FALSE(inspected.isEmpty()) << "the seed makes no field inspection";

    // The demo's (on PostgreSQL, a numbered one when a database beside this
    // one has the login).
    const QString inspector = inspected.constFirst().inspector;
    EXPECT_TRUE(inspector.startsWith(QStringView(DemoSeeder::DemoInspector)))
        << inspector.toStdString();
    const auto user = UserRepository(*db).find(inspector);
    ASSERT_TRUE(user.ok());
    EXPECT_EQ(user->role, Role::Inspector);
    for (const Complaint &c : inspected) {
        EXPECT_EQ(c.inspector, inspector) << c.trackingCode.toStdString();
        const Complaint full = ComplaintRepository(*db).findByCode(c.trackingCode).value();
        EXPECT_EQ(full.history.constLast().data.value(u"inspector").toString(), inspector);
    }

    ActionRequest findings;
    findings.action = Action::Inspect;
    findings.code = inspected.constFirst().trackingCode;
    findings.actor = inspector;
    findings.note = QStringLiteral("کارمند در محل حاضر بود؛ باجه از ساعت ۹ باز شد.");
    const auto done = WorkflowService(*db, clock).perform(findings);
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    EXPECT_EQ(done->history.constLast().actor, inspector);
}

// Issue 10: the demo names where complaints happened, and it all fits together
// as the intake's rules want it: a city of the province, an office of the
// agency there (in that city).
TEST_P(DemoSeederTest, ComplaintsHappenInCitiesAndOfficesOfTheirProvinceAndAgency)
{
    DemoSeeder::Options options;
    options.count = 1000;
    ASSERT_TRUE(DemoSeeder(*db, catalog, clock).run(options).ok());
    const ReferenceCatalog now = ReferenceRepository(*db).load().value();
    ASSERT_GT(now.offices().size(), 1000) << "the demo's offices";
    for (const Office &o : now.offices()) {
        ASSERT_TRUE(now.city(o.cityCode)) << o.code.toStdString();
        EXPECT_EQ(now.city(o.cityCode)->provinceCode, o.provinceCode) << o.code.toStdString();
    }
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT province_code, agency_code, city_code, office_code,"
                                      " service_desk FROM complaints")));
    int withOffice = 0, withCity = 0, withDesk = 0, total = 0;
    while (q.next()) {
        ++total;
        const QString province = q.value(0).toString();
        if (!q.value(2).isNull()) {
            ++withCity;
            ASSERT_TRUE(now.city(q.value(2).toString()));
            EXPECT_EQ(now.city(q.value(2).toString())->provinceCode, province);
        }
        if (!q.value(3).isNull()) {
            ++withOffice;
            const Office *o = now.office(q.value(3).toString());
            ASSERT_TRUE(o);
            EXPECT_EQ(o->agencyCode, q.value(1).toString());
            EXPECT_EQ(o->provinceCode, province);
            EXPECT_EQ(o->cityCode, q.value(2).toString());
        }
        withDesk += q.value(4).isNull() ? 0 : 1;
    }
    EXPECT_EQ(total, 1000);
    EXPECT_GT(withOffice, 700);
    EXPECT_LT(withOffice, 900);
    EXPECT_GT(withCity, withOffice);
    EXPECT_GT(withDesk, 400);
    EXPECT_LT(withDesk, 600);

    // A second run keeps the offices there are.
    const qsizetype offices = now.offices().size();
    ASSERT_TRUE(DemoSeeder(*db, now, clock).run(options).ok());
    EXPECT_EQ(ReferenceRepository(*db).load()->offices().size(), offices);
}

TEST_P(DemoSeederTest, TheDatabasesOwnInspectorsAreUsedAndNoneIsAdded)
{
    ASSERT_TRUE(addTestUser(*db, QStringLiteral("insp.a"), Role::Inspector, clock.nowUtc()).ok());
    ASSERT_TRUE(addTestUser(*db, QStringLiteral("insp.b"), Role::Inspector, clock.nowUtc()).ok());
    DemoSeeder::Options options;
    options.count = 400;
    ASSERT_TRUE(DemoSeeder(*db, catalog, clock).run(options).ok());
    EXPECT_FALSE(UserRepository(*db).find(QStringView(DemoSeeder::DemoInspector).toString()).ok());
    const QList<Complaint> inspected = inFieldInspection();
    ASSERT_FALSE(inspected.isEmpty());
    for (const Complaint &c : inspected)
        EXPECT_TRUE(c.inspector == u"insp.a" || c.inspector == u"insp.b")
            << c.inspector.toStdString();
}

TEST_P(DemoSeederTest, EveryEventTypeAndReasonWrittenHasATitle)
{
    DemoSeeder::Options options;
    options.count = 400;
    ASSERT_TRUE(DemoSeeder(*db, catalog, clock).run(options).ok());
    SlaService sla(*db, clock);
    ASSERT_TRUE(sla.sweep().ok());
    ASSERT_TRUE(sla.remind().ok());

    // What the database now holds, whoever wrote it.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT DISTINCT type FROM complaint_events")));
    QStringList written;
    while (q.next())
        written << q.value(0).toString();
    for (const char16_t *expected : { u"registered", u"escalated", u"reminder", u"inspect" })
        EXPECT_TRUE(written.contains(QStringView(expected).toString()))
            << QStringView(expected).toString().toStdString();
    for (const QString &type : std::as_const(written)) {
        EXPECT_TRUE(EventTitles::eventTypes().contains(type)) << type.toStdString();
        EXPECT_NE(EventTitles::eventTitle(type), type) << type.toStdString();
    }
    // Every type the core can write, whether the demo wrote it or not.
    for (const QString &type : EventTitles::eventTypes()) {
        const QString shown = EventTitles::eventTitle(type);
        EXPECT_FALSE(shown.isEmpty()) << type.toStdString();
        EXPECT_NE(shown, type) << type.toStdString();
    }
    for (const QString &reason : EventTitles::reasonCodes())
        EXPECT_NE(EventTitles::reasonTitle(reason), reason) << reason.toStdString();
    EXPECT_TRUE(EventTitles::reasonCodes().contains(QStringLiteral("sla")));
    // A reason someone typed is shown as typed.
    EXPECT_EQ(EventTitles::reasonTitle(QStringLiteral("پاسخ نمی‌دهند")),
              QStringLiteral("پاسخ نمی‌دهند"));
}

// Citizens call back and clocks run out: the demo holds reopened complaints
// (closed, reopened by a supervisor, most closed again) and the ladder's
// escalations at the moments the sweeper would have made them, so its first
// sweep owes nothing.
TEST_P(DemoSeederTest, SomeComplaintsAreReopenedAndTheLateOnesEscalated)
{
    DemoSeeder::Options options;
    options.count = 600;
    ASSERT_TRUE(DemoSeeder(*db, catalog, clock).run(options).ok());
    ComplaintRepository repository(*db);
    auto all = repository.list({});
    ASSERT_TRUE(all.ok());
    int reopened = 0, reopenedAndClosed = 0, escalated = 0;
    for (const Complaint &row : std::as_const(all.value())) {
        const Complaint c = repository.findByCode(row.trackingCode, true).value();
        for (qsizetype i = 1; i < c.history.size(); ++i)
            ASSERT_LE(c.history.at(i - 1).at, c.history.at(i).at) << c.trackingCode.toStdString();
        int escalations = 0, reopens = 0;
        QString before; // the event before each reopen
        for (qsizetype i = 0; i < c.history.size(); ++i) {
            const HistoryEvent &e = c.history.at(i);
            if (e.type == u"escalated") {
                ++escalations;
                EXPECT_EQ(e.data.value(u"level"_s).toInt(), escalations);
                EXPECT_EQ(e.data.value(u"reason"_s).toString(), u"sla"_s);
            }
            if (e.type == u"reopen") {
                ++reopens;
                EXPECT_EQ(e.actor, u"sup.hosseini"_s); // the demo's supervisor
                EXPECT_EQ(e.fromStatus, u"closed"_s);
                EXPECT_FALSE(e.data.value(u"reason"_s).toString().isEmpty());
            }
        }
        EXPECT_EQ(c.escalationLevel, escalations) << c.trackingCode.toStdString();
        EXPECT_EQ(c.reopenCount, reopens) << c.trackingCode.toStdString();
        escalated += escalations > 0 ? 1 : 0;
        if (reopens > 0) {
            ++reopened;
            if (c.status == Status::Closed) {
                ++reopenedAndClosed;
                EXPECT_FALSE(c.outcome.isEmpty()) << c.trackingCode.toStdString();
            }
        }
    }
    EXPECT_GT(reopened, 0);
    EXPECT_GT(reopenedAndClosed, 0);
    EXPECT_LT(reopened, all->size() / 5); // a few, not most
    EXPECT_GT(escalated, 0);
    EXPECT_LT(escalated, all->size() / 2);
    // Nothing owed: the ladder's levels are already there.
    auto swept = SlaService(*db, clock).sweep();
    ASSERT_TRUE(swept.ok()) << swept.error().message.toStdString();
    EXPECT_TRUE(swept->isEmpty()) << swept->size() << " escalations owed, first "
                                  << swept->constFirst().trackingCode.toStdString();
}

// PostgreSQL's logins are the whole server's: when another database there has
// the demo inspector's login, the seed takes the next name instead of failing.
TEST_P(DemoSeederTest, OnAServerWhereTheDemoInspectorsLoginIsTakenTheNextNameIsUsed)
{
    if (GetParam() == Backend::SQLite)
        GTEST_SKIP() << "SQLite's users are the file's own";
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname = 'insp.moradi'"))
        && q.next());
    // Made here, it is dropped here (whatever the outcome), so later seeds on
    // this server find the name free again; another database's stays.
    const bool made =
        q.value(0).toInt() == 0 && q.exec(QStringLiteral("CREATE ROLE \"insp.moradi\""));
    const auto drop = qScopeGuard([&] {
        if (made)
            QSqlQuery(db->connection()).exec(QStringLiteral("DROP ROLE \"insp.moradi\""));
    });
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname = 'insp.moradi'"))
        && q.next());
    ASSERT_EQ(q.value(0).toInt(), 1);
    DemoSeeder::Options options;
    options.count = 200;
    const auto seeded = DemoSeeder(*db, catalog, clock).run(options);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
    auto users = UserRepository(*db).list();
    ASSERT_TRUE(users.ok());
    QStringList inspectors;
    for (const User &u : std::as_const(users.value()))
        if (u.role == Role::Inspector)
            inspectors << u.name;
    ASSERT_EQ(inspectors.size(), 1);
    EXPECT_TRUE(inspectors.constFirst().startsWith(QStringLiteral("insp.moradi.")))
        << inspectors.constFirst().toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoSeederTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
