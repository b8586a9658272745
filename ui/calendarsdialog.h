#pragma once

#include "domain/referencedata.h"
#include "domain/user.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableWidget;
class QCheckBox;

namespace fouad {
class Database;
}

namespace fouad::ui {

// For administrators: work calendars. Office hours per weekday, holidays with
// a Jalali date picker (lunar ones estimated from the Islamic civil calendar
// and counted only once confirmed), import from CSV, and the calendar of each
// province. Changes go through AdministrationService as the signed-in actor
// and apply to due times computed from then on.
class CalendarsDialog final : public QDialog
{
    Q_OBJECT

public:
    CalendarsDialog(Database &database, const ReferenceCatalog &catalog, User actor,
                    QWidget *parent = nullptr);

    QString currentCalendar() const;
    // Adds one holiday from the picker (also the "Add" button).
    void addHolidayFromPicker();
    void estimateLunar(int jalaliYear);
    void importCsv(const QString &text);

private:
    void loadCalendar();
    void saveHours();
    void showMessage(const QString &text, bool error);

    Database &m_database;
    const User m_actor;
    const ReferenceCatalog &m_catalog;
    QComboBox *m_calendar = nullptr;
    QTableWidget *m_hours = nullptr;
    QTableWidget *m_holidays = nullptr;
    QTableWidget *m_provinces = nullptr;
    QDateEdit *m_date = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_everyYear = nullptr;
    QLabel *m_message = nullptr;
    bool m_loading = false;
};

} // namespace fouad::ui
