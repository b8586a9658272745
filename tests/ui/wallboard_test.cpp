// The wallboard's figures from the database and its ticking list.
#include "services/administrationservice.h"
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "wallboard.h"

#include <QLabel>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

const QTimeZone Tehran("Asia/Tehran");

TEST(Wallboard, CountsOpenNearBreachAndBreached)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    MockClock clock(QDateTime(QDate(2026, 11, 22), QTime(11, 0), Tehran).toUTC()); // Sunday
    IntakeService intake(*db, catalog, clock);
    ComplaintDraft d = sampleDraft();
    d.category = QStringLiteral("system_down"); // 3 working hours
    for (int hour : { 9, 10, 11 }) {
        d.receivedAt =
            QDateTime(QDate(2026, 11, 22), QTime(hour, 0), Tehran).toUTC(); // due 12, 13, 14
        ASSERT_TRUE(intake.registerComplaint(d).ok());
    }
    clock.set(QDateTime(QDate(2026, 11, 22), QTime(12, 40), Tehran).toUTC());

    ui::Wallboard board(db, catalog, clock);
    auto *open = board.findChild<QLabel *>(QStringLiteral("openFigure"));
    ASSERT_NE(open, nullptr);
    const QLocale loc = board.locale();
    // The figures are read in the background: a dash until the reader answers.
    EXPECT_EQ(open->text(), QStringLiteral("—"));
    // 3 open; the 12:00 one breached; the 13:00 one has 20 of 180 minutes left (near breach).
    ASSERT_TRUE(QTest::qWaitFor([&] { return open->text() == loc.toString(3); }, 10000))
        << open->text().toStdString();
    QStringList figures;
    for (QLabel *l : board.findChildren<QLabel *>())
        figures << l->text();
    EXPECT_GE(figures.count(loc.toString(1)), 2) << figures.join(u'|').toStdString();
    auto *urgent = board.findChild<QTableWidget *>(QStringLiteral("urgent"));
    ASSERT_NE(urgent, nullptr);
    EXPECT_EQ(urgent->rowCount(), 2); // the two not yet breached, soonest first
}

TEST(Wallboard, TheTargetIsTheUrgentCategoriesResolutionTarget)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    MockClock clock(QDateTime(QDate(2026, 11, 22), QTime(11, 0), Tehran).toUTC());
    ui::Wallboard board(db, catalog, clock);
    auto *caption = board.findChild<QLabel *>(QStringLiteral("averageCaption"));
    ASSERT_NE(caption, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.targetSecs() == 3 * 3600; }, 10000));
    EXPECT_TRUE(caption->text().contains(QStringLiteral("۳:۰۰"))) << caption->text().toStdString();

    // Another console (its own Database) sets every urgent category to 4 h 30.
    auto other = Database::open(testDb->url()).value();
    AdministrationService admin(*other, clock);
    for (const Category &c : catalog.categories()) {
        if (!c.urgent)
            continue;
        SlaPolicy p = SlaPolicy::defaultFor(true);
        p.resolve.seconds = 4 * 3600 + 30 * 60;
        ASSERT_TRUE(admin.savePolicy(AdministrationService::systemActor(), c.code, {}, p));
    }
    board.refresh();
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.targetSecs() == 4 * 3600 + 30 * 60; }, 10000));
    EXPECT_TRUE(caption->text().contains(QStringLiteral("۴:۳۰"))) << caption->text().toStdString();
}

} // namespace
