#pragma once

#include "core/clock.h"
#include "domain/user.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace fouad {
class Database;
}

namespace fouad::ui {

// Who is at the desk. On a database with no users yet it creates the first
// administrator instead (name, full name, password twice).
class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { SignIn, FirstAdministrator };

    LoginDialog(Database &database, Mode mode, const Clock &clock = Clock::system(),
                QWidget *parent = nullptr);

    // Signed-in (or newly created) user, once accepted.
    const User &user() const { return m_user; }

    void accept() override;

private:
    void showError(const QString &message);

    Database &m_database;
    Mode m_mode;
    const Clock &m_clock;
    User m_user;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_fullName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace fouad::ui
