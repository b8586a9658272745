// The lifecycle enforced on real databases: every (role, status, action)
// combination, the order of checks, verification calls, merges, optimistic and
// soft locking.
#include "auth/passwordhasher.h"
#include "domain/workflow.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QSqlQuery>

#include <algorithm>
#include <latch>
#include <thread>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

class WorkflowServiceTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        for (const auto &[name, role] :
             { std::pair { u"op", Role::Operator }, std::pair { u"op2", Role::Operator },
               std::pair { u"sup", Role::Supervisor }, std::pair { u"insp", Role::Inspector },
               std::pair { u"insp2", Role::Inspector }, std::pair { u"adm", Role::Admin } })
            ASSERT_TRUE(addTestUser(*db, s(name), role, clock.nowUtc()).ok());
        intake =
            std::make_unique<IntakeService>(*db, ReferenceRepository(*db).load().value(), clock);
        workflow = std::make_unique<WorkflowService>(*db, clock);
    }

    QString newComplaint()
    {
        auto c = intake->registerComplaint(sampleDraft());
        EXPECT_TRUE(c.ok());
        return c->trackingCode;
    }

    Result<Complaint> act(Action action, const QString &code, const QString &actor,
                          const std::function<void(ActionRequest &)> &fill = {})
    {
        ActionRequest r;
        r.action = action;
        r.code = code;
        r.actor = actor;
        if (fill)
            fill(r);
        return workflow->perform(r);
    }

    void mustDo(Action action, const QString &code, const QString &actor,
                const std::function<void(ActionRequest &)> &fill = {})
    {
        auto r = act(action, code, actor, fill);
        ASSERT_TRUE(r.ok()) << fouad::code(action).toStdString() << ": "
                            << r.error().message.toStdString();
    }

    // A new complaint taken by the supervisor to the given status.
    QString complaintIn(Status status)
    {
        const QString code = newComplaint();
        if (status == Status::Registered)
            return code;
        mustDo(Action::Refer, code, s(u"sup"));
        if (status == Status::Referred)
            return code;
        mustDo(Action::Acknowledge, code, s(u"sup"));
        switch (status) {
        case Status::InProgress:
            return code;
        case Status::FieldInspection:
            mustDo(Action::Inspect, code, s(u"sup"),
                   [](ActionRequest &r) { r.inspector = s(u"insp"); });
            return code;
        case Status::WaitingForCitizen:
            mustDo(Action::Wait, code, s(u"sup"), [](ActionRequest &r) { r.reason = s(u"مدارک"); });
            return code;
        default:
            break;
        }
        mustDo(Action::Resolve, code, s(u"sup"),
               [](ActionRequest &r) { r.actionTaken = s(u"رفع شد"); });
        if (status == Status::ResolvedByAgency)
            return code;
        mustDo(Action::Verify, code, s(u"sup"), [](ActionRequest &r) {
            r.result = s(u"confirmed");
            r.satisfaction = s(u"4");
        });
        if (status == Status::Verified)
            return code;
        mustDo(Action::Close, code, s(u"sup"), [](ActionRequest &r) { r.outcome = s(u"founded"); });
        return code;
    }

    Complaint load(const QString &code)
    {
        return ComplaintRepository(*db).findByCode(code).value();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    MockClock clock;
    std::unique_ptr<IntakeService> intake;
    std::unique_ptr<WorkflowService> workflow;
};

// Valid data for each action, so that only the table decides.
void fillValid(ActionRequest &r, const QString &actorName, const QString &mergeTarget)
{
    switch (r.action) {
    case Action::Assign:
        r.to = actorName == u"sup" ? s(u"op") : actorName;
        break;
    case Action::Inspect:
        if (actorName == u"sup")
            r.inspector = s(u"insp");
        else
            r.note = s(u"در بازدید، کارمند حاضر بود.");
        break;
    case Action::Wait:
        r.reason = s(u"منتظر مدارک");
        break;
    case Action::Resolve:
        r.actionTaken = s(u"کارمند جایگزین تعیین شد");
        break;
    case Action::Verify:
        r.result = s(u"confirmed");
        r.satisfaction = s(u"5");
        break;
    case Action::Close:
        r.outcome = s(u"founded");
        break;
    case Action::Reopen:
    case Action::Reject:
    case Action::Escalate:
        r.reason = s(u"دلیل");
        break;
    case Action::Merge:
        r.into = mergeTarget;
        break;
    default:
        break;
    }
}

TEST_P(WorkflowServiceTest, EveryRoleStatusAndActionIsAllowedOrRefusedAsTheTableSays)
{
    const QString target = complaintIn(Status::InProgress); // for merges
    const std::pair<const char16_t *, Role> actors[] = { { u"op", Role::Operator },
                                                         { u"insp", Role::Inspector },
                                                         { u"sup", Role::Supervisor },
                                                         { u"adm", Role::Admin } };
    int allowed = 0, refused = 0;
    for (Status status : allStatuses()) {
        // One complaint per status, reused while refusals change nothing; a fresh
        // one after each success.
        QString code = complaintIn(status);
        for (const auto &[name, role] : actors) {
            for (Action action : allActions()) {
                const Complaint before = load(code);
                ASSERT_EQ(before.status, status);
                auto result = act(action, code, s(name),
                                  [&](ActionRequest &r) { fillValid(r, s(name), target); });
                const bool shouldWork = Workflow::allowedFrom(action, status, role);
                const std::string what = fouad::code(action).toStdString() + " by "
                    + fouad::code(role).toStdString() + " from "
                    + fouad::code(status).toStdString();
                if (shouldWork) {
                    ++allowed;
                    ASSERT_TRUE(result.ok())
                        << what << ": " << result.error().message.toStdString();
                    const Complaint after = load(code);
                    EXPECT_EQ(after.version, before.version + 1) << what;
                    EXPECT_GT(after.history.size(), before.history.size()) << what;
                    EXPECT_EQ(after.history.constLast().actor, s(name)) << what;
                    code = complaintIn(status);
                } else {
                    ++refused;
                    ASSERT_FALSE(result.ok()) << what;
                    const ErrorKind kind = Workflow::roleMayEver(role, action)
                        ? ErrorKind::InvalidInput
                        : ErrorKind::Forbidden;
                    EXPECT_EQ(result.error().kind, kind)
                        << what << ": " << result.error().message.toStdString();
                    const Complaint after = load(code);
                    EXPECT_EQ(after.version, before.version) << what;
                    EXPECT_EQ(after.history.size(), before.history.size()) << what;
                    EXPECT_EQ(after.status, before.status) << what;
                }
            }
        }
    }
    EXPECT_EQ(allowed + refused, 8 * 4 * 13);
}

TEST_P(WorkflowServiceTest, ChecksRunInTheDocumentedOrder)
{
    const QString code = complaintIn(Status::Registered);
    auto kind = [&](Action a, const QString &c, const QString &who,
                    const std::function<void(ActionRequest &)> &f = {}) {
        auto r = act(a, c, who, f);
        return r.ok() ? ErrorKind(0) : r.error().kind;
    };
    QString typo = code;
    typo[1] = typo[1] == u'0' ? u'1' : u'0';
    EXPECT_EQ(kind(Action::Refer, typo, s(u"nobody")), ErrorKind::InvalidInput); // malformed first
    EXPECT_EQ(kind(Action::Refer, s(u"99999992"), s(u"adm")), ErrorKind::NotFound); // unknown code
    EXPECT_EQ(kind(Action::Refer, code, s(u"nobody")), ErrorKind::NotFound); // unknown user
    EXPECT_EQ(kind(Action::Close, code, s(u"adm")), ErrorKind::Forbidden); // role before status
    EXPECT_EQ(kind(Action::Close, code, s(u"op")),
              ErrorKind::InvalidInput); // operator: only from verified
    // Wrong version, but the data is missing: data is checked first.
    EXPECT_EQ(kind(Action::Reject, code, s(u"sup"), [](ActionRequest &r) { r.expectVersion = 99; }),
              ErrorKind::InvalidInput);
    EXPECT_EQ(kind(Action::Reject, code, s(u"sup"),
                   [](ActionRequest &r) {
                       r.expectVersion = 99;
                       r.reason = s(u"خارج از صلاحیت");
                   }),
              ErrorKind::Conflict);
    // An operator assigning to someone else is a matter of role.
    EXPECT_EQ(kind(Action::Assign, code, s(u"op"), [](ActionRequest &r) { r.to = s(u"op2"); }),
              ErrorKind::Forbidden);
    EXPECT_EQ(kind(Action::Assign, code, s(u"op"), [](ActionRequest &r) { r.to = s(u"op"); }),
              ErrorKind(0));
    EXPECT_EQ(load(code).assignee, s(u"op"));
}

TEST_P(WorkflowServiceTest, OnlyTheNamedInspectorRecordsFindings)
{
    const QString code = complaintIn(Status::FieldInspection);
    EXPECT_EQ(load(code).inspector, s(u"insp"));
    auto other =
        act(Action::Inspect, code, s(u"insp2"), [](ActionRequest &r) { r.note = s(u"یافته"); });
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().kind, ErrorKind::Forbidden);
    auto noFindings = act(Action::Inspect, code, s(u"insp"));
    ASSERT_FALSE(noFindings.ok());
    EXPECT_EQ(noFindings.error().kind, ErrorKind::InvalidInput);
    mustDo(Action::Inspect, code, s(u"insp"),
           [](ActionRequest &r) { r.note = s(u"کارمند غایب بود"); });
    const Complaint c = load(code);
    EXPECT_EQ(c.status, Status::FieldInspection);
    EXPECT_EQ(c.history.constLast().data.value(u"note").toString(), s(u"کارمند غایب بود"));
    // Resolving from a field inspection, findings optional.
    mustDo(Action::Resolve, code, s(u"op"),
           [](ActionRequest &r) { r.actionTaken = s(u"تذکر کتبی"); });
}

TEST_P(WorkflowServiceTest, VerificationResultsAndSatisfaction)
{
    const QString code = complaintIn(Status::ResolvedByAgency);
    auto refuse = [&](const char16_t *result, const char16_t *satisfaction) {
        auto r = act(Action::Verify, code, s(u"op"), [&](ActionRequest &req) {
            req.result = s(result);
            req.satisfaction = s(satisfaction);
        });
        return !r.ok() && r.error().kind == ErrorKind::InvalidInput;
    };
    EXPECT_TRUE(refuse(u"confirmed", u"")); // satisfaction required
    EXPECT_TRUE(refuse(u"confirmed", u"6"));
    EXPECT_TRUE(refuse(u"confirmed", u"0"));
    EXPECT_TRUE(refuse(u"unreachable", u"3")); // refused when unreachable
    EXPECT_TRUE(refuse(u"maybe", u""));

    const int version = load(code).version;
    mustDo(Action::Verify, code, s(u"op"), [](ActionRequest &r) { r.result = s(u"not_fixed"); });
    Complaint c = load(code);
    EXPECT_EQ(c.status, Status::InProgress);
    EXPECT_EQ(c.escalationLevel, 1);
    EXPECT_EQ(c.version, version + 1); // one action, one version
    ASSERT_GE(c.history.size(), 2);
    EXPECT_EQ(c.history[c.history.size() - 2].type, s(u"verify"));
    EXPECT_EQ(c.history.constLast().type, s(u"escalated"));
    EXPECT_EQ(c.history.constLast().data.value(u"reason").toString(), s(u"not_fixed"));
    EXPECT_EQ(c.history.constLast().data.value(u"level").toInt(), 1);

    mustDo(Action::Resolve, code, s(u"op"),
           [](ActionRequest &r) { r.actionTaken = s(u"دوباره رفع شد"); });
    mustDo(Action::Verify, code, s(u"op"), [](ActionRequest &r) {
        r.result = s(u"confirmed");
        r.satisfaction = s(u"۵"); // Persian digits
    });
    c = load(code);
    EXPECT_EQ(c.status, Status::Verified);
    EXPECT_EQ(c.satisfaction, 5);
    mustDo(Action::Close, code, s(u"op"),
           [](ActionRequest &r) { r.outcome = s(u"partly_founded"); });
    EXPECT_EQ(load(code).outcome, s(u"partly_founded"));
}

TEST_P(WorkflowServiceTest, ThirdSpacedUnreachableCallClosesUnverified)
{
    const QString code = complaintIn(Status::ResolvedByAgency);
    auto unreachable = [&] {
        mustDo(Action::Verify, code, s(u"op"),
               [](ActionRequest &r) { r.result = s(u"unreachable"); });
    };
    unreachable(); // 1st, counts
    clock.advanceSecs(10 * 60);
    unreachable(); // too soon: recorded, not counted
    clock.advanceSecs(25 * 60);
    unreachable(); // 35 min after the 1st: 2nd
    clock.advanceSecs(29 * 60);
    unreachable(); // 29 min after the 2nd: not counted
    EXPECT_EQ(load(code).status, Status::ResolvedByAgency);

    // A new fix restarts the count.
    mustDo(Action::Verify, code, s(u"op"), [](ActionRequest &r) { r.result = s(u"not_fixed"); });
    mustDo(Action::Resolve, code, s(u"op"), [](ActionRequest &r) { r.actionTaken = s(u"رفع شد"); });
    clock.advanceSecs(5 * 60);
    unreachable(); // 1st after the new fix
    clock.advanceSecs(30 * 60);
    unreachable(); // 2nd
    EXPECT_EQ(load(code).status, Status::ResolvedByAgency);
    clock.advanceSecs(30 * 60);
    unreachable(); // 3rd: closes
    const Complaint c = load(code);
    EXPECT_EQ(c.status, Status::Closed);
    EXPECT_TRUE(c.closedUnverified);
    EXPECT_TRUE(c.outcome.isEmpty());
    int attempts = 0;
    for (const HistoryEvent &e : c.history)
        attempts +=
            e.type == u"verify" && e.data.value(u"result").toString() == u"unreachable" ? 1 : 0;
    EXPECT_EQ(attempts, 7); // every attempt is kept
}

TEST_P(WorkflowServiceTest, RejectReopenAndMerge)
{
    const QString rejected = complaintIn(Status::Referred);
    mustDo(Action::Reject, rejected, s(u"sup"),
           [](ActionRequest &r) { r.reason = s(u"موضوع قضایی است"); });
    EXPECT_EQ(load(rejected).outcome, s(u"outside_jurisdiction"));

    const QString closed = complaintIn(Status::Closed);
    mustDo(Action::Escalate, complaintIn(Status::Registered), s(u"op"),
           [](ActionRequest &r) { r.reason = s(u"فوری"); });
    Complaint before = load(closed);
    ASSERT_EQ(before.satisfaction, 4);
    mustDo(Action::Reopen, closed, s(u"sup"),
           [](ActionRequest &r) { r.reason = s(u"شهروند دوباره تماس گرفت"); });
    Complaint after = load(closed);
    EXPECT_EQ(after.status, Status::InProgress);
    EXPECT_TRUE(after.outcome.isEmpty());
    EXPECT_EQ(after.satisfaction, 4); // kept
    EXPECT_EQ(after.escalationLevel, before.escalationLevel);

    const QString target = complaintIn(Status::InProgress);
    const QString duplicate = complaintIn(Status::Registered);
    auto merge = [&](const QString &code, const QString &into) {
        return act(Action::Merge, code, s(u"sup"), [&](ActionRequest &r) { r.into = into; });
    };
    EXPECT_EQ(merge(duplicate, s(u"99999992")).error().kind, ErrorKind::NotFound);
    EXPECT_EQ(merge(duplicate, duplicate).error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(merge(duplicate, rejected).error().kind, ErrorKind::InvalidInput); // closed target
    ASSERT_TRUE(merge(duplicate, target).ok());
    EXPECT_EQ(load(duplicate).mergedInto, target);
    EXPECT_EQ(load(duplicate).status, Status::Closed);
    EXPECT_EQ(load(target).mergedFrom, QStringList { duplicate });

    const QString escalated = complaintIn(Status::Referred);
    mustDo(Action::Escalate, escalated, s(u"op"),
           [](ActionRequest &r) { r.reason = s(u"مدیر پاسخ نمی‌دهد"); });
    const HistoryEvent e = load(escalated).history.constLast();
    EXPECT_EQ(e.type, s(u"escalated"));
    EXPECT_EQ(e.data.value(u"reason").toString(), s(u"manual"));
    EXPECT_EQ(e.data.value(u"note").toString(), s(u"مدیر پاسخ نمی‌دهد"));
    EXPECT_EQ(load(escalated).escalationLevel, 1);
}

// A console that saw an older version is told who changed it since.
TEST_P(WorkflowServiceTest, AStaleVersionIsRefusedWithWhoChangedIt)
{
    const QString code = complaintIn(Status::Registered);
    const int seen = load(code).version;
    auto other = Database::open(testDb->url()).value();
    WorkflowService first(*db, clock);
    WorkflowService second(*other, clock);

    ActionRequest refer;
    refer.action = Action::Refer;
    refer.code = code;
    refer.actor = s(u"op");
    refer.expectVersion = seen;
    ASSERT_TRUE(first.perform(refer).ok());

    ActionRequest escalate;
    escalate.action = Action::Escalate;
    escalate.code = code;
    escalate.actor = s(u"op2");
    escalate.reason = s(u"پیگیری");
    escalate.expectVersion = seen;
    auto lost = second.perform(escalate);
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().kind, ErrorKind::Conflict);
    EXPECT_TRUE(lost.error().message.contains(s(u"op")))
        << lost.error().message.toStdString(); // who changed it

    const Complaint c = load(code);
    EXPECT_EQ(c.version, seen + 1);
    EXPECT_EQ(c.status, Status::Referred);
    EXPECT_EQ(c.escalationLevel, 0);
    // With the new version the second console's change goes through.
    escalate.expectVersion = c.version;
    EXPECT_TRUE(second.perform(escalate).ok());
}

// Two consoles on two connections both read version v, then both write: the
// database's row-version guard (UPDATE … WHERE version = v) lets exactly one
// through, whichever commits first, and the other is told; nothing is lost.
TEST_P(WorkflowServiceTest, TwoConnectionsRacingOnTheSameVersionOneIsRefused)
{
    const QString code = complaintIn(Status::Registered);
    const int seen = load(code).version;
    constexpr int Consoles = 2;
    std::latch bothRead(Consoles);
    std::vector<std::optional<Error>> outcome(Consoles);
    std::vector<std::string> setup(Consoles);
    std::vector<std::thread> consoles;
    for (int i = 0; i < Consoles; ++i) {
        consoles.emplace_back([&, i] {
            auto own = Database::open(testDb->url()); // a connection of its own, on its thread
            if (!own) {
                setup[i] = own.error().message.toStdString();
                bothRead.count_down();
                return;
            }
            {
                ComplaintRepository complaints(*own.value());
                auto read = complaints.findByCode(code);
                bothRead.arrive_and_wait(); // both hold version `seen` now
                if (!read) {
                    setup[i] = read.error().message.toStdString();
                    return;
                }
                Complaint after = read.value();
                after.version = seen + 1;
                after.escalationLevel = 1;
                after.updatedAt = clock.nowUtc();
                HistoryEvent e;
                e.at = after.updatedAt;
                e.actor = i == 0 ? s(u"op") : s(u"op2");
                e.type = s(u"escalate");
                e.fromStatus = e.toStatus = fouad::code(after.status);
                e.data[u"reason"] = s(u"پیگیری");
                Transaction tx(*own.value());
                if (auto begun = tx.begin(); !begun) {
                    outcome[i] = begun.error();
                    return;
                }
                if (auto written = complaints.update(after, seen, { e }); !written) {
                    outcome[i] = written.error();
                    return;
                }
                if (auto committed = tx.commit(); !committed)
                    outcome[i] = committed.error();
            }
            own.value().reset(); // its connection closes on its own thread
        });
    }
    for (auto &t : consoles)
        t.join();
    for (const std::string &why : setup)
        ASSERT_TRUE(why.empty()) << why;
    const int refused = int(
        std::count_if(outcome.begin(), outcome.end(), [](const auto &e) { return e.has_value(); }));
    ASSERT_EQ(refused, 1);
    for (const auto &e : outcome) {
        if (e) {
            EXPECT_EQ(e->kind, ErrorKind::Conflict) << e->message.toStdString();
        }
    }
    const Complaint c = load(code);
    EXPECT_EQ(c.version, seen + 1);
    EXPECT_EQ(c.escalationLevel, 1);
    int escalations = 0;
    for (const HistoryEvent &e : c.history)
        escalations += e.type == u"escalate" ? 1 : 0;
    EXPECT_EQ(escalations, 1); // the refused one wrote nothing
}

TEST_P(WorkflowServiceTest, SoftLockExpiresByItself)
{
    const QString code = complaintIn(Status::InProgress);
    EXPECT_TRUE(workflow->claim(code, s(u"op")).value());
    EXPECT_EQ(load(code).lockedBy, s(u"op"));
    EXPECT_FALSE(workflow->claim(code, s(u"op2")).value());
    EXPECT_TRUE(workflow->claim(code, s(u"op")).value()); // renewing
    clock.advanceSecs(WorkflowService::LockMinutes * 60 + 1);
    EXPECT_TRUE(workflow->claim(code, s(u"op2")).value());
    ASSERT_TRUE(workflow->release(code, s(u"op2")).ok());
    EXPECT_TRUE(load(code).lockedBy.isEmpty());
    EXPECT_EQ(load(code).version, 3); // locking is not an action
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowServiceTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
