#pragma once

#include "core/clock.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace fouad {
class Database;
}

namespace fouad::ui {

// For administrators: the users of the centre, and adding one with a role.
class UsersDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit UsersDialog(Database &database, const Clock &clock = Clock::system(),
                         QWidget *parent = nullptr);

private:
    void reload();
    void addUser();

    Database &m_database;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_fullName = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fouad::ui
