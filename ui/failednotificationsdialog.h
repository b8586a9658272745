#pragma once

#include "core/clock.h"
#include "domain/user.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace fouad {
class Database;
}

namespace fouad::ui {

// For supervisors: the messages to agencies and citizens that could not be
// delivered (a 4xx from the recipient's system), with why, and "Send again".
class FailedNotificationsDialog final : public QDialog
{
    Q_OBJECT

public:
    FailedNotificationsDialog(Database &database, User actor, const Clock &clock = Clock::system(),
                              QWidget *parent = nullptr);

    // The message selected in the table; true when it is pending again.
    bool retrySelected();
    void reload();

private:
    void showMessage(const QString &text, bool error);

    Database &m_database;
    const User m_actor;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fouad::ui
