// The wallboard's figures from the database and its ticking list.
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "wallboard.h"

#include <QLabel>
#include <QTableWidget>

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
    QStringList figures;
    for (QLabel *l : board.findChildren<QLabel *>())
        figures << l->text();
    const QLocale loc = board.locale();
    // 3 open; the 12:00 one breached; the 13:00 one has 20 of 180 minutes left (near breach).
    EXPECT_TRUE(figures.contains(loc.toString(3))) << figures.join(u'|').toStdString();
    EXPECT_GE(figures.count(loc.toString(1)), 2); // near breach and breached
    auto *urgent = board.findChild<QTableWidget *>(QStringLiteral("urgent"));
    ASSERT_NE(urgent, nullptr);
    EXPECT_EQ(urgent->rowCount(), 2); // the two not yet breached, soonest first
}

} // namespace
