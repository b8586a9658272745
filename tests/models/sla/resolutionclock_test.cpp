// The statuses the queue and the repository treat as "clock running" agree with
// the SLA engine's reading of a real history, status by status; and near breach
// is the last fifth of the target.
#include "sla/resolutionclock.h"

#include "auth/passwordhasher.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

TEST(ResolutionClock, NearBreachIsTheLastFifth)
{
    EXPECT_FALSE(ResolutionClock::isNearBreach(200, 1000));
    EXPECT_TRUE(ResolutionClock::isNearBreach(199, 1000));
    EXPECT_TRUE(ResolutionClock::isNearBreach(0, 1000));
    EXPECT_FALSE(ResolutionClock::isNearBreach(-1, 1000)); // breached, not near
}

TEST(ResolutionClock, RunsInTheStatusesWhereTheEngineRunsIt)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    MockClock clock;
    const QString hash = PasswordHasher(1000).hash(s(u"a-long-password"));
    ASSERT_TRUE(
        UserRepository(*db).add(s(u"sup"), {}, Role::Supervisor, hash, clock.nowUtc()).ok());
    ASSERT_TRUE(
        UserRepository(*db).add(s(u"insp"), {}, Role::Inspector, hash, clock.nowUtc()).ok());
    IntakeService intake(*db, ReferenceRepository(*db).load().value(), clock);
    WorkflowService workflow(*db, clock);
    auto act = [&](Action action, const QString &code,
                   const std::function<void(ActionRequest &)> &fill = {}) {
        ActionRequest r;
        r.action = action;
        r.code = code;
        r.actor = s(u"sup");
        if (fill)
            fill(r);
        clock.advanceSecs(60);
        ASSERT_TRUE(workflow.perform(r).ok()) << fouad::code(action).toStdString();
    };
    // Each complaint through one path of the lifecycle; the status after each step.
    QList<std::pair<QString, Status>> seen;
    auto check = [&](const QString &code) {
        seen << std::pair { code, ComplaintRepository(*db).findByCode(code)->status };
    };
    for (int path = 0; path < 3; ++path) {
        const QString code = intake.registerComplaint(sampleDraft())->trackingCode;
        check(code);
        act(Action::Refer, code);
        check(code);
        act(Action::Acknowledge, code);
        check(code);
        if (path == 0) {
            act(Action::Inspect, code, [](ActionRequest &r) { r.inspector = s(u"insp"); });
            check(code);
        } else if (path == 1) {
            act(Action::Wait, code, [](ActionRequest &r) { r.reason = s(u"مدارک"); });
            check(code);
            act(Action::Resume, code);
            check(code);
        }
        act(Action::Resolve, code, [](ActionRequest &r) { r.actionTaken = s(u"رفع شد"); });
        check(code);
        act(Action::Verify, code, [](ActionRequest &r) {
            r.result = s(u"confirmed");
            r.satisfaction = s(u"4");
        });
        check(code);
        act(Action::Close, code, [](ActionRequest &r) { r.outcome = s(u"founded"); });
        check(code);
    }
    // Replayed: the engine's resolution clock at each step, from the history so far.
    const SlaConfig config = SlaRepository(*db).load().value();
    QSet<Status> covered;
    for (const auto &[code, status] : seen)
        covered.insert(status);
    EXPECT_EQ(covered.size(), allStatuses().size()); // every status was seen
    for (Status status : allStatuses()) {
        // The latest complaint that was in this status, read now and cut back to then.
        for (const auto &[code, at] : seen) {
            if (at != status)
                continue;
            Complaint c = ComplaintRepository(*db).findByCode(code).value();
            while (!c.history.isEmpty() && statusFromCode(c.history.constLast().toStatus) != status)
                c.history.removeLast();
            c.status = status;
            const QDateTime then = c.history.constLast().at.addSecs(30);
            const auto state = config.clocks(c, then).resolve.state;
            EXPECT_EQ(state == SlaEngine::ClockState::Running, ResolutionClock::runsIn(status))
                << fouad::code(status).toStdString() << " " << SlaEngine::code(state).toStdString();
        }
    }
}

} // namespace
