#include "itemmodels/complaintqueuemodel.h"
#include "seed/demoseeder.h"
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

class ComplaintQueueModelTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        DemoSeeder seeder(*db, ReferenceRepository(*db).load().value(), clock);
        DemoSeeder::Options options;
        options.count = 350;
        const auto seeded = seeder.run(options);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString() << " ("
                                 << seeded.error().detail.toStdString() << ")";
    }

    QStringList codesOf(const ComplaintQueueModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, 0).data(ComplaintQueueModel::TrackingCodeRole).toString();
        return out;
    }

    // The first page of a query, straight from the repository.
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

TEST_P(ComplaintQueueModelTest, FetchesAPageAtATime)
{
    ComplaintQueueModel model(db);
    model.setQuery({});
    EXPECT_EQ(model.rowCount(), ComplaintQueueModel::PageSize); // never the whole table
    EXPECT_TRUE(model.canFetchMore({}));
    while (model.canFetchMore({}))
        model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 350);
    for (int row = 1; row < model.rowCount(); ++row)
        EXPECT_GE(model.index(row - 1, 0).data(ComplaintQueueModel::ReceivedAtRole).toDateTime(),
                  model.index(row, 0).data(ComplaintQueueModel::ReceivedAtRole).toDateTime());
}

TEST_P(ComplaintQueueModelTest, SortsByDueAndFiltersByStatus)
{
    ComplaintQueueModel model(db);
    model.setQuery({});
    model.sort(ComplaintQueueModel::DueAtColumn, Qt::AscendingOrder);
    ASSERT_GT(model.rowCount(), 1);
    for (int row = 1; row < model.rowCount(); ++row)
        EXPECT_LE(model.index(row - 1, 0).data(ComplaintQueueModel::DueAtRole).toDateTime(),
                  model.index(row, 0).data(ComplaintQueueModel::DueAtRole).toDateTime());

    ComplaintQuery closed = model.query();
    closed.status = Status::Closed;
    model.setQuery(closed);
    ASSERT_GT(model.rowCount(), 0);
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_EQ(model.index(row, ComplaintQueueModel::StatusColumn).data().toString(),
                  QStringLiteral("closed"));
}

TEST_P(ComplaintQueueModelTest, HoldsRawValuesInRoles)
{
    ComplaintQueueModel model(db);
    model.setQuery({});
    const QModelIndex first = model.index(0, ComplaintQueueModel::ReceivedAtColumn);
    EXPECT_EQ(first.data().typeId(), QMetaType::QDateTime); // the delegate formats it
    EXPECT_EQ(first.data().toDateTime().timeSpec(), Qt::UTC);
    EXPECT_EQ(model.index(0, ComplaintQueueModel::ProvinceColumn).data().toString(),
              model.index(0, 0).data(ComplaintQueueModel::ProvinceRole).toString());
    EXPECT_EQ(model.rowOf(model.index(5, 0).data(ComplaintQueueModel::TrackingCodeRole).toString()),
              5);
}

// What Qt's model tester reports (category qt.modeltest), collected for the test.
QStringList modelTestFailures;
QMutex modelTestMutex;
QtMessageHandler previousHandler = nullptr;

void collectModelTestFailures(QtMsgType type, const QMessageLogContext &context,
                              const QString &message)
{
    if (context.category && qstrcmp(context.category, "qt.modeltest") == 0 && type != QtDebugMsg
        && type != QtInfoMsg) {
        QMutexLocker lock(&modelTestMutex);
        modelTestFailures << message;
        return;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// Qt's own checks of the model contract (row counts, indexes, signals around
// inserts and resets) through every change a queue goes through.
TEST_P(ComplaintQueueModelTest, PassesQtsModelTester)
{
    modelTestFailures.clear();
    previousHandler = qInstallMessageHandler(collectModelTestFailures);
    {
        ComplaintQueueModel model(db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Warning);
        // The test pages itself: Qt 6.4's tester would call fetchMore from its own
        // modelReset handler, before it counts the reset as finished, and report
        // that insert as one inside a reset.
        tester.setUseFetchMore(false);
        model.setQuery({});
        while (model.canFetchMore({}))
            model.fetchMore({});
        for (int column : { int(ComplaintQueueModel::ReceivedAtColumn),
                            int(ComplaintQueueModel::DueAtColumn) }) {
            for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                model.sort(column, order);
                if (model.canFetchMore({}))
                    model.fetchMore({});
            }
        }
        ComplaintQuery closed = model.query();
        closed.status = Status::Closed;
        model.setQuery(closed);
        ComplaintQuery none = model.query();
        none.search = QStringLiteral("no such citizen anywhere");
        model.setQuery(none);
        EXPECT_EQ(model.rowCount(), 0);
        model.setQuery({});
        model.reload();
        EXPECT_GT(model.rowCount(), 0);
    }
    qInstallMessageHandler(previousHandler);
    EXPECT_TRUE(modelTestFailures.isEmpty()) << modelTestFailures.join(u'\n').toStdString();
}

// The console's queue fetches off the GUI thread: setQuery() returns at once,
// the rows arrive later, and a newer query wins over an older one.
TEST_P(ComplaintQueueModelTest, RowsArriveLaterFromAnotherThread)
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

TEST_P(ComplaintQueueModelTest, ANewerQuerySupersedesAnOlderOne)
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

TEST_P(ComplaintQueueModelTest, AFailureIsReportedNotHidden)
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

// Live updates: only the complaints named are re-read, and each lands where a
// fresh query would put it.
TEST_P(ComplaintQueueModelTest, RefreshedComplaintsAppearMoveAndLeaveAsTheQueryWould)
{
    for (const auto fetching : { ComplaintQueueModel::Fetching::OnCallingThread,
                                 ComplaintQueueModel::Fetching::InBackground }) {
        ComplaintQueueModel model(db, fetching);
        QSignalSpy refreshed(&model, &ComplaintQueueModel::rowsRefreshed);
        ComplaintQuery query;
        query.status = Status::Registered;
        model.setQuery(query);
        if (fetching == ComplaintQueueModel::Fetching::InBackground) {
            ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 10000));
        }
        ASSERT_EQ(codesOf(model), expected(query));
        auto refresh = [&](const QStringList &codes) {
            const qsizetype before = refreshed.size();
            model.refreshComplaints(codes);
            ASSERT_TRUE(QTest::qWaitFor([&] { return refreshed.size() > before; }, 10000));
        };

        // Registered now: the newest, at the top.
        IntakeService intake(*db, ReferenceRepository(*db).load().value(), clock);
        auto made = intake.registerComplaint(sampleDraft());
        ASSERT_TRUE(made.ok());
        refresh({ made->trackingCode });
        EXPECT_EQ(model.rowOf(made->trackingCode), 0);
        EXPECT_EQ(codesOf(model).mid(0, ComplaintQueueModel::PageSize).join(u' ').toStdString(),
                  expected(query).join(u' ').toStdString());

        // Referred: no longer in a queue of registered complaints.
        Complaint changed = made.value();
        changed.status = Status::Referred;
        changed.version = 2;
        ASSERT_TRUE(ComplaintRepository(*db).update(changed, 1, {}).ok());
        refresh({ made->trackingCode });
        EXPECT_EQ(model.rowOf(made->trackingCode), -1);
        EXPECT_EQ(codesOf(model).join(u' ').toStdString(),
                  expected(query).join(u' ').toStdString());

        // One that sorts after every row fetched waits for its page.
        ComplaintQuery all;
        model.setQuery(all);
        if (fetching == ComplaintQueueModel::Fetching::InBackground) {
            ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 10000));
        }
        ComplaintQuery first;
        first.sort = ComplaintQuery::Sort::ReceivedOldestFirst;
        first.limit = 1;
        const QString oldest =
            ComplaintRepository(*db).list(first).value().constFirst().trackingCode;
        ASSERT_EQ(model.rowCount(), ComplaintQueueModel::PageSize);
        refresh({ oldest, made->trackingCode });
        EXPECT_EQ(model.rowOf(oldest), -1);
        EXPECT_EQ(model.rowOf(made->trackingCode), 0); // updated in place
        EXPECT_EQ(codesOf(model).join(u' ').toStdString(), expected(all).join(u' ').toStdString());
    }
}

// A bulk load names thousands: one reload of the first page instead.
TEST_P(ComplaintQueueModelTest, ManyRefreshedAtOnceReloadTheFirstPage)
{
    ComplaintQueueModel model(db);
    model.setQuery({});
    while (model.canFetchMore({}))
        model.fetchMore({});
    ASSERT_EQ(model.rowCount(), 350);
    QSignalSpy pages(&model, &ComplaintQueueModel::pageLoaded);
    QStringList codes = codesOf(model);
    model.refreshComplaints(codes.mid(0, ComplaintQueueModel::MaxRefreshed + 1));
    ASSERT_EQ(pages.size(), 1);
    EXPECT_EQ(model.rowCount(), ComplaintQueueModel::PageSize);
    EXPECT_EQ(codesOf(model), expected({}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ComplaintQueueModelTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
