#include "sla/slaengine.h"
#include "support/tehrantime.h"

#include <gtest/gtest.h>

using namespace fouad;
using fouad::test::tehran;
using namespace fouad::SlaEngine;

namespace {

const QTimeZone Tehran("Asia/Tehran");

HistoryEvent event(const char16_t *type, const QDateTime &at, Status from, Status to,
                   QJsonObject data = {})
{
    HistoryEvent e;
    e.type = QStringView(type).toString();
    e.at = at;
    e.actor = QStringLiteral("op");
    e.fromStatus = fouad::code(from);
    e.toStatus = fouad::code(to);
    e.data = data;
    return e;
}

Complaint receivedAt(const QDateTime &at)
{
    Complaint c;
    c.receivedAt = at;
    c.history.append(event(u"registered", at, Status::Registered, Status::Registered));
    c.history.first().fromStatus.clear();
    return c;
}

const SlaPolicy Urgent = SlaPolicy::defaultFor(true);
const SlaPolicy Complex = SlaPolicy::defaultFor(false);
const WorkCalendar &Cal = WorkCalendar::defaultCalendar();

const QList<EscalationRung> Ladder = { { 1, 0.5, true, {} },
                                       { 2, 1.0, false, {} },
                                       { 3, 2.0, false, {} } };

TEST(SlaPolicy, Defaults)
{
    EXPECT_EQ(Urgent.resolve, (SlaTarget { 3 * 3600, true }));
    EXPECT_EQ(Urgent.acknowledge, (SlaTarget { 90 * 60, true }));
    EXPECT_EQ(Urgent.verify, (SlaTarget { 3 * 3600, true }));
    EXPECT_EQ(Complex.resolve, (SlaTarget { 48 * 3600, false }));
    EXPECT_EQ(Complex.acknowledge, (SlaTarget { 24 * 3600, false }));
    EXPECT_EQ(Complex.verify, (SlaTarget { 24 * 3600, false }));
}

TEST(SlaEngine, RunningMetAndBreached)
{
    Complaint c = receivedAt(tehran(2026, 11, 22, 9)); // Sunday 09:00
    Clocks k = clocks(c, Urgent, Cal, tehran(2026, 11, 22, 10));
    EXPECT_EQ(k.resolve.dueAt, tehran(2026, 11, 22, 12));
    EXPECT_EQ(k.resolve.state, ClockState::Running);
    EXPECT_EQ(k.resolve.remainingSeconds, 2 * 3600);
    EXPECT_EQ(k.acknowledge.dueAt, tehran(2026, 11, 22, 10, 30));
    EXPECT_EQ(k.verify.state, ClockState::Pending);

    k = clocks(c, Urgent, Cal, tehran(2026, 11, 22, 13));
    EXPECT_EQ(k.resolve.state, ClockState::Breached);
    EXPECT_EQ(k.resolve.remainingSeconds, -3600);

    c.history.append(
        event(u"refer", tehran(2026, 11, 22, 9, 5), Status::Registered, Status::Referred));
    c.history.append(
        event(u"acknowledge", tehran(2026, 11, 22, 9, 40), Status::Referred, Status::InProgress));
    c.history.append(event(u"resolve", tehran(2026, 11, 22, 11, 30), Status::InProgress,
                           Status::ResolvedByAgency));
    k = clocks(c, Urgent, Cal, tehran(2026, 11, 22, 13));
    EXPECT_EQ(k.acknowledge.state, ClockState::Met);
    EXPECT_EQ(k.resolve.state, ClockState::Met);
    EXPECT_EQ(k.resolve.remainingSeconds, 30 * 60);
    EXPECT_EQ(k.verify.state, ClockState::Running);
    EXPECT_EQ(k.verify.dueAt,
              tehran(2026, 11, 23, 7, 30)); // 2.5 h left that day, 30 min next morning
}

TEST(SlaEngine, WaitingForTheCitizenPausesTheClocks)
{
    Complaint c = receivedAt(tehran(2026, 11, 22, 9));
    c.history.append(
        event(u"refer", tehran(2026, 11, 22, 9, 5), Status::Registered, Status::Referred));
    c.history.append(
        event(u"acknowledge", tehran(2026, 11, 22, 9, 10), Status::Referred, Status::InProgress));
    c.history.append(
        event(u"wait", tehran(2026, 11, 22, 10), Status::InProgress, Status::WaitingForCitizen));
    Clocks k = clocks(c, Urgent, Cal, tehran(2026, 11, 22, 11));
    EXPECT_EQ(k.resolve.state, ClockState::Paused);
    EXPECT_EQ(k.resolve.dueAt, tehran(2026, 11, 22, 13)); // 2 h left, counted from now
    c.history.append(
        event(u"resume", tehran(2026, 11, 22, 12), Status::WaitingForCitizen, Status::InProgress));
    k = clocks(c, Urgent, Cal, tehran(2026, 11, 22, 12, 30));
    EXPECT_EQ(k.resolve.state, ClockState::Running);
    EXPECT_EQ(k.resolve.dueAt, tehran(2026, 11, 22, 14)); // 2 h left at 12:00: until closing
    EXPECT_EQ(
        counted(c.receivedAt, tehran(2026, 11, 22, 12, 30), Urgent.resolve, Cal, factsOf(c).pauses),
        90 * 60);
}

TEST(SlaEngine, NotFixedRestartsTheResolutionClockFromReceivedAt)
{
    Complaint c = receivedAt(tehran(2026, 11, 22, 9));
    c.history.append(
        event(u"acknowledge", tehran(2026, 11, 22, 9, 10), Status::Referred, Status::InProgress));
    c.history.append(
        event(u"resolve", tehran(2026, 11, 22, 10), Status::InProgress, Status::ResolvedByAgency));
    c.history.append(event(u"verify", tehran(2026, 11, 22, 11), Status::ResolvedByAgency,
                           Status::InProgress,
                           { { QStringLiteral("result"), QStringLiteral("not_fixed") } }));
    const Clocks k = clocks(c, Urgent, Cal, tehran(2026, 11, 22, 12, 30));
    EXPECT_EQ(k.resolve.state, ClockState::Breached);
    EXPECT_EQ(k.resolve.dueAt, tehran(2026, 11, 22, 12));
    EXPECT_EQ(k.verify.state, ClockState::Pending);
}

TEST(SlaEngine, LadderLevels)
{
    Complaint c = receivedAt(tehran(2026, 11, 22, 9)); // resolution due 12:00
    EXPECT_EQ(requiredLevel(c, Urgent, Cal, Ladder, tehran(2026, 11, 22, 10, 29)), 0);
    EXPECT_EQ(requiredLevel(c, Urgent, Cal, Ladder, tehran(2026, 11, 22, 10, 30)),
              1); // half, unacknowledged
    EXPECT_EQ(requiredLevel(c, Urgent, Cal, Ladder, tehran(2026, 11, 22, 12)), 2); // breach
    EXPECT_EQ(requiredLevel(c, Urgent, Cal, Ladder, tehran(2026, 11, 23, 10)),
              3); // twice the target
    // Acknowledged in time: no level 1, still level 2 at breach.
    c.history.append(
        event(u"acknowledge", tehran(2026, 11, 22, 10), Status::Referred, Status::InProgress));
    EXPECT_EQ(requiredLevel(c, Urgent, Cal, Ladder, tehran(2026, 11, 22, 11)), 0);
    EXPECT_EQ(requiredLevel(c, Urgent, Cal, Ladder, tehran(2026, 11, 22, 12, 1)), 2);
    // Resolved before breach: nothing more.
    c.history.append(event(u"resolve", tehran(2026, 11, 22, 11, 30), Status::InProgress,
                           Status::ResolvedByAgency));
    EXPECT_EQ(requiredLevel(c, Urgent, Cal, Ladder, tehran(2026, 11, 24, 11)), 0);
}

} // namespace
