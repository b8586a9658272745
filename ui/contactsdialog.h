#pragma once

#include "core/clock.h"
#include "domain/referencedata.h"
#include "domain/user.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace fouad {
class Database;
}

namespace fouad::ui {

class AgencyPicker;

// For administrators: who hears of complaints against each agency (issue 9), and
// the centre's SMS gateway for citizens; adding and removing them. Every change
// goes through AdministrationService as the signed-in actor; a refused one says
// why and keeps what was typed.
class ContactsDialog final : public QDialog
{
    Q_OBJECT

public:
    ContactsDialog(Database &database, const ReferenceCatalog &catalog, User actor,
                   const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    // The add form's button; true when the contact was added.
    bool addContact();
    // The contact selected in the table.
    bool removeSelected();

private:
    void reload();
    void showMessage(const QString &text, bool error);

    Database &m_database;
    const ReferenceCatalog &m_catalog;
    const User m_actor;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    AgencyPicker *m_agency = nullptr;
    QComboBox *m_province = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_webhook = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fouad::ui
