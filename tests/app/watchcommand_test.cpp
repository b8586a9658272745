// fouadctl watch, run as the built program: its lines as other processes commit.
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/liveaim.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/watchprocess.h"

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

class WatchCommandTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        auto opened = Database::open(testDb->url());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = opened.value();
        auto loaded = ReferenceRepository(*db).load();
        ASSERT_TRUE(loaded.ok());
        catalog = loaded.value();
        intake = std::make_unique<IntakeService>(*db, catalog, clock);
    }

    void TearDown() override
    {
        watch.reset();
        intake.reset();
        db.reset();
        testDb.reset();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
    std::unique_ptr<IntakeService> intake;
    std::unique_ptr<WatchProcess> watch;
};

TEST_P(WatchCommandTest, PrintsEachCommittedChangeAsAJsonLineWithinOneSecond)
{
    ASSERT_TRUE(intake->registerComplaint(sampleDraft()).ok()); // before: not printed
    watch = std::make_unique<WatchProcess>(testDb->url(), true);
    ASSERT_TRUE(watch->waitStarted()) << watch->stderrText().toStdString();
    const qint64 limit = liveLateMs(GetParam()); // a loaded machine's slack past the aim
    auto made = intake->registerComplaint(sampleDraft());
    ASSERT_TRUE(made.ok());
    QElapsedTimer t;
    t.start();
    ASSERT_TRUE(watch->waitForCode(made->trackingCode, 5000)) << watch->stderrText().toStdString();
    EXPECT_LE(t.elapsed(), limit);
    std::cout << "printed after " << t.elapsed() << " ms\n";
    const QList<QJsonObject> lines = watch->jsonLines();
    ASSERT_EQ(lines.size(), 1) << watch->stdoutText().toStdString();
    const QJsonObject &o = lines.constFirst();
    EXPECT_EQ(o[u"tracking_code"].toString(), made->trackingCode);
    EXPECT_EQ(o[u"type"].toString(), QStringLiteral("registered"));
    EXPECT_EQ(o[u"version"].toInt(), 1);
    EXPECT_EQ(o[u"at"].toString(), QStringLiteral("2026-11-22T11:00:00+03:30"));
    EXPECT_EQ(o[u"actor"].toString(), QStringLiteral("system"));
    EXPECT_EQ(watch->stop(), 0) << watch->stderrText().toStdString();
}

TEST_P(WatchCommandTest, WithoutJsonPrintsAReadableLineAndStopsOnSigint)
{
    watch = std::make_unique<WatchProcess>(testDb->url(), false);
    ASSERT_TRUE(watch->waitStarted()) << watch->stderrText().toStdString();
    auto made = intake->registerComplaint(sampleDraft());
    ASSERT_TRUE(made.ok());
    ASSERT_TRUE(watch->waitForCode(made->trackingCode, 5000)) << watch->stderrText().toStdString();
    EXPECT_TRUE(watch->stdoutText().contains(QStringLiteral("registered")));
    EXPECT_TRUE(watch->stdoutText().contains(QStringLiteral("version 1")));
    EXPECT_EQ(watch->stop(SIGINT), 0) << watch->stderrText().toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, WatchCommandTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
