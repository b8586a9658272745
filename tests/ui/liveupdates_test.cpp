// Live updates in the console: the queue and an open complaint window follow
// changes made by another connection and by another process (fouadctl).
#include "auth/passwordhasher.h"
#include "complaintwindow.h"
#include "itemmodels/complaintqueuemodel.h"
#include "live/changefeed.h"
#include "mainwindow.h"
#include "queueview.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/childctl.h"
#include "support/liveaim.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"
#include "wallboard.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

class LiveUpdatesTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        for (const char16_t *name : { u"op", u"op2" })
            ASSERT_TRUE(addTestUser(*db, s(name), Role::Operator, clock.nowUtc()).ok());
    }

    // Within a second of the commit is the aim (liveAimMs); late after the slack.
    int lateMs() const { return int(liveLateMs(GetParam())); }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
};

TEST_P(LiveUpdatesTest, QueueAndOpenComplaintFollowChangesMadeElsewhere)
{
    const QString code =
        IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
    ui::MainWindow window(db, catalog, clock, UserRepository(*db).find(s(u"op")).value());
    ComplaintQueueModel *queue = window.queueView()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return queue->rowOf(code) >= 0; }, 10000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.changeFeed()->isReady(); }, 10000));
    ui::ComplaintWindow *cw = window.openComplaint(code);
    ASSERT_NE(cw->findChild<QPushButton *>(s(u"action_refer")), nullptr);
    auto *notice = cw->findChild<QWidget *>(s(u"changedNotice"));
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->isHidden());

    // Another desk, its own connection, refers it.
    {
        auto other = Database::open(testDb->url());
        ASSERT_TRUE(other.ok());
        ActionRequest refer;
        refer.action = Action::Refer;
        refer.code = code;
        refer.actor = s(u"op2");
        ASSERT_TRUE(WorkflowService(*other.value(), clock).perform(refer).ok());
    }
    QElapsedTimer t;
    t.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const int row = queue->rowOf(code);
            return row >= 0
                && queue->index(row, 0).data(ComplaintQueueModel::StatusRole).toString()
                == u"referred"
                && cw->isOutdated();
        },
        5000));
    EXPECT_LE(t.elapsed(), lateMs());
    std::cout << "queue and window followed after " << t.elapsed() << " ms\n";
    // Not overwritten: what the user reads stays, with a notice naming who.
    EXPECT_EQ(cw->complaint().version, 1);
    EXPECT_FALSE(notice->isHidden());
    const QString text = notice->findChild<QLabel *>()->text();
    EXPECT_TRUE(text.contains(s(u"op2"))) << text.toStdString();
    cw->findChild<QPushButton *>(s(u"reloadChanged"))->click();
    EXPECT_EQ(cw->complaint().version, 2);
    EXPECT_TRUE(notice->isHidden());
    EXPECT_EQ(cw->findChild<QPushButton *>(s(u"action_refer")), nullptr); // follows the state

    // The wallboard follows too.
    ui::Wallboard *board = window.showWallboard();
    auto *openFigure = board->findChild<QLabel *>(s(u"openFigure"));
    ASSERT_NE(openFigure, nullptr);
    // Read in the background: shown once the reader answers.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return openFigure->text() == board->locale().toString(1); }, 5000));

    // Another process registers one: it appears at the top of the queue.
    const ChildRegistration child =
        registerThroughFouadctl(testDb->url(), s(u"2026-11-22T12:00:00+03:30"));
    t.restart();
    ASSERT_TRUE(child.finished);
    ASSERT_EQ(child.exitCode, 0) << child.stderrText.toStdString();
    const QString added = child.trackingCode;
    ASSERT_TRUE(QTest::qWaitFor([&] { return queue->rowOf(added) == 0; }, 5000));
    EXPECT_LE(t.elapsed(), lateMs());
    std::cout << "another process's complaint in the queue after " << t.elapsed() << " ms\n";
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return openFigure->text() == board->locale().toString(2); }, 5000));
    EXPECT_LE(t.elapsed(), lateMs());
    board->close();
    cw->close();
}

INSTANTIATE_TEST_SUITE_P(Backends, LiveUpdatesTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
