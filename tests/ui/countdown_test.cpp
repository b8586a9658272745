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
#include <QPaintEvent>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

const QTimeZone Tehran("Asia/Tehran");

// Records, at each repaint of the countdown cell, the text the delegate draws there.
class PaintWatcher final : public QObject
{
public:
    PaintWatcher(QTableView *table, const QModelIndex &cell, ui::QueueItemDelegate *delegate)
        : m_table(table)
        , m_cell(cell)
        , m_delegate(delegate)
    {
        table->viewport()->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_table->viewport() && event->type() == QEvent::Paint
            && static_cast<QPaintEvent *>(event)->region().intersects(m_table->visualRect(m_cell)))
            texts << m_delegate->text(m_cell, QLocale::c());
        return false;
    }

    QStringList texts;

private:
    QTableView *m_table;
    QPersistentModelIndex m_cell;
    ui::QueueItemDelegate *m_delegate;
};

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
    // Pages arrive from the queue's worker, off the GUI thread.
    ASSERT_TRUE(QTest::qWaitFor([&] { return view.model()->rowCount() == 1; }, 5000));
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

    // The tick itself: with nothing else asking, the countdown cell is repainted
    // each second and shows the clock's new time; the model fetches nothing.
    QTest::qWait(50); // the first paint after show() is done
    PaintWatcher watcher(view.table(), cell, delegate);
    QSignalSpy resets(view.model(), &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy fetches(view.model(), &QAbstractItemModel::rowsAboutToBeInserted);
    for (int second = 0; second < 3; ++second) {
        clock.advanceSecs(1);
        const qsizetype before = watcher.texts.size();
        ASSERT_TRUE(QTest::qWaitFor([&] { return watcher.texts.size() > before; }, 5000))
            << "no repaint of the countdown cell after tick " << second;
    }
    watcher.texts.removeDuplicates(); // a tick may be painted more than once
    EXPECT_EQ(watcher.texts,
              (QStringList { QStringLiteral("−00:00:02"), QStringLiteral("−00:00:03"),
                             QStringLiteral("−00:00:04") }));
    EXPECT_TRUE(resets.isEmpty());
    EXPECT_TRUE(fetches.isEmpty());
}

} // namespace
