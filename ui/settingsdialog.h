#pragma once

#include "storage/databaseurl.h"
#include "telephony/telephonysettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace fouad::ui {

// The console's settings: interface language, the database to work on and the
// optional reports database (a streaming replica the dashboard and the reports
// page read from; all three take effect at the next start, which the dialog
// says), and this desk's telephone: the operator's extension and the endpoint
// that dials (at once).
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const DatabaseUrl &current, QWidget *parent = nullptr);

    static QString languageKey() { return QStringLiteral("ui/language"); }
    static QString databaseKey() { return QStringLiteral("database/url"); }
    static QString reportsDatabaseKey() { return QStringLiteral("database/reportsUrl"); }
    static QString extensionKey() { return QStringLiteral("telephony/extension"); }
    static QString dialUrlKey() { return QStringLiteral("telephony/dialUrl"); }
    // This desk's telephone as saved (nothing, if what is saved is not valid).
    static TelephonySettings telephony();
    // Where the figures are read from (the dashboard, the reports page), always
    // read-only: the saved reports database, or `main` when none is saved (or
    // what is saved is not valid). A PostgreSQL reports URL without a password
    // is signed in to as the person `main` is connected as (their own login
    // exists on the replica too).
    static DatabaseUrl reportsUrl(const DatabaseUrl &main);

    void accept() override;

private:
    QComboBox *m_language = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_reportsDatabase = nullptr;
    QLineEdit *m_extension = nullptr;
    QLineEdit *m_dialUrl = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace fouad::ui
