// The supervisors' dashboard (issue 10): it follows its filters, to the figures
// counted independently in SQL, a bar opens the queue filtered to it, and
// supervisors land on it.
#include "dashboardview.h"
#include "domain/jalali.h"
#include "itemmodels/complaintqueuemodel.h"
#include "mainwindow.h"
#include "queueview.h"
#include "seed/demoseeder.h"
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone Tehran("Asia/Tehran");

class DashboardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        clock.set(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Tehran).toUTC());
        DemoSeeder seeder(*db, ReferenceRepository(*db).load().value(), clock);
        ASSERT_TRUE(seeder.run({ .count = 600, .seed = 7, .days = 40 }).ok());
        catalog = ReferenceRepository(*db).load().value(); // with the demo offices
        // The dashboard's default period: the last 30 Tehran days, today included.
        const QDate today = clock.nowUtc().toTimeZone(Tehran).date();
        from = QDateTime(today.addDays(-29), QTime(0, 0), Tehran).toUTC().toMSecsSinceEpoch();
        to = QDateTime(today.addDays(1), QTime(0, 0), Tehran).toUTC().toMSecsSinceEpoch();
    }

    // Counted here, not by StatsService: complaints received in the period, and more.
    qint64 count(const QString &where = u"1 = 1"_s, const QVariantList &values = {})
    {
        QSqlQuery q(db->connection());
        q.prepare(u"SELECT COUNT(*) FROM complaints WHERE received_at >= ? AND received_at < ? "
                  "AND "_s
                  + where);
        q.addBindValue(from);
        q.addBindValue(to);
        for (const QVariant &v : values)
            q.addBindValue(v);
        EXPECT_TRUE(q.exec() && q.next());
        return q.value(0).toLongLong();
    }

    QString mostFrequent(const QString &column)
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(u"SELECT %1 FROM complaints WHERE received_at >= %2 AND received_at < "
                           "%3 GROUP BY %1 ORDER BY COUNT(*) DESC, %1 LIMIT 1"_s.arg(column)
                               .arg(from)
                               .arg(to)));
        EXPECT_TRUE(q.next());
        return q.value(0).toString();
    }

    static QString tile(const ui::DashboardView &view, const char *key)
    {
        auto *label = view.findChild<QLabel *>(u"tile_"_s + QLatin1StringView(key));
        return label ? label->text() : u"(no tile)"_s;
    }

    static void choose(QComboBox *box, const QString &code)
    {
        ASSERT_NE(box, nullptr);
        const int at = box->findData(code);
        ASSERT_GE(at, 0) << code.toStdString();
        box->setCurrentIndex(at);
    }

    static qreal barTotal(QChart *chart)
    {
        qreal total = 0;
        for (QAbstractSeries *series : chart->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
                for (QBarSet *set : bars->barSets())
                    total += set->sum();
        }
        return total;
    }

    // A dashboard on the screen, once it shows the period's complaints
    // (ASSERT_NO_FATAL_FAILURE around it).
    void showUntilComputed(ui::DashboardView &view)
    {
        view.resize(1400, 900);
        view.show();
        const QString all = view.locale().toString(count());
        ASSERT_TRUE(QTest::qWaitFor([&] { return tile(view, "total") == all; }, 15000))
            << tile(view, "total").toStdString() << " != " << all.toStdString();
    }

    // A supervisor's main window, on the dashboard once it shows the period's
    // complaints (ASSERT_NO_FATAL_FAILURE around it).
    void openAsSupervisor()
    {
        ASSERT_TRUE(addTestUser(*db, u"sup.nouri"_s, Role::Supervisor, clock.nowUtc()).ok());
        mainWindow = std::make_unique<ui::MainWindow>(
            db, catalog, clock, UserRepository(*db).find(u"sup.nouri"_s).value());
        mainWindow->show();
        shownView = mainWindow->dashboard();
        ASSERT_NE(shownView, nullptr);
        pages = mainWindow->findChild<QTabWidget *>(u"pages"_s);
        ASSERT_NE(pages, nullptr);
        const QLocale loc = shownView->locale();
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return tile(*shownView, "total") == loc.toString(count()); }, 15000));
    }

    // Every row of the window's queue, its pages fetched.
    void fetchWholeQueue()
    {
        ComplaintQueueModel *queue = mainWindow->queueView()->model();
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                if (queue->canFetchMore({}) && !queue->isLoading())
                    queue->fetchMore({});
                return !queue->isLoading() && !queue->canFetchMore({});
            },
            15000));
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
    qint64 from = 0, to = 0;
    std::unique_ptr<ui::MainWindow> mainWindow; // openAsSupervisor()
    ui::DashboardView *shownView = nullptr;
    QTabWidget *pages = nullptr;
};

TEST_F(DashboardTest, FollowsTheProvinceAndCategoryFilters)
{
    ui::DashboardView view(db, catalog, clock);
    const QLocale loc = view.locale();
    view.resize(1400, 900);
    view.show(); // the first computation, in the background
    const qint64 all = count();
    ASSERT_GT(all, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tile(view, "total") == loc.toString(all); }, 15000))
        << tile(view, "total").toStdString() << " != " << all;
    EXPECT_EQ(barTotal(view.chart(ui::DashboardView::Chart::ByCategory)), all);
    EXPECT_EQ(barTotal(view.chart(ui::DashboardView::Chart::PerDay)), all);

    // One province: every figure and chart follows.
    const QString province = mostFrequent(u"province_code"_s);
    const qint64 inProvince = count(u"province_code = ?"_s, { province });
    const qint64 openInProvince =
        count(u"province_code = ? AND status <> 'closed'"_s, { province });
    ASSERT_LT(inProvince, all);
    choose(view.findChild<QComboBox *>(u"dashboardProvince"_s), province);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return tile(view, "total") == loc.toString(inProvince); }, 15000))
        << tile(view, "total").toStdString() << " != " << inProvince;
    EXPECT_EQ(tile(view, "open"), loc.toString(openInProvince));
    EXPECT_EQ(barTotal(view.chart(ui::DashboardView::Chart::ByCategory)), inProvince);
    EXPECT_EQ(barTotal(view.chart(ui::DashboardView::Chart::PerDay)), inProvince);

    // And one category in it.
    const QString category = mostFrequent(u"category_code"_s);
    const qint64 both = count(u"province_code = ? AND category_code = ?"_s, { province, category });
    choose(view.findChild<QComboBox *>(u"dashboardCategory"_s), category);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tile(view, "total") == loc.toString(both); }, 15000))
        << tile(view, "total").toStdString() << " != " << both;
    EXPECT_EQ(barTotal(view.chart(ui::DashboardView::Chart::PerDay)), both);
    EXPECT_GE(view.lastComputeMs(), 0);
}

TEST_F(DashboardTest, ClickingACategoryBarFiltersTheQueue)
{
    ASSERT_NO_FATAL_FAILURE(openAsSupervisor());
    EXPECT_EQ(pages->currentWidget(), shownView); // the supervisors' landing page

    // The bar of the most frequent category, found by its label.
    const QString category = mostFrequent(u"category_code"_s);
    QChart *chart = shownView->chart(ui::DashboardView::Chart::ByCategory);
    auto *series = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
    ASSERT_NE(series, nullptr);
    auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
    ASSERT_NE(axis, nullptr);
    const int bar = int(axis->categories().indexOf(localizedName(*catalog.category(category))));
    ASSERT_GE(bar, 0);
    Q_EMIT series->barSets().at(0)->clicked(bar);

    EXPECT_EQ(pages->currentIndex(), 0); // the desk, with the queue
    ComplaintQueueModel *queue = mainWindow->queueView()->model();
    EXPECT_EQ(queue->query().scope.category, category);
    ASSERT_TRUE(queue->query().scope.receivedFrom.has_value());
    EXPECT_EQ(queue->query().scope.receivedFrom->toMSecsSinceEpoch(), from);
    // Every row of the queue is of that category, and all of them come (paged).
    const qint64 expected = count(u"category_code = ?"_s, { category });
    ASSERT_NO_FATAL_FAILURE(fetchWholeQueue());
    EXPECT_EQ(queue->rowCount(), expected);
    for (int row = 0; row < queue->rowCount(); ++row)
        ASSERT_EQ(queue->index(row, 0).data(ComplaintQueueModel::CategoryRole).toString(),
                  category);
    auto *caption = mainWindow->findChild<QLabel *>(u"queueScopeCaption"_s);
    ASSERT_NE(caption, nullptr);
    EXPECT_TRUE(caption->isVisible());
    EXPECT_TRUE(caption->text().contains(localizedName(*catalog.category(category))));
}

// Each bar of the charts of names has its name beside it (Qt Charts hides a
// name that does not fit its bar), and its whole name when hovered.
TEST_F(DashboardTest, EveryBarOfANamedChartShowsItsName)
{
    ui::DashboardView view(db, catalog, clock);
    ASSERT_NO_FATAL_FAILURE(showUntilComputed(view));
    const QLocale loc = view.locale();
    for (const auto which :
         { ui::DashboardView::Chart::ByCategory, ui::DashboardView::Chart::AgenciesByCount,
           ui::DashboardView::Chart::AgenciesBySla }) {
        SCOPED_TRACE(int(which));
        QChart *chart = view.chart(which);
        ASSERT_NE(chart, nullptr);
        ASSERT_NE(chart->scene(), nullptr);
        auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
        ASSERT_NE(axis, nullptr);
        const QStringList names = axis->categories();
        ASSERT_GE(names.size(), 8);
        QStringList missing;
        const auto allShown = [&] { // once the charts are laid out
            QSet<QString> shown;
            for (QGraphicsItem *item : chart->scene()->items())
                if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    shown.insert(text->toPlainText());
            missing.clear();
            for (const QString &name : names)
                if (!shown.contains(name))
                    missing << name;
            return missing.isEmpty();
        };
        EXPECT_TRUE(QTest::qWaitFor(allShown, 2000)) << missing.join(u", "_s).toStdString();

        // The whole name and the value of a bar, hovered.
        auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
        ASSERT_NE(series, nullptr);
        QBarSet *set = series->barSets().value(0);
        const int top = int(names.size()) - 1; // the first item, drawn on top
        Q_EMIT set->hovered(true, top);
        EXPECT_TRUE(QToolTip::isVisible());
        EXPECT_TRUE(QToolTip::text().startsWith(
            names.at(top).chopped(names.at(top).endsWith(u'…') ? 1 : 0)))
            << QToolTip::text().toStdString();
        EXPECT_TRUE(QToolTip::text().contains(loc.toString(set->at(top), 'f', 0))
                    || QToolTip::text().contains(loc.toString(set->at(top), 'f', 1)))
            << QToolTip::text().toStdString();
        Q_EMIT set->hovered(false, top);
    }
}

// The per-day chart's axis shows a subset of its dates when they do not fit
// (a year's) and no year: hovering a day's bar tells its whole date and count.
TEST_F(DashboardTest, HoveringADayTellsItsDateWithTheYearAndItsCount)
{
    ui::DashboardView view(db, catalog, clock);
    ASSERT_NO_FATAL_FAILURE(showUntilComputed(view));
    const QLocale loc = view.locale();
    QChart *chart = view.chart(ui::DashboardView::Chart::PerDay);
    ASSERT_NE(chart, nullptr);
    auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
    ASSERT_NE(series, nullptr);
    QBarSet *set = series->barSets().value(0);
    ASSERT_NE(set, nullptr);
    ASSERT_EQ(set->count(), 30); // the default period's days
    const QDate today = clock.nowUtc().toTimeZone(Tehran).date();
    for (int index = 0; index < set->count(); ++index) {
        const QDate day = today.addDays(-index); // the first day rightmost
        SCOPED_TRACE(day.toString(Qt::ISODate).toStdString());
        QSqlQuery q(db->connection());
        q.prepare(u"SELECT COUNT(*) FROM complaints WHERE received_at >= ? AND received_at < ?"_s);
        q.addBindValue(QDateTime(day, QTime(0, 0), Tehran).toMSecsSinceEpoch());
        q.addBindValue(QDateTime(day.addDays(1), QTime(0, 0), Tehran).toMSecsSinceEpoch());
        ASSERT_TRUE(q.exec() && q.next());
        Q_EMIT set->hovered(true, index);
        ASSERT_TRUE(QToolTip::isVisible());
        // Led by a right-to-left mark: a text that starts with digits would
        // otherwise be laid out left to right, the count before the date.
        EXPECT_EQ(QToolTip::text(),
                  QChar(0x200F) + Jalali::formatDate(day, loc) + u": "_s
                      + loc.toString(q.value(0).toLongLong()));
        Q_EMIT set->hovered(false, index);
    }
}

// A tile, clicked or pressed, and a bar of the resolution times open the queue
// of exactly the complaints they count.
TEST_F(DashboardTest, ATileOrAResolutionTimeBarOpensItsComplaints)
{
    ASSERT_NO_FATAL_FAILURE(openAsSupervisor());
    const QLocale loc = shownView->locale();
    ComplaintQueueModel *queue = mainWindow->queueView()->model();
    auto everyRow = [&] {
        fetchWholeQueue();
        QSet<QString> codes;
        for (int row = 0; row < queue->rowCount(); ++row)
            codes.insert(
                queue->index(row, 0).data(ComplaintQueueModel::TrackingCodeRole).toString());
        return codes;
    };
    auto counted = [&](const QString &where) {
        QSqlQuery q(db->connection());
        q.prepare(u"SELECT tracking_code FROM complaints WHERE received_at >= ? AND received_at < ?"
                  " AND "_s
                  + where);
        q.addBindValue(from);
        q.addBindValue(to);
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
        QSet<QString> codes;
        while (q.next())
            codes.insert(q.value(0).toString());
        return codes;
    };
    auto *caption = mainWindow->findChild<QLabel *>(u"queueScopeCaption"_s);
    ASSERT_NE(caption, nullptr);

    // The reopen rate's tile, clicked on its figure.
    const QSet<QString> reopened = counted(u"reopen_count > 0"_s);
    ASSERT_FALSE(reopened.isEmpty());
    auto *reopenTile = shownView->findChild<QLabel *>(u"tile_reopen"_s);
    ASSERT_NE(reopenTile, nullptr);
    QTest::mouseClick(reopenTile, Qt::LeftButton);
    EXPECT_EQ(pages->currentIndex(), 0);
    EXPECT_EQ(everyRow(), reopened);
    EXPECT_TRUE(caption->isVisible());

    // The escalation tile, from the keyboard.
    pages->setCurrentWidget(shownView);
    auto *escalationTile = shownView->findChild<QLabel *>(u"tile_escalation"_s);
    ASSERT_NE(escalationTile, nullptr);
    QWidget *frame = escalationTile->parentWidget();
    ASSERT_EQ(frame->focusPolicy(), Qt::StrongFocus);
    QTest::keyClick(frame, Qt::Key_Space);
    EXPECT_EQ(pages->currentIndex(), 0);
    const QSet<QString> escalated = counted(u"status <> 'closed' AND escalation_level > 0"_s);
    ASSERT_FALSE(escalated.isEmpty());
    EXPECT_EQ(everyRow(), escalated);

    // The resolution time bar of 0:30 to 1:00 (bars run from the right: the
    // shortest first, so bucket 1 is index n − 2).
    pages->setCurrentWidget(shownView);
    const qint64 bucket = shownView->shown().resolutionBucketSeconds;
    const auto n = int(shownView->shown().resolutionHistogram.size());
    ASSERT_GT(n, 2);
    QChart *chart = shownView->chart(ui::DashboardView::Chart::ResolutionTimes);
    auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
    ASSERT_NE(bars, nullptr);
    const QSet<QString> inBucket = counted(
        u"resolution_seconds >= %1 AND resolution_seconds < %2"_s.arg(bucket).arg(2 * bucket));
    ASSERT_FALSE(inBucket.isEmpty());
    EXPECT_EQ(bars->barSets().at(0)->at(n - 2), inBucket.size()); // the bar drawn says so too
    // Hovered, it tells its span (both ends) and count, in the caption's words.
    Q_EMIT bars->barSets().at(0)->hovered(true, n - 2);
    const QString tip = QToolTip::text();
    EXPECT_TRUE(tip.contains(ui::DashboardView::duration(double(bucket), loc))
                && tip.contains(ui::DashboardView::duration(double(2 * bucket), loc)))
        << tip.toStdString();
    EXPECT_TRUE(tip.endsWith(u": "_s + loc.toString(qlonglong(inBucket.size()))))
        << tip.toStdString();
    Q_EMIT bars->barSets().at(0)->hovered(false, n - 2);
    Q_EMIT bars->barSets().at(0)->clicked(n - 2);
    EXPECT_EQ(pages->currentIndex(), 0);
    EXPECT_EQ(everyRow(), inBucket);
    EXPECT_TRUE(caption->text().contains(ui::DashboardView::duration(double(bucket), loc)))
        << caption->text().toStdString();
    EXPECT_TRUE(caption->text().contains(tip.section(u": "_s, 0, 0)))
        << caption->text().toStdString() << " / " << tip.toStdString();
    // And the longest, open-ended.
    pages->setCurrentWidget(shownView);
    Q_EMIT bars->barSets().at(0)->clicked(0);
    EXPECT_EQ(everyRow(), counted(u"resolution_seconds >= %1"_s.arg((n - 1) * bucket)));
}

TEST_F(DashboardTest, OperatorsKeepTheQueueAndHaveNoDashboard)
{
    ASSERT_TRUE(addTestUser(*db, u"op.karimi"_s, Role::Operator, clock.nowUtc()).ok());
    ui::MainWindow window(db, catalog, clock, UserRepository(*db).find(u"op.karimi"_s).value());
    EXPECT_EQ(window.dashboard(), nullptr);
    EXPECT_EQ(window.findChild<QTabWidget *>(u"pages"_s), nullptr);
}

TEST_F(DashboardTest, RefreshesOnChangesAtMostEveryFewSeconds)
{
    ui::DashboardView view(db, catalog, clock);
    const QLocale loc = view.locale();
    view.show();
    const qint64 all = count();
    ASSERT_TRUE(QTest::qWaitFor([&] { return tile(view, "total") == loc.toString(all); }, 60000));
    QSignalSpy answered(&view, &ui::DashboardView::refreshed);
    view.refresh(); // the throttle counts from here
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(answered.wait(60000));
    answered.clear();
    // A burst of changes heard: one refresh, not before the throttle allows.
    ComplaintDraft d = sampleDraft();
    d.receivedAt = clock.nowUtc();
    ASSERT_TRUE(IntakeService(*db, catalog, clock).registerComplaint(d).ok());
    for (int i = 0; i < 5; ++i)
        view.refreshSoon();
    ASSERT_TRUE(QTest::qWaitFor([&] { return tile(view, "total") == loc.toString(all + 1); },
                                ui::DashboardView::RefreshThrottleMs + 60000));
    EXPECT_GE(timer.elapsed(), ui::DashboardView::RefreshThrottleMs - 100);
    QTest::qWait(500);
    EXPECT_EQ(answered.count(), 1);
}

} // namespace
