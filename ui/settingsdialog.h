#pragma once

#include "storage/databaseurl.h"
#include "telephony/telephonysettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace fouad::ui {

// The console's settings: interface language and the database to work on (both
// take effect at the next start, which the dialog says), and this desk's
// telephone: the operator's extension and the endpoint that dials (at once).
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const DatabaseUrl &current, QWidget *parent = nullptr);

    static QString languageKey() { return QStringLiteral("ui/language"); }
    static QString databaseKey() { return QStringLiteral("database/url"); }
    static QString extensionKey() { return QStringLiteral("telephony/extension"); }
    static QString dialUrlKey() { return QStringLiteral("telephony/dialUrl"); }
    // This desk's telephone as saved (nothing, if what is saved is not valid).
    static TelephonySettings telephony();

    void accept() override;

private:
    QComboBox *m_language = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_extension = nullptr;
    QLineEdit *m_dialUrl = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace fouad::ui
