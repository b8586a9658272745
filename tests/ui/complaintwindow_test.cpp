// The complaint window's timeline in Persian: every event and reason in words,
// never a stored code such as "reminder" or "sla". Click to call against a
// telephony endpoint on 127.0.0.1.
#include "complaintwindow.h"
#include "domain/eventtitles.h"
#include "services/intakeservice.h"
#include "services/slaservice.h"
#include "settingsdialog.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/scriptedhttpserver.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

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

class ClickToCallTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear(); // the tests' own settings (QStandardPaths' test mode)
        ASSERT_TRUE(server.listen());
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        code = IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
        operatorUser.name = u"op"_s;
        operatorUser.role = Role::Operator;
    }
    void TearDown() override { QSettings().clear(); }

    void configureDesk()
    {
        QSettings settings;
        settings.setValue(ui::SettingsDialog::extensionKey(), u"214"_s);
        settings.setValue(ui::SettingsDialog::dialUrlKey(), server.url(u"/dial"_s));
    }

    // Presses the button; true once the label says something other than "dialling".
    static bool call(ui::ComplaintWindow &window, QPushButton *button)
    {
        button->click();
        EXPECT_EQ(window.callStatus()->text(), u"در حال شماره‌گیری…"_s);
        EXPECT_FALSE(button->isEnabled()); // not twice at once
        return QTest::qWaitFor(
            [&] {
                return window.callStatus()->text() != u"در حال شماره‌گیری…"_s;
            },
            5000);
    }

    ScriptedHttpServer server;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
    QString code;
    User operatorUser;
};

TEST_F(ClickToCallTest, NoButtonUnlessTheDeskIsSetUpToDial)
{
    ui::ComplaintWindow window(db, catalog, operatorUser, code, clock);
    EXPECT_EQ(window.findChild<QPushButton *>(u"callCitizen"_s), nullptr);
    EXPECT_EQ(window.callStatus(), nullptr);
    // An extension alone pops calls but does not dial.
    QSettings().setValue(ui::SettingsDialog::extensionKey(), u"214"_s);
    ui::ComplaintWindow popsOnly(db, catalog, operatorUser, code, clock);
    EXPECT_EQ(popsOnly.findChild<QPushButton *>(u"callCitizen"_s), nullptr);
}

TEST_F(ClickToCallTest, AsksTheEndpointToRingTheDeskAndTheCitizen)
{
    configureDesk();
    ui::ComplaintWindow window(db, catalog, operatorUser, code, clock);
    auto *button = window.findChild<QPushButton *>(u"callCitizen"_s);
    ASSERT_NE(button, nullptr);
    EXPECT_EQ(button->text(), u"تماس با شهروند"_s);
    ASSERT_TRUE(button->isEnabled());
    ASSERT_TRUE(call(window, button));
    EXPECT_EQ(window.callStatus()->text(), u"تماس برقرار شد؛ گوشی را بردارید"_s);
    EXPECT_TRUE(button->isEnabled());
    const auto requests = server.requestsFor("/dial");
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests[0].body.toStdString(), R"({"extension":"214","number":"+989121234567"})");
}

TEST_F(ClickToCallTest, SaysWhyTheCallWasNotPlaced)
{
    server.script("/dial", { 500 });
    configureDesk();
    ui::ComplaintWindow window(db, catalog, operatorUser, code, clock);
    auto *button = window.findChild<QPushButton *>(u"callCitizen"_s);
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(call(window, button));
    EXPECT_EQ(window.callStatus()->text(),
              u"سامانهٔ تلفن با کد HTTP ۵۰۰ پاسخ داد: تماس برقرار نشد."_s);
    EXPECT_TRUE(button->isEnabled()); // try again
    EXPECT_EQ(server.requestsFor("/dial").size(), 1);
}

} // namespace
