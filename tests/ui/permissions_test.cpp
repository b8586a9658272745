// The console asks the core what the signed-in user may do: over every role and
// status, the complaint window offers exactly Workflow::allowedActions, takes
// the soft lock exactly when Workflow::mayTakeSoftLock, and the intake form is
// open exactly to those Workflow::mayRegister lets register; at a desk that
// dials, the call button works exactly when Workflow::mayCallCitizen.
#include "auth/passwordhasher.h"
#include "complaintwindow.h"
#include "domain/workflow.h"
#include "intakeform.h"
#include "mainwindow.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "settingsdialog.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

class ConsolePermissionsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        const QString hash = PasswordHasher(1000).hash(s(u"a-long-password"));
        for (const auto &[name, role] :
             { std::pair { u"op", Role::Operator }, std::pair { u"sup", Role::Supervisor },
               std::pair { u"insp", Role::Inspector }, std::pair { u"insp2", Role::Inspector },
               std::pair { u"adm", Role::Admin } })
            ASSERT_TRUE(UserRepository(*db).add(s(name), {}, role, hash, clock.nowUtc()).ok());
    }

    User user(const char16_t *name) { return UserRepository(*db).find(s(name)).value(); }

    void act(Action action, const QString &code, const std::function<void(ActionRequest &)> &fill)
    {
        ActionRequest r;
        r.action = action;
        r.code = code;
        r.actor = s(u"sup");
        if (fill)
            fill(r);
        auto done = WorkflowService(*db, clock).perform(r);
        ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    }

    // A complaint taken by the supervisor to the status (inspections go to "insp").
    QString complaintIn(Status status)
    {
        const QString code =
            IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
        if (status == Status::Registered)
            return code;
        act(Action::Refer, code, {});
        if (status == Status::Referred)
            return code;
        act(Action::Acknowledge, code, {});
        if (status == Status::FieldInspection)
            act(Action::Inspect, code, [](ActionRequest &r) { r.inspector = s(u"insp"); });
        if (status == Status::WaitingForCitizen)
            act(Action::Wait, code, [](ActionRequest &r) { r.reason = s(u"مدارک"); });
        if (status == Status::InProgress || status == Status::FieldInspection
            || status == Status::WaitingForCitizen)
            return code;
        act(Action::Resolve, code, [](ActionRequest &r) { r.actionTaken = s(u"رفع شد"); });
        if (status == Status::ResolvedByAgency)
            return code;
        act(Action::Verify, code, [](ActionRequest &r) {
            r.result = s(u"confirmed");
            r.satisfaction = s(u"4");
        });
        if (status == Status::Verified)
            return code;
        act(Action::Close, code, [](ActionRequest &r) { r.outcome = s(u"founded"); });
        return code;
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
};

TEST_F(ConsolePermissionsTest, TheWindowOffersWhatTheCoreAllowsForEveryRoleAndStatus)
{
    int buttons = 0;
    for (Status status : allStatuses()) {
        const QString code = complaintIn(status);
        ASSERT_EQ(ComplaintRepository(*db).findByCode(code)->status, status);
        for (const char16_t *name : { u"op", u"sup", u"insp", u"insp2", u"adm" }) {
            const User who = user(name);
            const std::string what = QStringView(name).toString().toStdString() + " "
                + fouad::code(status).toStdString();
            auto *window = new ui::ComplaintWindow(db, catalog, who, code, clock);
            QList<Action> offered;
            for (QPushButton *b :
                 window->findChildren<QPushButton *>(QRegularExpression(s(u"^action_"))))
                offered << *actionFromCode(b->objectName().mid(7));
            std::sort(offered.begin(), offered.end());
            QList<Action> allowed = Workflow::allowedActions(who, window->complaint());
            std::sort(allowed.begin(), allowed.end());
            EXPECT_EQ(offered, allowed) << what;
            buttons += int(offered.size());

            const Complaint seen = ComplaintRepository(*db).findByCode(code).value();
            EXPECT_EQ(seen.lockedBy == who.name, Workflow::mayTakeSoftLock(who)) << what;
            window->show();
            window->close(); // releases the lock, and deletes the window
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            EXPECT_TRUE(ComplaintRepository(*db).findByCode(code)->lockedBy.isEmpty()) << what;
        }
    }
    EXPECT_GT(buttons, 30);
}

TEST_F(ConsolePermissionsTest, TheCallButtonWorksForThoseWhoMayCallTheCitizen)
{
    QSettings settings; // the tests' own (QStandardPaths' test mode)
    settings.setValue(ui::SettingsDialog::extensionKey(), s(u"214"));
    settings.setValue(ui::SettingsDialog::dialUrlKey(), s(u"http://127.0.0.1:9/dial"));
    int enabled = 0;
    for (Status status : allStatuses()) {
        const QString code = complaintIn(status);
        for (const char16_t *name : { u"op", u"sup", u"insp", u"adm" }) {
            const User who = user(name);
            ui::ComplaintWindow window(db, catalog, who, code, clock);
            auto *button = window.findChild<QPushButton *>(s(u"callCitizen"));
            ASSERT_NE(button, nullptr);
            EXPECT_EQ(button->isEnabled(), Workflow::mayCallCitizen(who, window.complaint()))
                << QStringView(name).toString().toStdString() << " "
                << fouad::code(status).toStdString();
            enabled += button->isEnabled() ? 1 : 0;
        }
    }
    EXPECT_EQ(enabled, 2 * (int(allStatuses().size()) - 1)); // operator, supervisor; not closed
    settings.clear();
}

TEST_F(ConsolePermissionsTest, TheIntakeFormIsOpenToThoseWhoMayRegister)
{
    for (const char16_t *name : { u"op", u"sup", u"insp", u"adm" }) {
        const User who = user(name);
        ui::MainWindow window(db, catalog, clock, who);
        EXPECT_EQ(window.intakeForm()->isEnabled(), Workflow::mayRegister(who))
            << QStringView(name).toString().toStdString();
        // And the core refuses the others when they try anyway.
        auto registered =
            IntakeService(*db, catalog, clock).registerComplaint(sampleDraft(), who.name);
        EXPECT_EQ(registered.ok(), Workflow::mayRegister(who));
    }
}

TEST_F(ConsolePermissionsTest, TheCoreRefusesTheSoftLockToThoseWhoOnlyLook)
{
    const QString code = complaintIn(Status::InProgress);
    WorkflowService workflow(*db, clock);
    for (const char16_t *name : { u"insp", u"adm" }) {
        auto claimed = workflow.claim(code, s(name));
        ASSERT_FALSE(claimed.ok());
        EXPECT_EQ(claimed.error().kind, ErrorKind::Forbidden);
    }
    EXPECT_TRUE(ComplaintRepository(*db).findByCode(code)->lockedBy.isEmpty());
    EXPECT_TRUE(workflow.claim(code, s(u"op")).value());
}

} // namespace
