// fouadctl watch across a PostgreSQL restart. It stops the server, so it runs
// under a with-postgres of its own (tests/CMakeLists.txt), never the shared one.
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/watchprocess.h"

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

// Registers one complaint on a fresh connection, retrying while the server
// comes back: its tracking code.
QString registerOne(const DatabaseUrl &url, const Clock &clock)
{
    QElapsedTimer t;
    t.start();
    while (!t.hasExpired(30000)) {
        if (auto db = Database::open(url)) {
            auto catalog = ReferenceRepository(*db.value()).load();
            if (catalog) {
                IntakeService intake(*db.value(), catalog.value(), clock);
                if (auto made = intake.registerComplaint(sampleDraft()))
                    return made->trackingCode;
            }
        }
        QTest::qWait(100);
    }
    return {};
}

TEST(WatchRestart, ResumesAfterAServerRestartAndPrintsWhatCameJustAfterOnce)
{
    const QByteArray control = qgetenv("FOUAD_TEST_PG_CONTROL");
    if (control.isEmpty())
        GTEST_SKIP() << "FOUAD_TEST_PG_CONTROL is not set (run under scripts/with-postgres)";
    QString whyNot;
    auto testDb = TestDatabase::create(Backend::PostgreSQL, &whyNot);
    ASSERT_TRUE(testDb) << whyNot.toStdString();
    MockClock clock;
    {
        auto db = Database::open(testDb->url());
        ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
    }
    WatchProcess watch(testDb->url(), true);
    ASSERT_TRUE(watch.waitStarted());
    const QString before = registerOne(testDb->url(), clock);
    ASSERT_TRUE(watch.waitForCode(before, 5000)) << watch.stderrText().toStdString();

    ASSERT_EQ(QProcess::execute(QString::fromLocal8Bit(control), { QStringLiteral("stop") }), 0);
    QTest::qWait(3000); // the watcher notices and retries against a server that is down
    ASSERT_EQ(QProcess::execute(QString::fromLocal8Bit(control), { QStringLiteral("start") }), 0);
    // Just after the restart, maybe before the watcher is back: it must print them.
    const QString after1 = registerOne(testDb->url(), clock);
    const QString after2 = registerOne(testDb->url(), clock);
    ASSERT_FALSE(after1.isEmpty());
    ASSERT_FALSE(after2.isEmpty());
    // Retries at least every 5 s: back within that and a look.
    ASSERT_TRUE(watch.waitForCode(after2, 8000)) << watch.stderrText().toStdString();
    ASSERT_TRUE(watch.waitForCode(after1, 100));
    const QString after3 = registerOne(testDb->url(), clock); // and live again
    ASSERT_TRUE(watch.waitForCode(after3, 2000)) << watch.stderrText().toStdString();
    QTest::qWait(2500);
    EXPECT_EQ(watch.stop(), 0);

    QStringList printed;
    for (const QJsonObject &o : watch.jsonLines())
        printed << o[u"tracking_code"].toString();
    EXPECT_EQ(printed, (QStringList { before, after1, after2, after3 }))
        << watch.stdoutText().toStdString();
    EXPECT_TRUE(watch.stderrText().contains(QStringLiteral("lost the database")))
        << watch.stderrText().toStdString();
}

} // namespace
