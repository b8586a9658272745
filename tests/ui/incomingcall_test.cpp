// The screen pop: the PBX (another process, `fouadctl call incoming`) reports a
// call ringing this desk's extension; the console shows the caller's complaints,
// opens the one keyed into the IVR and puts the number into an empty intake
// form, never over a complaint being typed. On PostgreSQL the console works
// under the operator's own login, as it does at a desk.
#include "complaintwindow.h"
#include "domain/persiantext.h"
#include "incomingcallpanel.h"
#include "intakeform.h"
#include "live/changefeed.h"
#include "mainwindow.h"
#include "services/intakeservice.h"
#include "settingsdialog.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/childctl.h"
#include "support/liveaim.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

class IncomingCallTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        owner = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*owner).load().value();
        ASSERT_TRUE(addTestUser(*owner, s(u"op.karimi"), Role::Operator, clock.nowUtc()).ok());
        DatabaseUrl desk = testDb->url();
        if (GetParam() == Backend::PostgreSQL) {
            desk.user = s(u"op.karimi");
            desk.password = s(u"a-long-password");
        }
        auto opened = Database::open(desk);
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        db = opened.value();
    }

    void TearDown() override
    {
        db.reset();
        owner.reset();
        testDb.reset();
        QSettings().clear();
    }

    int limitMs() const { return int(liveAimMs(GetParam())); }
    int lateMs() const { return int(liveLateMs(GetParam())); }

    static ui::ComplaintWindow *complaintWindowFor(const QString &code)
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *cw = qobject_cast<ui::ComplaintWindow *>(w);
            if (cw && cw->isVisible() && cw->complaint().trackingCode == code)
                return cw;
        }
        return nullptr;
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> owner;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
};

TEST_P(IncomingCallTest, ACallOnThisExtensionPopsTheCallersComplaintsWithinASecond)
{
    QSettings().setValue(ui::SettingsDialog::extensionKey(), s(u"101"));
    const QString earlier =
        IntakeService(*owner, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
    ui::MainWindow window(db, catalog, clock, UserRepository(*owner).find(s(u"op.karimi")).value());
    window.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.changeFeed()->isReady(); }, 10000));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window.changeFeed()->watchedExtension() == s(u"101"); }, 10000));
    ui::IncomingCallPanel *panel = window.incomingCallPanel();
    ASSERT_NE(panel, nullptr);
    EXPECT_TRUE(panel->isHidden());
    auto *phone = window.intakeForm()->findChild<QLineEdit *>(s(u"phone"));
    ASSERT_NE(phone, nullptr);

    // Another desk's call does not pop here.
    ASSERT_EQ(ringThroughFouadctl(testDb->url(), s(u"102"), s(u"09121234567")).exitCode, 0);
    // The caller keyed their tracking code into the IVR.
    const ChildCall rang =
        ringThroughFouadctl(testDb->url(), s(u"101"), s(u"+989121234567"), earlier);
    QElapsedTimer t;
    t.start();
    ASSERT_EQ(rang.exitCode, 0) << rang.stderrText.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->isVisible(); }, 5000));
    EXPECT_LE(t.elapsed(), lateMs());
    std::cout << "popped after " << t.elapsed() << " ms\n";
    EXPECT_EQ(panel->call().extension, s(u"101"));
    QTreeWidget *list = panel->complaints();
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(list->topLevelItem(0)->data(0, ui::IncomingCallPanel::CodeRole).toString(), earlier);
    EXPECT_FALSE(list->topLevelItem(0)->text(1).isEmpty()); // the status, for people
    const QString title = panel->findChild<QLabel *>(s(u"incomingCallTitle"))->text();
    EXPECT_TRUE(title.contains(PersianText::localizeDigits(s(u"09121234567"), panel->locale())))
        << title.toStdString();
    // The keyed complaint is open, the number in the empty form.
    ASSERT_TRUE(QTest::qWaitFor([&] { return complaintWindowFor(earlier) != nullptr; }, 5000));
    EXPECT_EQ(PersianText::toLatinDigits(phone->text()), s(u"09121234567"));
    complaintWindowFor(earlier)->close();

    // A second call while the operator types another complaint: the form is
    // left alone until they ask for the number.
    auto *name = window.intakeForm()->findChild<QLineEdit *>(s(u"citizenName"));
    ASSERT_NE(name, nullptr);
    window.intakeForm()->startNew();
    QTest::keyClicks(name, s(u"Maryam")); // typing (QTest types Latin keys only)
    const ChildCall second = ringThroughFouadctl(testDb->url(), s(u"101"), s(u"02188776655"));
    ASSERT_EQ(second.exitCode, 0) << second.stderrText.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->call().caller == s(u"+982188776655"); }, 5000));
    EXPECT_EQ(list->topLevelItemCount(), 0);
    EXPECT_TRUE(phone->text().isEmpty()) << "nothing put over what is being typed";
    EXPECT_EQ(name->text(), s(u"Maryam"));
    panel->findChild<QPushButton *>(s(u"useCallerNumber"))->click();
    EXPECT_EQ(PersianText::toLatinDigits(phone->text()), s(u"02188776655"));
    EXPECT_EQ(name->text(), s(u"Maryam"));
    panel->findChild<QPushButton *>(s(u"dismissCall"))->click();
    EXPECT_TRUE(panel->isHidden());
}

TEST_P(IncomingCallTest, WithoutAnExtensionNothingPops)
{
    ui::MainWindow window(db, catalog, clock, UserRepository(*owner).find(s(u"op.karimi")).value());
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.changeFeed()->isReady(); }, 10000));
    ASSERT_EQ(ringThroughFouadctl(testDb->url(), s(u"101"), s(u"09121234567")).exitCode, 0);
    QTest::qWait(limitMs() + 300);
    EXPECT_TRUE(window.incomingCallPanel()->isHidden());
    EXPECT_TRUE(window.findChild<QLabel *>(s(u"extensionLabel"))->isHidden());
}

INSTANTIATE_TEST_SUITE_P(Backends, IncomingCallTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
