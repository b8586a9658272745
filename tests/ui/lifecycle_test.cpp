// An operator signs in and takes a complaint from intake to closed in the
// console; a conflict with another console keeps what was typed.
#include "actiondialog.h"
#include "auth/passwordhasher.h"
#include "complaintwindow.h"
#include "intakeform.h"
#include "itemmodels/complaintqueuemodel.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "queueview.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
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

class LifecycleTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
    }

    void addUser(const char16_t *name, Role role)
    {
        // Few iterations: logging in is what is tested, not the cost of PBKDF2.
        ASSERT_TRUE(UserRepository(*db)
                        .add(s(name), {}, role, PasswordHasher(1000).hash(s(u"a-long-password")),
                             clock.nowUtc())
                        .ok());
    }

    template<typename T> static T *child(QWidget *parent, const char16_t *name)
    {
        T *w = parent->findChild<T *>(s(name));
        EXPECT_NE(w, nullptr) << QStringView(name).toString().toStdString();
        return w;
    }

    // Clicks the action's button in the window and fills its dialog.
    void perform(ui::ComplaintWindow *window, Action action,
                 const std::function<void(ui::ActionDialog *)> &fill = {})
    {
        auto *button = window->findChild<QPushButton *>(QStringLiteral("action_") + code(action));
        ASSERT_NE(button, nullptr) << code(action).toStdString() << " offered";
        button->click();
        auto *dialog = window->findChild<ui::ActionDialog *>();
        ASSERT_NE(dialog, nullptr);
        if (fill)
            fill(dialog);
        dialog->findChild<QPushButton *>(s(u"perform"))->click();
        ASSERT_EQ(dialog->result(), QDialog::Accepted)
            << code(action).toStdString() << ": "
            << dialog->findChild<QLabel *>(s(u"fieldError"))->text().toStdString();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
};

TEST_F(LifecycleTest, EmptyDatabaseCreatesTheFirstAdministrator)
{
    ui::LoginDialog first(*db, ui::LoginDialog::Mode::FirstAdministrator, clock);
    QTest::keyClicks(child<QLineEdit>(&first, u"userName"), s(u"admin"));
    QTest::keyClicks(child<QLineEdit>(&first, u"password"), s(u"short"));
    QTest::keyClicks(child<QLineEdit>(&first, u"repeatPassword"), s(u"short"));
    first.accept();
    EXPECT_NE(first.result(), QDialog::Accepted);
    EXPECT_TRUE(child<QLabel>(&first, u"fieldError")->isVisibleTo(&first));

    child<QLineEdit>(&first, u"password")->setText(s(u"a-long-password"));
    child<QLineEdit>(&first, u"repeatPassword")->setText(s(u"a-long-password"));
    first.accept();
    ASSERT_EQ(first.result(), QDialog::Accepted);
    EXPECT_EQ(first.user().role, Role::Admin);
    EXPECT_EQ(UserRepository(*db).count().value(), 1);
}

TEST_F(LifecycleTest, OperatorSignsInAndTakesAComplaintFromIntakeToClosed)
{
    addUser(u"op", Role::Operator);
    ui::LoginDialog login(*db, ui::LoginDialog::Mode::SignIn, clock);
    QTest::keyClicks(child<QLineEdit>(&login, u"userName"), s(u"op"));
    QTest::keyClicks(child<QLineEdit>(&login, u"password"), s(u"wrong-password"));
    login.accept();
    EXPECT_NE(login.result(), QDialog::Accepted);
    EXPECT_TRUE(child<QLineEdit>(&login, u"userName")->text() == s(u"op")); // kept
    child<QLineEdit>(&login, u"password")->setText(s(u"a-long-password"));
    login.accept();
    ASSERT_EQ(login.result(), QDialog::Accepted);

    ui::MainWindow window(db, catalog, clock, login.user());
    window.show();
    EXPECT_TRUE(child<QLabel>(&window, u"userLabel")->text().contains(s(u"op")));

    // Intake.
    ui::IntakeForm *form = window.intakeForm();
    child<QLineEdit>(form, u"citizenName")->setText(s(u"مریم نوری"));
    child<QLineEdit>(form, u"phone")->setText(s(u"09351112233"));
    auto *province = child<QComboBox>(form, u"province");
    province->setCurrentIndex(province->findData(s(u"qom")));
    auto *agency = child<QComboBox>(form, u"agency");
    agency->setCurrentIndex(agency->findText(s(u"سازمان ثبت احوال کشور")));
    auto *category = child<QComboBox>(form, u"category");
    category->setCurrentIndex(category->findData(s(u"no_substitute")));
    child<QPlainTextEdit>(form, u"description")
        ->setPlainText(s(u"مسئول صدور شناسنامه در مرخصی است و جانشین ندارد."));
    form->submit();
    const QString code = form->lastTrackingCode();
    ASSERT_FALSE(code.isEmpty());

    // The queue opens it; the window holds the soft lock.
    ui::ComplaintWindow *cw = window.openComplaint(code);
    ASSERT_NE(cw, nullptr);
    EXPECT_EQ(ComplaintRepository(*db).findByCode(code)->lockedBy, s(u"op"));
    EXPECT_EQ(cw->findChild<QPushButton *>(s(u"action_reopen")), nullptr); // supervisors only
    EXPECT_EQ(cw->findChild<QPushButton *>(s(u"action_close")), nullptr); // not yet verified

    perform(cw, Action::Refer);
    perform(cw, Action::Assign); // to themself, preselected
    perform(cw, Action::Acknowledge);
    perform(cw, Action::Resolve, [](ui::ActionDialog *d) {
        d->findChild<QPlainTextEdit *>(s(u"actionTaken"))->setPlainText(s(u"جانشین تعیین شد"));
    });
    perform(cw, Action::Verify, [](ui::ActionDialog *d) {
        auto *satisfaction = d->findChild<QComboBox *>(s(u"satisfaction"));
        satisfaction->setCurrentIndex(satisfaction->findData(s(u"5")));
    });
    perform(cw, Action::Close, [](ui::ActionDialog *d) {
        auto *outcome = d->findChild<QComboBox *>(s(u"outcome"));
        outcome->setCurrentIndex(outcome->findData(s(u"founded")));
    });

    const Complaint closed = ComplaintRepository(*db).findByCode(code).value();
    EXPECT_EQ(closed.status, Status::Closed);
    EXPECT_EQ(closed.outcome, s(u"founded"));
    EXPECT_EQ(closed.satisfaction, 5);
    EXPECT_EQ(closed.assignee, s(u"op"));
    EXPECT_EQ(cw->complaint().status, Status::Closed);
    ASSERT_EQ(cw->timeline()->topLevelItemCount(), 7); // registered + six actions
    EXPECT_EQ(cw->timeline()->topLevelItem(6)->data(0, Qt::UserRole).toString(), s(u"close"));
    EXPECT_EQ(cw->timeline()->topLevelItem(0)->text(1), s(u"op"));
    // Nothing left for an operator to do on a closed complaint.
    EXPECT_TRUE(cw->findChildren<QPushButton *>(QRegularExpression(s(u"^action_"))).isEmpty());

    // The queue shows it closed.
    ComplaintQueueModel *queue = window.queueView()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return !queue->isLoading() && queue->rowOf(code) >= 0
            && queue->index(queue->rowOf(code), 0).data(ComplaintQueueModel::StatusRole)
            == u"closed"_qs;
    }));
    const int row = queue->rowOf(code);
    EXPECT_EQ(queue->index(row, 0).data(ComplaintQueueModel::StatusRole).toString(), s(u"closed"));
}

TEST_F(LifecycleTest, AConflictShowsWhoChangedItAndKeepsTheInput)
{
    addUser(u"op", Role::Operator);
    addUser(u"op2", Role::Operator);
    User op = UserRepository(*db).find(s(u"op")).value();
    ui::MainWindow window(db, catalog, clock, op);
    const QString code =
        IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;

    ui::ComplaintWindow *cw = window.openComplaint(code);
    cw->findChild<QPushButton *>(s(u"action_escalate"))->click();
    auto *dialog = cw->findChild<ui::ActionDialog *>();
    ASSERT_NE(dialog, nullptr);
    dialog->findChild<QPlainTextEdit *>(s(u"reason"))
        ->setPlainText(s(u"دستگاه پاسخ نمی‌دهد"));

    // Meanwhile, at another desk.
    ActionRequest refer;
    refer.action = Action::Refer;
    refer.code = code;
    refer.actor = s(u"op2");
    ASSERT_TRUE(WorkflowService(*db, clock).perform(refer).ok());

    dialog->findChild<QPushButton *>(s(u"perform"))->click();
    EXPECT_NE(dialog->result(), QDialog::Accepted);
    const QString message = dialog->findChild<QLabel *>(s(u"fieldError"))->text();
    EXPECT_TRUE(message.contains(s(u"op2"))) << message.toStdString();
    EXPECT_EQ(dialog->findChild<QPlainTextEdit *>(s(u"reason"))->toPlainText(),
              s(u"دستگاه پاسخ نمی‌دهد"));
    EXPECT_EQ(cw->complaint().status, Status::Referred); // reloaded
    EXPECT_EQ(ComplaintRepository(*db).findByCode(code)->escalationLevel, 0);

    // Pressing again applies the change to the version now shown.
    dialog->findChild<QPushButton *>(s(u"perform"))->click();
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    EXPECT_EQ(ComplaintRepository(*db).findByCode(code)->escalationLevel, 1);
}

} // namespace
