// The lifecycle table, checked against DESIGN §2 written out here a second
// time: every (role, status, action) combination.
#include "domain/workflow.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace fouad;

namespace {

using S = Status;
using A = Action;
using R = Role;

const QList<S> OpenStatuses = { S::Registered,      S::Referred,          S::InProgress,
                                S::FieldInspection, S::WaitingForCitizen, S::ResolvedByAgency,
                                S::Verified };

// DESIGN §2: action → (role → statuses it may be taken from).
bool expected(R role, S from, A action)
{
    const bool staff = role == R::Operator || role == R::Supervisor;
    const bool open = from != S::Closed;
    switch (action) {
    case A::Refer:
        return staff && from == S::Registered;
    case A::Acknowledge:
        return staff && from == S::Referred;
    case A::Inspect:
        return (role == R::Supervisor && from == S::InProgress)
            || (role == R::Inspector && from == S::FieldInspection);
    case A::Wait:
        return staff && from == S::InProgress;
    case A::Resume:
        return staff && from == S::WaitingForCitizen;
    case A::Resolve:
        return staff && (from == S::InProgress || from == S::FieldInspection);
    case A::Verify:
        return staff && from == S::ResolvedByAgency;
    case A::Close:
        return (role == R::Operator && from == S::Verified) || (role == R::Supervisor && open);
    case A::Reopen:
        return role == R::Supervisor && from == S::Closed;
    case A::Reject:
        return role == R::Supervisor && (from == S::Registered || from == S::Referred);
    case A::Merge:
        return role == R::Supervisor && open;
    case A::Escalate:
        return staff && open;
    case A::Assign:
        return staff && open;
    }
    return false;
}

TEST(Workflow, MatchesTheDesignTableForEveryCombination)
{
    int allowed = 0;
    for (R role : { R::Operator, R::Inspector, R::Supervisor, R::Admin }) {
        for (S from : allStatuses()) {
            for (A action : allActions()) {
                EXPECT_EQ(Workflow::allowedFrom(action, from, role), expected(role, from, action))
                    << code(role).toStdString() << " " << code(action).toStdString() << " from "
                    << code(from).toStdString();
                allowed += expected(role, from, action) ? 1 : 0;
            }
        }
    }
    EXPECT_GT(allowed, 40);
}

TEST(Workflow, AdministratorsTakeNoComplaintActions)
{
    for (A action : allActions())
        EXPECT_FALSE(Workflow::roleMayEver(R::Admin, action)) << code(action).toStdString();
    for (S from : allStatuses())
        EXPECT_TRUE(Workflow::availableActions(R::Admin, from).isEmpty());
}

TEST(Workflow, InspectorsOnlyRecordFindings)
{
    for (A action : allActions())
        EXPECT_EQ(Workflow::roleMayEver(R::Inspector, action), action == A::Inspect)
            << code(action).toStdString();
}

TEST(Workflow, WhoMakesVerificationCallsMayCallTheCitizenUntilClosed)
{
    for (R role : allRoles()) {
        for (S status : allStatuses()) {
            User user;
            user.role = role;
            Complaint complaint;
            complaint.status = status;
            const bool expected =
                (role == R::Operator || role == R::Supervisor) && status != S::Closed;
            EXPECT_EQ(Workflow::mayCallCitizen(user, complaint), expected)
                << code(role).toStdString() << " " << code(status).toStdString();
        }
    }
}

TEST(Workflow, TargetStatuses)
{
    EXPECT_EQ(Workflow::targetStatus(A::Refer, S::Registered, R::Operator), S::Referred);
    EXPECT_EQ(Workflow::targetStatus(A::Acknowledge, S::Referred, R::Operator), S::InProgress);
    EXPECT_EQ(Workflow::targetStatus(A::Inspect, S::InProgress, R::Supervisor), S::FieldInspection);
    EXPECT_EQ(Workflow::targetStatus(A::Inspect, S::FieldInspection, R::Inspector),
              S::FieldInspection);
    EXPECT_EQ(Workflow::targetStatus(A::Resolve, S::FieldInspection, R::Operator),
              S::ResolvedByAgency);
    EXPECT_EQ(Workflow::targetStatus(A::Reopen, S::Closed, R::Supervisor), S::InProgress);
    EXPECT_EQ(Workflow::targetStatus(A::Escalate, S::Referred, R::Operator), S::Referred);
    EXPECT_FALSE(Workflow::targetStatus(A::Close, S::InProgress, R::Operator).has_value());
}

TEST(Workflow, CodesRoundTrip)
{
    QSet<QString> seen;
    for (A action : allActions()) {
        EXPECT_EQ(actionFromCode(code(action)), action);
        seen.insert(code(action));
    }
    EXPECT_EQ(seen.size(), 13);
    for (const char16_t *c :
         { u"founded", u"partly_founded", u"unfounded", u"outside_jurisdiction" })
        EXPECT_TRUE(outcomeFromCode(c).has_value());
    for (const char16_t *c : { u"confirmed", u"not_fixed", u"unreachable" })
        EXPECT_TRUE(verifyResultFromCode(c).has_value());
}

} // namespace
