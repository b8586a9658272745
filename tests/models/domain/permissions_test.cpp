// What the console asks the core about the signed-in user, over every role and
// status: the same answers the services enforce.
#include "domain/workflow.h"

#include <gtest/gtest.h>

using namespace fouad;

namespace {

using S = Status;
using A = Action;
using R = Role;

const QList<R> AllRoles = { R::Operator, R::Inspector, R::Supervisor, R::Admin };

User user(R role, const char16_t *name)
{
    User u;
    u.name = QStringView(name).toString();
    u.role = role;
    return u;
}

Complaint complaintIn(S status, const char16_t *inspector = u"insp")
{
    Complaint c;
    c.status = status;
    c.inspector = QStringView(inspector).toString();
    return c;
}

TEST(Permissions, RegisteringAndTheSoftLockAreForOperatorsAndSupervisors)
{
    for (R role : AllRoles) {
        const bool staff = role == R::Operator || role == R::Supervisor;
        EXPECT_EQ(Workflow::mayRegister(user(role, u"u")), staff) << code(role).toStdString();
        EXPECT_EQ(Workflow::mayTakeSoftLock(user(role, u"u")), staff) << code(role).toStdString();
        EXPECT_EQ(Workflow::mayAssignOthers(user(role, u"u")), role == R::Supervisor);
        EXPECT_EQ(Workflow::takesAssignments(role), staff);
        EXPECT_EQ(Workflow::inspects(role), role == R::Inspector);
    }
}

// The buttons: the table's actions for the role and status, less inspecting a
// complaint another inspector was sent to.
TEST(Permissions, AllowedActionsForEveryRoleAndStatus)
{
    int offered = 0;
    for (R role : AllRoles) {
        for (S status : allStatuses()) {
            const User sent = user(role, u"insp");
            const User other = user(role, u"insp2");
            QList<A> expectedOther = Workflow::availableActions(role, status);
            if (role == R::Inspector)
                expectedOther.removeAll(A::Inspect);
            const std::string what = code(role).toStdString() + " " + code(status).toStdString();
            EXPECT_EQ(Workflow::allowedActions(sent, complaintIn(status)),
                      Workflow::availableActions(role, status))
                << what;
            EXPECT_EQ(Workflow::allowedActions(other, complaintIn(status)), expectedOther) << what;
            offered += int(Workflow::allowedActions(sent, complaintIn(status)).size());
        }
    }
    EXPECT_GT(offered, 40);
}

TEST(Permissions, CheckRefusesInTheDocumentedOrder)
{
    const User op = user(R::Operator, u"op");
    const User inspector = user(R::Inspector, u"insp2");
    // Role first, even where the status would refuse too.
    EXPECT_EQ(
        Workflow::check(user(R::Admin, u"adm"), complaintIn(S::Closed), A::Close).error().kind,
        ErrorKind::Forbidden);
    EXPECT_EQ(Workflow::check(inspector, complaintIn(S::FieldInspection), A::Inspect).error().kind,
              ErrorKind::Forbidden);
    EXPECT_EQ(Workflow::check(op, complaintIn(S::InProgress), A::Assign, QStringLiteral("op2"))
                  .error()
                  .kind,
              ErrorKind::Forbidden);
    EXPECT_TRUE(
        Workflow::check(op, complaintIn(S::InProgress), A::Assign, QStringLiteral("op")).ok());
    EXPECT_TRUE(Workflow::check(user(R::Supervisor, u"sup"), complaintIn(S::InProgress), A::Assign,
                                QStringLiteral("op2"))
                    .ok());
    // Then the status.
    const auto notNow = Workflow::check(op, complaintIn(S::InProgress), A::Close);
    ASSERT_FALSE(notNow.ok());
    EXPECT_EQ(notNow.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(notNow.error().field, QStringLiteral("status"));
    // Allowed: the row that applies.
    const auto allowed = Workflow::check(op, complaintIn(S::Verified), A::Close);
    ASSERT_TRUE(allowed.ok());
    EXPECT_EQ(allowed.value()->to, S::Closed);
    EXPECT_TRUE(allowed.value()->needs(Workflow::Field::Outcome));
}

// The table's shape: one row per action and role at most for any status, and
// every action with a row.
TEST(WorkflowTable, EveryActionHasRowsAndNoTwoRowsOverlap)
{
    for (A action : allActions()) {
        int rows = 0;
        for (const Workflow::Transition &row : Workflow::table())
            rows += row.action == action ? 1 : 0;
        EXPECT_GE(rows, 1) << code(action).toStdString();
        for (R role : AllRoles) {
            for (S status : allStatuses()) {
                int matching = 0;
                for (const Workflow::Transition &row : Workflow::table())
                    matching += row.action == action && row.roles.contains(role)
                            && row.from.contains(status)
                        ? 1
                        : 0;
                EXPECT_LE(matching, 1) << code(action).toStdString();
            }
        }
    }
    for (const Workflow::Transition &row : Workflow::table()) {
        EXPECT_FALSE(row.eventType.isEmpty());
        for (const Workflow::Requirement &r : row.required)
            EXPECT_TRUE(Workflow::flag(r.field).startsWith(u"--"));
    }
}

} // namespace
