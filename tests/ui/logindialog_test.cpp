// The sign-in dialog on a shared PostgreSQL: it connects as the person, off the
// GUI thread, and after three wrong passwords in a row makes the next wait.
#include "logindialog.h"
#include "services/administrationservice.h"
#include "storage/database.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"a-long-password-1"_s;

class LoginDialogOnPostgreSQL : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::PostgreSQL);
        owner = Database::open(testDb->url()).value();
        ASSERT_TRUE(AdministrationService(*owner, clock, 1000)
                        .addUser(AdministrationService::systemActor(), u"olga"_s, {},
                                 Role::Operator, Password)
                        .ok());
        server = testDb->url();
        server.user.clear();
        server.password.clear();
    }

    // Types and presses Sign in; waits for the attempt while the event loop turns.
    // `pendingAfterAccept`: whether the attempt was still running when accept()
    // returned (it runs on a thread of its own, not the GUI's).
    bool attempt(ui::LoginDialog &dialog, const QString &password, int *longestGapMs = nullptr,
                 bool *pendingAfterAccept = nullptr)
    {
        auto *name = dialog.findChild<QLineEdit *>(u"userName"_s);
        auto *pass = dialog.findChild<QLineEdit *>(u"password"_s);
        name->setText(u"olga"_s);
        pass->setText(password);
        // The GUI thread keeps turning while the server is asked.
        QElapsedTimer sinceTick;
        qint64 longest = 0;
        QTimer tick;
        tick.setInterval(10);
        QObject::connect(&tick, &QTimer::timeout,
                         [&] { longest = std::max(longest, sinceTick.restart()); });
        sinceTick.start();
        tick.start();
        dialog.accept();
        if (pendingAfterAccept)
            *pendingAfterAccept = dialog.isConnecting();
        const bool finished = QTest::qWaitFor([&] { return !dialog.isConnecting(); }, 10000);
        if (longestGapMs)
            *longestGapMs = int(longest);
        return finished;
    }

    QPushButton *signInButton(ui::LoginDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    MockClock clock;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> owner;
    DatabaseUrl server;
};

TEST_F(LoginDialogOnPostgreSQL, WrongPasswordsSlowDownAndTheRightOneConnectsAsThePerson)
{
    ui::LoginDialog dialog(server, clock);
    dialog.show();
    auto *message = dialog.findChild<QLabel *>(u"fieldError"_s);
    for (int i = 1; i <= SignInThrottle::FreeAttempts; ++i) {
        ASSERT_TRUE(attempt(dialog, u"not her password"_s));
        EXPECT_NE(dialog.result(), QDialog::Accepted);
        EXPECT_TRUE(signInButton(dialog)->isEnabled()) << "free attempt " << i;
        EXPECT_EQ(dialog.findChild<QLineEdit *>(u"userName"_s)->text(), u"olga"); // kept
    }
    int gapMs = 0;
    bool pending = false;
    ASSERT_TRUE(attempt(dialog, u"not her password"_s, &gapMs, &pending));
    EXPECT_TRUE(pending) << "the sign-in ran on the GUI thread";
    // The GUI thread kept turning (a loaded machine may pause it a while).
    EXPECT_LT(gapMs, 2000);
    EXPECT_EQ(dialog.throttle().failures(), SignInThrottle::FreeAttempts + 1);
    EXPECT_FALSE(signInButton(dialog)->isEnabled()) << "the fourth makes the next wait";
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->text().contains(dialog.locale().toString(SignInThrottle::FirstDelaySecs)))
        << message->text().toStdString();
    dialog.accept(); // pressed anyway (Enter): nothing is tried
    EXPECT_FALSE(dialog.isConnecting());

    clock.advanceSecs(SignInThrottle::FirstDelaySecs);
    EXPECT_TRUE(QTest::qWaitFor([&] { return signInButton(dialog)->isEnabled(); }, 3000));
    ASSERT_TRUE(attempt(dialog, Password));
    ASSERT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.user().name, u"olga");
    ASSERT_NE(dialog.connectedDatabase(), nullptr);
    EXPECT_TRUE(dialog.connectedDatabase()->session().staff);
    EXPECT_EQ(dialog.connectedDatabase()->session().login, u"olga");
    EXPECT_EQ(dialog.throttle().failures(), 0);
}

} // namespace
