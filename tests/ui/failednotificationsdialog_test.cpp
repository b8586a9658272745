// Supervisors see the messages that failed for good and send one again; an
// operator may not; a message already sent again is a conflict, not a second send.
#include "failednotificationsdialog.h"
#include "services/intakeservice.h"
#include "services/notificationservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

class FailedNotificationsDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        sara = addTestUser(*db, u"sara"_s, Role::Supervisor, clock.nowUtc()).value();
        olga = addTestUser(*db, u"olga"_s, Role::Operator, clock.nowUtc()).value();
        IntakeService intake(*db, ReferenceRepository(*db).load().value(), clock);
        const Complaint c = intake.registerComplaint(sampleDraft(), u"olga"_s).value();
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.prepare(u"INSERT INTO notifications (complaint_id, contact_name, webhook,"
                              " idempotency_key, payload, state, attempts, next_attempt_at,"
                              " last_error, created_at, finished_at)"
                              " VALUES (?, 'tax-unit', 'http://127.0.0.1:1/u', 'k-1', '{}',"
                              " 'failed', 1, 0, 'HTTP 404', 0, 1)"_s));
        q.addBindValue(c.id);
        ASSERT_TRUE(q.exec());
    }

    QString state()
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(u"SELECT state FROM notifications"_s) && q.next());
        return q.value(0).toString();
    }

    MockClock clock;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    User sara, olga;
};

TEST_F(FailedNotificationsDialogTest, ASupervisorSendsAFailedMessageAgainOnce)
{
    ui::FailedNotificationsDialog dialog(*db, sara, clock);
    auto *table = dialog.findChild<QTableWidget *>(u"failedNotifications"_s);
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 1)->text(), u"tax-unit");
    EXPECT_TRUE(table->item(0, 4)->text().contains(u"404"_s));
    EXPECT_FALSE(dialog.retrySelected()) << "nothing selected";
    table->setCurrentCell(0, 0);
    ASSERT_TRUE(dialog.retrySelected());
    EXPECT_EQ(state(), u"pending");
    EXPECT_EQ(table->rowCount(), 0);
    // Another supervisor's stale list: already pending, nothing is sent twice.
    auto again = NotificationService(*db, clock).retryNow(sara, 1);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
}

TEST_F(FailedNotificationsDialogTest, AnOperatorMayNot)
{
    ui::FailedNotificationsDialog dialog(*db, olga, clock);
    EXPECT_FALSE(dialog.findChild<QPushButton *>(u"retryNotification"_s)->isEnabled());
    auto refused = NotificationService(*db, clock).retryNow(olga, 1);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::Forbidden);
    EXPECT_EQ(state(), u"failed");
}

} // namespace
