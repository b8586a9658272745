#pragma once

#include "storage/databaseurl.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace fouad::ui {

// The console's settings: interface language and the database to work on.
// Both take effect at the next start, which the dialog says.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const DatabaseUrl &current, QWidget *parent = nullptr);

    static QString languageKey() { return QStringLiteral("ui/language"); }
    static QString databaseKey() { return QStringLiteral("database/url"); }

    void accept() override;

private:
    QComboBox *m_language = nullptr;
    QLineEdit *m_database = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace fouad::ui
