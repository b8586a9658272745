// The escalation ladder in the database: levels raised once each, one event per
// level, nothing escalated by anything but a sweep.
#include "auth/passwordhasher.h"
#include "services/intakeservice.h"
#include "services/slaservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <gtest/gtest.h>

#include <thread>

using namespace fouad;
using namespace fouad::test;

namespace {

const QTimeZone Tehran("Asia/Tehran");

class SlaServiceTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
    }

    // An urgent complaint received on Sunday 22 November 2026 at 09:00 Tehran:
    // resolution due 12:00; level 1 at 10:30 if unacknowledged, 2 at 12:00, 3 at 07:00 next day.
    QString urgentComplaint(const QDateTime &receivedAt = tehran(2026, 11, 22, 9))
    {
        ComplaintDraft d = sampleDraft();
        d.category = QStringLiteral("absent_employee");
        d.receivedAt = receivedAt;
        clock.set(receivedAt);
        auto c = IntakeService(*db, catalog, clock).registerComplaint(d);
        EXPECT_TRUE(c.ok());
        return c->trackingCode;
    }

    QList<int> escalatedLevels(const QString &code)
    {
        QList<int> levels;
        const auto found = ComplaintRepository(*db).findByCode(code);
        for (const HistoryEvent &e : found->history) {
            if (e.type == u"escalated")
                levels << e.data.value(u"level").toInt();
        }
        return levels;
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
};

TEST_P(SlaServiceTest, DueTimeComesFromTheCalendar)
{
    // Wednesday 13:00: one working hour before closing at 14:00, then Thursday and
    // Friday off, so the other two hours are Saturday 07:00–09:00. Wall-clock
    // arithmetic would say Wednesday 16:00.
    const QString code = urgentComplaint(tehran(2026, 11, 25, 13));
    EXPECT_EQ(ComplaintRepository(*db).findByCode(code)->dueAt, tehran(2026, 11, 28, 9));
}

TEST_P(SlaServiceTest, AFifteenMinuteTargetEscalatesAtFifteenMinutes)
{
    // An administrator may set targets shorter than any default: the sweep must
    // not skip complaints that young.
    SlaPolicy quick = SlaPolicy::defaultFor(true);
    quick.acknowledge = { 5 * 60, false };
    quick.resolve = { 15 * 60, false };
    ASSERT_TRUE(SlaRepository(*db).savePolicy(QStringLiteral("absent_employee"), {}, quick).ok());
    const QString code = urgentComplaint(); // 09:00, due 09:15
    EXPECT_EQ(ComplaintRepository(*db).findByCode(code)->dueAt, tehran(2026, 11, 22, 9, 15));
    SlaService sla(*db, clock);
    EXPECT_TRUE(sla.sweep(tehran(2026, 11, 22, 9, 7))->isEmpty());
    auto first = sla.sweep(tehran(2026, 11, 22, 9, 8)); // half the target, unacknowledged
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(escalatedLevels(code), (QList<int> { 1 }));
    ASSERT_TRUE(sla.sweep(tehran(2026, 11, 22, 9, 16)).ok()); // breached
    EXPECT_EQ(escalatedLevels(code), (QList<int> { 1, 2 }));
}

TEST_P(SlaServiceTest, LevelsAreRaisedOnceEachWithOneEventPerLevel)
{
    const QString code = urgentComplaint();
    SlaService sla(*db, clock);
    EXPECT_TRUE(sla.sweep(tehran(2026, 11, 22, 10, 29))->isEmpty());
    auto first = sla.sweep(tehran(2026, 11, 22, 10, 30));
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 1);
    EXPECT_EQ(first->at(0).level, 1);
    EXPECT_TRUE(sla.sweep(tehran(2026, 11, 22, 11))->isEmpty()); // never twice

    // One sweep crossing two rungs writes two events.
    auto later = sla.sweep(tehran(2026, 11, 23, 8));
    ASSERT_EQ(later->size(), 2);
    EXPECT_EQ(escalatedLevels(code), (QList<int> { 1, 2, 3 }));
    const Complaint c = ComplaintRepository(*db).findByCode(code).value();
    EXPECT_EQ(c.escalationLevel, 3);
    EXPECT_EQ(c.version, 4); // registered + three raises
    for (const HistoryEvent &e : c.history) {
        if (e.type == u"escalated") {
            EXPECT_EQ(e.data.value(u"reason").toString(), QStringLiteral("sla"));
            EXPECT_EQ(e.actor, QStringLiteral("system"));
        }
    }
    EXPECT_TRUE(sla.sweep(tehran(2026, 12, 30, 8))->isEmpty()); // the top of the ladder
}

TEST_P(SlaServiceTest, ASweepInThePastDoesNothingWrong)
{
    urgentComplaint();
    SlaService sla(*db, clock);
    EXPECT_TRUE(sla.sweep(tehran(2026, 11, 1, 9))->isEmpty()); // before it was received
}

TEST_P(SlaServiceTest, ConcurrentSweepsYieldOneEventPerLevel)
{
    QStringList codes;
    for (int i = 0; i < 5; ++i)
        codes << urgentComplaint();
    constexpr int Sweepers = 4;
    std::vector<std::thread> threads;
    std::vector<QString> errors(Sweepers);
    for (int t = 0; t < Sweepers; ++t) {
        threads.emplace_back([&, t] {
            auto own = Database::open(testDb->url());
            if (!own) {
                errors[t] = own.error().message;
                return;
            }
            MockClock c;
            SlaService sla(*own.value(), c);
            auto done = sla.sweep(tehran(2026, 11, 23, 8));
            if (!done)
                errors[t] = done.error().message;
        });
    }
    for (auto &t : threads)
        t.join();
    for (const QString &e : errors)
        EXPECT_TRUE(e.isEmpty()) << e.toStdString();
    for (const QString &code : codes)
        EXPECT_EQ(escalatedLevels(code), (QList<int> { 1, 2, 3 })) << code.toStdString();
}

TEST_P(SlaServiceTest, AcknowledgedInTimeSkipsLevelOneAndActionsDoNotEscalate)
{
    const QString code = urgentComplaint();
    ASSERT_TRUE(addTestUser(*db, QStringLiteral("op"), Role::Operator, clock.nowUtc()).ok());
    WorkflowService workflow(*db, clock);
    auto act = [&](Action action, const QDateTime &at, const QString &reason = {}) {
        clock.set(at);
        ActionRequest r;
        r.action = action;
        r.code = code;
        r.actor = QStringLiteral("op");
        r.reason = reason;
        auto done = workflow.perform(r);
        ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    };
    act(Action::Refer, tehran(2026, 11, 22, 9, 30));
    act(Action::Acknowledge, tehran(2026, 11, 22, 10)); // before half the target (10:30)
    // Past the due time, an action is taken: it does not escalate; only a sweep does.
    act(Action::Escalate, tehran(2026, 11, 22, 12, 30),
        QStringLiteral("the agency does not answer"));
    EXPECT_EQ(escalatedLevels(code), (QList<int> { 1 })); // the manual one
    auto done = SlaService(*db, clock).sweep(tehran(2026, 11, 22, 12, 30));
    ASSERT_TRUE(done.ok());
    // Manual level 1 stands; the ladder requires 2 (breach), not 1 (acknowledged in time).
    EXPECT_EQ(escalatedLevels(code), (QList<int> { 1, 2 }));
}

TEST_P(SlaServiceTest, NearBreachIsTheLastFifthOfTheAssigneesRunningComplaints)
{
    const QString code = urgentComplaint(); // 09:00 → due 12:00; the last fifth starts 11:24
    ASSERT_TRUE(addTestUser(*db, QStringLiteral("op"), Role::Operator, clock.nowUtc()).ok());
    ActionRequest assign;
    assign.action = Action::Assign;
    assign.code = code;
    assign.actor = QStringLiteral("op");
    assign.to = QStringLiteral("op");
    ASSERT_TRUE(WorkflowService(*db, clock).perform(assign).ok());
    ComplaintRepository complaints(*db);
    EXPECT_TRUE(
        complaints.nearBreachFor(QStringLiteral("op"), tehran(2026, 11, 22, 11, 20))->isEmpty());
    EXPECT_EQ(complaints.nearBreachFor(QStringLiteral("op"), tehran(2026, 11, 22, 11, 30))->size(),
              1);
    EXPECT_TRUE(
        complaints.nearBreachFor(QStringLiteral("op2"), tehran(2026, 11, 22, 11, 30))->isEmpty());
    EXPECT_TRUE(complaints.nearBreachFor(QStringLiteral("op"), tehran(2026, 11, 22, 12, 1))
                    ->isEmpty()); // breached
}

TEST_P(SlaServiceTest, RemindersRepeatOnlyInOfficeHours)
{
    const QString code = urgentComplaint(); // due Sunday 12:00
    SlaService sla(*db, clock);
    auto reminders = [&] {
        int n = 0;
        const auto found = ComplaintRepository(*db).findByCode(code);
        for (const HistoryEvent &e : found->history)
            n += e.type == u"reminder" ? 1 : 0;
        return n;
    };
    EXPECT_TRUE(sla.remind(tehran(2026, 11, 22, 11, 59))->isEmpty()); // not breached yet
    EXPECT_EQ(sla.remind(tehran(2026, 11, 22, 12, 5))->size(), 1);
    EXPECT_TRUE(
        sla.remind(tehran(2026, 11, 22, 13, 0))->isEmpty()); // under two working hours since
    EXPECT_TRUE(sla.remind(tehran(2026, 11, 22, 20, 0))->isEmpty()); // night
    EXPECT_TRUE(sla.remind(tehran(2026, 11, 26, 10, 0))->isEmpty()); // Thursday
    EXPECT_EQ(sla.remind(tehran(2026, 11, 23, 7, 10))->size(),
              1); // Monday: 1 h 55 + 10 min of work since
    EXPECT_EQ(reminders(), 2);
    EXPECT_TRUE(escalatedLevels(code).isEmpty()); // reminding is not escalating
    EXPECT_EQ(ComplaintRepository(*db).findByCode(code)->version, 1); // reminders are not actions
}

INSTANTIATE_TEST_SUITE_P(Backends, SlaServiceTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
