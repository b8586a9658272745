// An administrator's calendar work: a Jalali picker, CSV import (all or
// nothing), lunar estimates that wait for confirmation.
#include "auth/passwordhasher.h"
#include "calendarsdialog.h"
#include "services/administrationservice.h"
#include "storage/calendarrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/testdatabase.h"

#include <QDateEdit>
#include <QLabel>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

TEST(CalendarsDialog, ImportsEstimatesAndPicksJalaliDates)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    ui::CalendarsDialog dialog(*db, catalog, AdministrationService::systemActor());
    EXPECT_EQ(dialog.currentCalendar(), QStringLiteral("24x7")); // sorted by code: 24x7, default
    auto *holidays = dialog.findChild<QTableWidget *>(QStringLiteral("holidays"));
    ASSERT_NE(holidays, nullptr);
    EXPECT_EQ(dialog.findChild<QDateEdit *>(QStringLiteral("holidayDate"))->calendar().name(),
              QStringLiteral("Jalali"));

    const int before = holidays->rowCount();
    dialog.importCsv(QStringLiteral("1405/01/01,نوروز\n1405/12/31,بد\n"));
    EXPECT_EQ(holidays->rowCount(), before); // one bad line: nothing imported
    EXPECT_EQ(CalendarRepository(*db).holidays(dialog.currentCalendar())->size(), before);
    dialog.importCsv(QStringLiteral("1405/01/01,نوروز\n1405/02/21,تعطیل محلی\n"));
    EXPECT_EQ(holidays->rowCount(), before + 2);

    dialog.estimateLunar(1405);
    int unconfirmed = 0;
    for (int row = 0; row < holidays->rowCount(); ++row)
        unconfirmed += holidays->item(row, 2)->checkState() == Qt::Unchecked ? 1 : 0;
    EXPECT_GE(unconfirmed, 15);
}

TEST(CalendarsDialog, OnlyAnAdministratorChangesACalendarAndTheChangeIsRecorded)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    const QString hash = PasswordHasher(1000).hash(QStringLiteral("a long password"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    UserRepository users(*db);
    const User sara = users.add(QStringLiteral("sara"), {}, Role::Supervisor, hash, now).value();
    const User boss = users.add(QStringLiteral("boss"), {}, Role::Admin, hash, now).value();
    const QString csv = QStringLiteral("1405/02/21,تعطیل محلی\n");

    ui::CalendarsDialog refused(*db, catalog, sara);
    const int before = int(CalendarRepository(*db).holidays(refused.currentCalendar())->size());
    refused.importCsv(csv);
    const auto *message = refused.findChild<QLabel *>(QStringLiteral("fieldError"));
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->text().contains(QStringLiteral("مدیر سامانه")))
        << message->text().toStdString();
    EXPECT_EQ(CalendarRepository(*db).holidays(refused.currentCalendar())->size(), before);

    ui::CalendarsDialog allowed(*db, catalog, boss);
    allowed.importCsv(csv);
    EXPECT_EQ(CalendarRepository(*db).holidays(allowed.currentCalendar())->size(), before + 1);
    const auto history = AdministrationService(*db).history(1).value();
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history.at(0).actor, u"boss");
    EXPECT_EQ(history.at(0).key, allowed.currentCalendar());
}

} // namespace
