// The console's background sweeper: its thread really sweeps the database and
// says so; a sweep that cannot run says why, in the status bar.
#include "services/intakeservice.h"
#include "slasweeper.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

TEST(SlaSweeper, ItsThreadSweepsTheDatabaseAndEmits)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    MockClock clock(tehran(2026, 11, 22, 9)); // Sunday
    ComplaintDraft d = sampleDraft();
    d.category = QStringLiteral("absent_employee"); // urgent: due 12:00, top rung next morning
    d.receivedAt = clock.nowUtc();
    const auto registered = IntakeService(*db, catalog, clock).registerComplaint(d);
    ASSERT_TRUE(registered.ok());
    clock.set(tehran(2026, 11, 23, 8));

    ui::SlaSweeper sweeper(db->url(), clock);
    QSignalSpy escalated(&sweeper, &ui::SlaSweeper::escalated);
    QSignalSpy swept(&sweeper, &ui::SlaSweeper::swept);
    QSignalSpy failed(&sweeper, &ui::SlaSweeper::failed);
    QList<QThread *> emittedOn;
    auto onThread = [&emittedOn] {
        emittedOn.append(QThread::currentThread());
    };
    QObject::connect(&sweeper, &ui::SlaSweeper::escalated, &sweeper, onThread,
                     Qt::DirectConnection);
    QObject::connect(&sweeper, &ui::SlaSweeper::swept, &sweeper, onThread, Qt::DirectConnection);
    sweeper.start(60 * 60 * 1000); // the first sweep at once, the next in an hour
    // Signals from the worker's thread raced the spy: one emitted before wait()
    // began was recorded, but wait() waits for a new one and ran out.
    QThread::msleep(300);
    ASSERT_TRUE(swept.wait(10000));
    EXPECT_EQ(emittedOn, QList<QThread *>({ sweeper.thread(), sweeper.thread() }));
    ASSERT_EQ(escalated.size(), 1);
    EXPECT_EQ(escalated.at(0).at(0).toInt(), 3); // levels 1, 2 and 3 at once
    EXPECT_TRUE(failed.isEmpty());
    const Complaint c = ComplaintRepository(*db).findByCode(registered->trackingCode).value();
    EXPECT_EQ(c.escalationLevel, 3);
}

TEST(SlaSweeper, AFailingSweepEmitsFailedAndShowsInTheStatusBar)
{
    // A database file where none can be made.
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const DatabaseUrl url =
        DatabaseUrl::sqlite(dir.filePath(QStringLiteral("not-a-folder/fouad.db")));

    QStatusBar bar;
    MockClock clock;
    ui::SlaSweeper sweeper(url, clock);
    sweeper.showFailuresIn(&bar);
    QSignalSpy failed(&sweeper, &ui::SlaSweeper::failed);
    QSignalSpy swept(&sweeper, &ui::SlaSweeper::swept);
    QThread *emittedOn = nullptr;
    QObject::connect(
        &sweeper, &ui::SlaSweeper::failed, &sweeper,
        [&emittedOn] { emittedOn = QThread::currentThread(); }, Qt::DirectConnection);
    sweeper.start(60 * 60 * 1000);
    QThread::msleep(300); // the failure is ready before the wait (see above)
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(emittedOn, sweeper.thread());
    EXPECT_FALSE(failed.at(0).at(0).toString().isEmpty());
    EXPECT_TRUE(swept.isEmpty());

    QLabel *note = nullptr;
    for (QLabel *label : bar.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&bar) && !label->text().isEmpty())
            note = label;
    }
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->text().contains(failed.at(0).at(0).toString()));
    EXPECT_EQ(note->toolTip(), failed.at(0).at(1).toString());
}

} // namespace
