// The queue's countdown: one timer, a cell that changes each second and turns
// to breached with negative time.
#include "countdown.h"
#include "itemmodels/complaintqueuemodel.h"
#include "queueitemdelegate.h"
#include "queueview.h"
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QAbstractItemDelegate>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

const QTimeZone Tehran("Asia/Tehran");

TEST(Countdown, ReadsInTheLocalesDigits)
{
    const QLocale fa(QLocale::Persian, QLocale::Iran);
    EXPECT_EQ(ui::Countdown::text(2 * 3600 + 15 * 60 + 9, QLocale::c()),
              QStringLiteral("02:15:09"));
    EXPECT_EQ(ui::Countdown::text(2 * 3600 + 15 * 60 + 9, fa), QStringLiteral("۰۲:۱۵:۰۹"));
    EXPECT_EQ(ui::Countdown::text(-(12 * 60 + 5), QLocale::c()), QStringLiteral("−00:12:05"));
    EXPECT_EQ(ui::Countdown::level(100, 200), ui::Countdown::Level::Plenty);
    EXPECT_EQ(ui::Countdown::level(100, 1000), ui::Countdown::Level::Close);
    EXPECT_EQ(ui::Countdown::level(-1, 200), ui::Countdown::Level::Breached);
    // The last fifth of the target, exactly as the repository's near-breach query counts.
    EXPECT_EQ(ui::Countdown::level(200, 1000), ui::Countdown::Level::Plenty);
    EXPECT_EQ(ui::Countdown::level(199, 1000), ui::Countdown::Level::Close);
}

TEST(QueueCountdown, TicksEverySecondAndTurnsBreached)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    MockClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 0), Tehran).toUTC()); // Sunday 09:00
    ComplaintDraft d = sampleDraft();
    d.category = QStringLiteral("system_down"); // 3 working hours: due 12:00
    ASSERT_TRUE(IntakeService(*db, catalog, clock).registerComplaint(d).ok());

    ui::QueueView view(db, catalog, clock);
    view.reload();
    view.show();
    ASSERT_EQ(view.model()->rowCount(), 1);
    auto *timer = view.findChild<QTimer *>(QStringLiteral("countdownTick"));
    ASSERT_NE(timer, nullptr);
    EXPECT_TRUE(timer->isActive());
    EXPECT_EQ(timer->interval(), 1000);

    auto *delegate = qobject_cast<ui::QueueItemDelegate *>(view.table()->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    const QModelIndex cell = view.model()->index(0, ComplaintQueueModel::RemainingColumn);
    const QLocale c = QLocale::c();
    EXPECT_EQ(delegate->text(cell, c), QStringLiteral("03:00:00"));
    clock.advanceSecs(1);
    EXPECT_EQ(delegate->text(cell, c), QStringLiteral("02:59:59"));
    clock.advanceSecs(3 * 3600);
    EXPECT_EQ(delegate->text(cell, c), QStringLiteral("−00:00:01"));
    EXPECT_LT(*delegate->remainingSeconds(cell), 0);
    // The timer only asks for a repaint; the row and the query stay as they were.
    const int before = view.model()->rowCount();
    QTest::qWait(1100);
    EXPECT_EQ(view.model()->rowCount(), before);
}

} // namespace
