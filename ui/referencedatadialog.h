#pragma once

#include "domain/user.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace fouad {
class Database;
}

namespace fouad::ui {

// For administrators: agencies (add, rename) and categories (titles and SLA
// targets), saved through AdministrationService as the signed-in actor. A
// refused save says why and keeps the table as typed.
class ReferenceDataDialog final : public QDialog
{
    Q_OBJECT

public:
    ReferenceDataDialog(Database &database, User actor, QWidget *parent = nullptr);

    // Saves the categories table; true when all rows were accepted.
    bool saveCategories();
    bool addAgency(const QString &code, const QString &name, const QString &nameEn);

private:
    void load();
    void showMessage(const QString &text, bool error);

    Database &m_database;
    const User m_actor;
    QTableWidget *m_agencies = nullptr;
    QTableWidget *m_categories = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_nameEn = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace fouad::ui
