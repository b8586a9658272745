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

// For administrators: the agencies' offices (branches) in each province, which
// complaints name (issue 10): listed, added, removed, and imported from a CSV
// file (code,agency,province,city,name). Every change goes through
// AdministrationService as the signed-in actor; a refusal says why in Persian
// and keeps what was typed; a bad import row changes nothing and names its line.
class OfficesDialog final : public QDialog
{
    Q_OBJECT

public:
    OfficesDialog(Database &database, const ReferenceCatalog &catalog, User actor,
                  const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    // The add form's button; true when the office was added.
    bool addOffice();
    // The office selected in the table.
    bool removeSelected();
    // The import button, after its file dialog: true when the file was taken.
    bool importFile(const QString &path);

private:
    void reload();
    void fillCities();
    void chooseImport();
    void showMessage(const QString &text, bool error);

    Database &m_database;
    const ReferenceCatalog &m_catalog;
    const User m_actor;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_code = nullptr;
    AgencyPicker *m_agency = nullptr;
    QComboBox *m_province = nullptr;
    QComboBox *m_city = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fouad::ui
