// Calendars edited by an administrator change the due times computed after.
#include "services/intakeservice.h"
#include "storage/calendarrepository.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"

#include <QCalendar>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

const QTimeZone Tehran("Asia/Tehran");

class CalendarRepositoryTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
    }

    QDateTime dueOf(const QString &province, const QDateTime &received)
    {
        ComplaintDraft d = sampleDraft();
        d.category = QStringLiteral("system_down");
        d.province = province;
        d.receivedAt = received;
        MockClock clock(received);
        auto c =
            IntakeService(*db, ReferenceRepository(*db).load().value(), clock).registerComplaint(d);
        EXPECT_TRUE(c.ok());
        return c->dueAt;
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
};

TEST_P(CalendarRepositoryTest, DefaultsAreTheIssuesCalendar)
{
    CalendarRepository repo(*db);
    const auto week = repo.hours(QStringLiteral("default")).value();
    EXPECT_EQ(week[Qt::Saturday - 1].size(), 1);
    EXPECT_TRUE(week[Qt::Friday - 1].isEmpty());
    EXPECT_EQ(repo.holidays(QStringLiteral("default"))->size(), 10);
    const SlaConfig config = SlaRepository(*db).load().value();
    EXPECT_TRUE(config.calendarFor(QStringLiteral("tehran"))
                    .isHoliday(QCalendar(QCalendar::System::Jalali).dateFromParts(1405, 11, 22)));
}

TEST_P(CalendarRepositoryTest, ConfirmedLunarHolidaysCountUnconfirmedDoNot)
{
    CalendarRepository repo(*db);
    // Monday 23 November 2026 = 1405/09/02: make it a (lunar) holiday, unconfirmed.
    ASSERT_TRUE(repo.addHolidays(QStringLiteral("default"),
                                 { { 0, 1405, 9, 2, QStringLiteral("test"), false } })
                    .ok());
    // Sunday 13:00 + 3 working hours: Sunday 1 h, then Monday 2 h → 09:00 Monday.
    EXPECT_EQ(dueOf(QStringLiteral("tehran"), tehran(2026, 11, 22, 13)), tehran(2026, 11, 23, 9));
    qint64 id = 0;
    for (const Holiday &h : repo.holidays(QStringLiteral("default")).value())
        id = h.name == u"test" ? h.id : id;
    ASSERT_TRUE(repo.setConfirmed(id, true).ok());
    EXPECT_EQ(dueOf(QStringLiteral("tehran"), tehran(2026, 11, 22, 13)),
              tehran(2026, 11, 24, 9)); // Tuesday
    ASSERT_TRUE(repo.removeHoliday(id).ok());
    EXPECT_EQ(dueOf(QStringLiteral("tehran"), tehran(2026, 11, 22, 13)), tehran(2026, 11, 23, 9));
}

TEST_P(CalendarRepositoryTest, ProvincialHoursAndTheAroundTheClockCalendar)
{
    CalendarRepository repo(*db);
    ASSERT_TRUE(repo.setProvinceCalendar(QStringLiteral("qom"), QStringLiteral("24x7")).ok());
    EXPECT_EQ(dueOf(QStringLiteral("qom"), tehran(2026, 11, 26, 20)),
              tehran(2026, 11, 26, 23)); // Thursday night
    EXPECT_EQ(dueOf(QStringLiteral("tehran"), tehran(2026, 11, 26, 20)), tehran(2026, 11, 28, 10));

    std::array<QList<WorkCalendar::Interval>, 7> week;
    for (Qt::DayOfWeek d : { Qt::Saturday, Qt::Sunday, Qt::Monday, Qt::Tuesday, Qt::Wednesday })
        week[d - 1] = { { 8 * 60, 16 * 60 } };
    ASSERT_TRUE(repo.setHours(QStringLiteral("default"), week).ok());
    EXPECT_EQ(dueOf(QStringLiteral("tehran"), tehran(2026, 11, 22, 14)), tehran(2026, 11, 23, 9));
    week[0] = { { 10 * 60, 9 * 60 } };
    EXPECT_FALSE(repo.setHours(QStringLiteral("default"), week).ok()); // ends before it starts
}

TEST_P(CalendarRepositoryTest, TheAbroadLineCanRunAroundTheClock)
{
    CalendarRepository repo(*db);
    ASSERT_TRUE(
        repo.setChannelCalendar(QStringLiteral("abroad_line"), QStringLiteral("24x7")).ok());
    ComplaintDraft d = sampleDraft();
    d.category = QStringLiteral("system_down");
    d.channel = QStringLiteral("abroad_line");
    d.receivedAt = tehran(2026, 11, 26, 20); // Thursday night
    MockClock clock(*d.receivedAt);
    auto c =
        IntakeService(*db, ReferenceRepository(*db).load().value(), clock).registerComplaint(d);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->dueAt, tehran(2026, 11, 26, 23));
    EXPECT_EQ(dueOf(QStringLiteral("tehran"), tehran(2026, 11, 26, 20)),
              tehran(2026, 11, 28, 10)); // line 128
    ASSERT_TRUE(repo.setChannelCalendar(QStringLiteral("abroad_line"), {}).ok());
    EXPECT_TRUE(repo.channelCalendars()->isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CalendarRepositoryTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
