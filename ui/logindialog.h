#pragma once

#include "auth/signinthrottle.h"
#include "core/clock.h"
#include "domain/user.h"
#include "storage/databaseurl.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QThread;
class QTimer;

namespace fouad {
class Database;
}

namespace fouad::ui {

// Who is at the desk. On a database with no users yet it creates the first
// administrator instead (name, full name, password twice). On a shared
// PostgreSQL it signs in by connecting as the person (SignIn), off the GUI
// thread, and slows down repeated wrong passwords (SignInThrottle).
class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { SignIn, FirstAdministrator };

    LoginDialog(Database &database, Mode mode, const Clock &clock = Clock::system(),
                QWidget *parent = nullptr);
    // SignIn::connectsAsPerson(url): the person's own login on that server.
    explicit LoginDialog(const DatabaseUrl &url, const Clock &clock = Clock::system(),
                         QWidget *parent = nullptr);
    ~LoginDialog() override;

    // Signed-in (or newly created) user, once accepted.
    const User &user() const { return m_user; }
    // Once accepted by connecting: the person's connection to the database.
    std::shared_ptr<Database> connectedDatabase() const { return m_connected; }
    // While a connecting sign-in is under way.
    bool isConnecting() const { return m_thread != nullptr; }
    const SignInThrottle &throttle() const { return m_throttle; }

    void accept() override;

Q_SIGNALS:
    // A connecting sign-in finished, accepted or not.
    void attemptFinished();

private:
    void build(bool first);
    void showError(const QString &message);
    QString serverHint() const;
    void connectAsPerson();
    void connectFinished();
    void showWait();

    Database *m_database = nullptr;
    DatabaseUrl m_url;
    Mode m_mode;
    const Clock &m_clock;
    SignInThrottle m_throttle;
    User m_user;
    QString m_refusal; // the last refused attempt's words
    std::shared_ptr<Database> m_connected;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_fullName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QTimer *m_waitTimer = nullptr;
    QThread *m_thread = nullptr;
    struct Attempt;
    std::shared_ptr<Attempt> m_attempt;
};

} // namespace fouad::ui
