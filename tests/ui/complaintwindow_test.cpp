// The complaint window's timeline in Persian: every event and reason in words,
// never a stored code such as "reminder" or "sla".
#include "complaintwindow.h"
#include "domain/eventtitles.h"
#include "services/intakeservice.h"
#include "services/slaservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"

#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

TEST(ComplaintWindowTimeline, ShowsEveryEventAndReasonInPersianWords)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    MockClock clock(tehran(2026, 11, 22, 9)); // Sunday
    ComplaintDraft d = sampleDraft();
    d.category = QStringLiteral("absent_employee"); // urgent: due 12:00
    d.receivedAt = clock.nowUtc();
    const auto registered = IntakeService(*db, catalog, clock).registerComplaint(d);
    ASSERT_TRUE(registered.ok());
    clock.set(tehran(2026, 11, 22, 12, 30)); // breached, in office hours
    SlaService sla(*db, clock);
    ASSERT_TRUE(sla.sweep().ok()); // escalated, reason "sla"
    ASSERT_EQ(sla.remind().value().size(), 1); // a reminder

    User supervisor;
    supervisor.name = QStringLiteral("sup");
    supervisor.role = Role::Supervisor;
    ui::ComplaintWindow window(db, catalog, supervisor, registered->trackingCode, clock);
    auto *timeline = window.findChild<QTreeWidget *>(QStringLiteral("timeline"));
    ASSERT_NE(timeline, nullptr);
    QStringList types;
    for (int i = 0; i < timeline->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = timeline->topLevelItem(i);
        const QString type = item->data(0, Qt::UserRole).toString();
        types << type;
        EXPECT_NE(item->text(2), type) << type.toStdString();
        EXPECT_FALSE(item->text(4).contains(QStringLiteral("sla"))) << item->text(4).toStdString();
    }
    EXPECT_TRUE(types.contains(QStringLiteral("reminder")));
    EXPECT_TRUE(types.contains(QStringLiteral("escalated")));
    for (int i = 0; i < timeline->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = timeline->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == u"reminder") {
            EXPECT_EQ(item->text(2), QStringLiteral("یادآوری ارسال شد"));
            EXPECT_TRUE(item->text(4).contains(QStringLiteral("ارسال به")))
                << item->text(4).toStdString(); // to whom
        }
        if (item->data(0, Qt::UserRole).toString() == u"escalated") {
            EXPECT_TRUE(item->text(4).contains(QStringLiteral("سررسیدن مهلت رسیدگی")))
                << item->text(4).toStdString();
        }
    }
}

} // namespace
