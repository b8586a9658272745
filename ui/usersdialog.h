#pragma once

#include "core/clock.h"
#include "domain/user.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace fouad {
class Database;
}

namespace fouad::ui {

// For administrators: the users of the centre; adding one with a role; a
// selected user's role, disabling and enabling, a new password. Every change
// goes through AdministrationService as the signed-in actor; a refused one
// says why and keeps what was typed.
class UsersDialog final : public QDialog
{
    Q_OBJECT

public:
    UsersDialog(Database &database, User actor, const Clock &clock = Clock::system(),
                QWidget *parent = nullptr);

    // The add form's button; true when the user was added.
    bool addUser();
    // For the user selected in the table.
    bool changeRole();
    bool toggleActive();
    bool resetPassword();

private:
    void reload();
    QString selectedName() const;
    void showMessage(const QString &text, bool error);

    Database &m_database;
    const User m_actor;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_fullName = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_selectedRole = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QPushButton *m_toggle = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fouad::ui
