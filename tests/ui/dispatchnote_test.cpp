// Messages not going out show in the main window's status bar: a real
// DispatcherThread whose passes fail (the outbox's table is away), then run again.
#include "mainwindow.h"
#include "notify/dispatcherthread.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

TEST(DispatchNote, ShowsWhileSendingFailsWithTheReasonAndClearsWhenItRecovers)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    MockClock clock;
    ui::MainWindow window(db, catalog, clock, User {});
    window.show();
    auto rename = [&](const char *from, const char *to) {
        QSqlQuery q(db->connection());
        return q.exec(QStringLiteral("ALTER TABLE %1 RENAME TO %2")
                          .arg(QLatin1String(from), QLatin1String(to)));
    };

    Dispatcher::Options options;
    options.pollMs = 20;
    DispatcherThread dispatcher(db->url(), clock, options);
    window.watchDispatcher(&dispatcher);
    QLabel *note = window.dispatchNote();
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(window.statusBar()->isAncestorOf(note));
    EXPECT_FALSE(note->isVisible());
    QSignalSpy failed(&dispatcher, &DispatcherThread::failed);
    QSignalSpy recovered(&dispatcher, &DispatcherThread::recovered);

    ASSERT_TRUE(rename("notifications", "notifications_away"));
    dispatcher.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.size() >= 2; }, 10000));
    const QString reason = failed.last().at(0).toString();
    EXPECT_FALSE(reason.isEmpty());
    EXPECT_TRUE(note->isVisible());
    EXPECT_TRUE(note->text().contains(reason)) << note->text().toStdString();
    EXPECT_NE(note->text(), reason) << "it says what fails, not only why";
    EXPECT_FALSE(note->toolTip().isEmpty());
    EXPECT_TRUE(recovered.isEmpty());

    ASSERT_TRUE(rename("notifications_away", "notifications"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !note->isVisible(); }, 10000));
    EXPECT_EQ(recovered.size(), 1);
    EXPECT_TRUE(note->text().isEmpty());
    // Passes go on; the recovery was said once, and nothing fails.
    const qsizetype failures = failed.size();
    QTest::qWait(300);
    EXPECT_EQ(recovered.size(), 1);
    EXPECT_EQ(failed.size(), failures);
    EXPECT_FALSE(note->isVisible());
    dispatcher.stop();
}

} // namespace
