// The console's queue fetches off the GUI thread: setQuery() returns at once,
// the rows arrive later, and a newer query wins over an older one.
#include "itemmodels/complaintqueuemodel.h"
#include "seed/demoseeder.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

class QueueFetchingTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        DemoSeeder seeder(*db, ReferenceRepository(*db).load().value(), clock);
        DemoSeeder::Options options;
        options.count = 260;
        ASSERT_TRUE(seeder.run(options).ok());
    }

    QStringList codesOf(const ComplaintQueueModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, 0).data(ComplaintQueueModel::TrackingCodeRole).toString();
        return out;
    }

    QStringList expected(ComplaintQuery query)
    {
        query.limit = ComplaintQueueModel::PageSize;
        QStringList out;
        for (const Complaint &c : ComplaintRepository(*db).list(query).value())
            out << c.trackingCode;
        return out;
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    MockClock clock;
};

TEST_P(QueueFetchingTest, RowsArriveLaterFromAnotherThread)
{
    ComplaintQueueModel model(db, ComplaintQueueModel::Fetching::InBackground);
    QSignalSpy loading(&model, &ComplaintQueueModel::loadingChanged);
    QSignalSpy loaded(&model, &ComplaintQueueModel::pageLoaded);
    QThread *fetchedOn = nullptr;
    QObject::connect(&model, &ComplaintQueueModel::modelAboutToBeReset, &model,
                     [&] { fetchedOn = QThread::currentThread(); });

    model.setQuery({});
    // Returned before any row: nothing was read on this thread.
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(model.isLoading());
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_FALSE(model.isLoading());
    EXPECT_EQ(fetchedOn, QThread::currentThread()); // rows are applied on the model's thread
    EXPECT_EQ(codesOf(model), expected({}));
    ASSERT_EQ(loading.size(), 2);
    EXPECT_TRUE(loading.at(0).at(0).toBool());
    EXPECT_FALSE(loading.at(1).at(0).toBool());

    // The next page, also in the background.
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    EXPECT_FALSE(model.canFetchMore({})); // one page at a time
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(model.rowCount(), 2 * ComplaintQueueModel::PageSize);
}

TEST_P(QueueFetchingTest, ANewerQuerySupersedesAnOlderOne)
{
    ComplaintQueueModel model(db, ComplaintQueueModel::Fetching::InBackground);
    QSignalSpy loaded(&model, &ComplaintQueueModel::pageLoaded);
    // Keystrokes faster than the queries: only the last one's rows are shown.
    ComplaintQuery last;
    for (const char16_t *typed : { u"ز", u"زه", u"زهر", u"زهرا" }) {
        last.search = QStringView(typed).toString();
        model.setQuery(last);
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 10000));
    QTest::qWait(50); // anything stale still queued would land now
    EXPECT_EQ(codesOf(model), expected(last));
    EXPECT_FALSE(codesOf(model).isEmpty());
    EXPECT_EQ(loaded.size(), 1); // no stale page was ever shown

    // A query that finished while a newer one was asked for: its rows are dropped.
    ComplaintQuery older;
    older.search = QStringLiteral("محمد");
    model.setQuery(older);
    QThread::msleep(400); // the fetcher runs it and posts the rows meanwhile
    ComplaintQuery newer;
    newer.status = Status::Closed;
    model.setQuery(newer);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 10000));
    QTest::qWait(50);
    EXPECT_EQ(codesOf(model), expected(newer));
    EXPECT_EQ(loaded.size(), 2);
}

TEST_P(QueueFetchingTest, AFailureIsReportedNotHidden)
{
    ComplaintQueueModel model(db, ComplaintQueueModel::Fetching::InBackground);
    QSignalSpy failed(&model, &ComplaintQueueModel::loadFailed);
    // The database goes away before the queue's own connection opens.
    if (GetParam() == Backend::SQLite) {
        const QString path = testDb->url().path;
        for (const QString &file : QStringList { path, path + u"-wal"_qs, path + u"-shm"_qs })
            QFile::remove(file);
        QFile garbage(path);
        ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x')); // not a database
    } else {
        testDb.reset(); // dropped
    }
    model.setQuery({});
    ASSERT_TRUE(failed.wait(15000));
    EXPECT_FALSE(failed.at(0).at(0).toString().isEmpty());
    EXPECT_FALSE(model.isLoading());
}

INSTANTIATE_TEST_SUITE_P(Backends, QueueFetchingTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param); });

} // namespace
