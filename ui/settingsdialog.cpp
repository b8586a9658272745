#include "settingsdialog.h"

#include "messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace fouad::ui {

SettingsDialog::SettingsDialog(const DatabaseUrl &current, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_language = new QComboBox(this);
    m_language->setObjectName(u"language"_s);
    // Each language is named in itself.
    m_language->addItem(u"فارسی"_s, u"fa"_s);
    m_language->addItem(u"English"_s, u"en"_s);
    const QString language = QSettings().value(languageKey(), u"fa"_s).toString();
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
    form->addRow(tr("&Language:"), m_language);

    m_database =
        new QLineEdit(QSettings().value(databaseKey(), current.toString()).toString(), this);
    m_database->setObjectName(u"databaseUrl"_s);
    m_database->setLayoutDirection(Qt::LeftToRight);
    m_database->setMinimumWidth(420);
    m_database->setToolTip(
        tr("sqlite:PATH for a file on this computer, or "
           "postgresql://user:password@host:5432/database for the centre's shared database"));
    form->addRow(tr("&Database:"), m_database);

    m_reportsDatabase = new QLineEdit(QSettings().value(reportsDatabaseKey()).toString(), this);
    m_reportsDatabase->setObjectName(u"reportsDatabaseUrl"_s);
    m_reportsDatabase->setLayoutDirection(Qt::LeftToRight);
    m_reportsDatabase->setPlaceholderText(tr("empty: the database above"));
    m_reportsDatabase->setToolTip(
        tr("Optional: a read-only copy of the database, such as a PostgreSQL streaming replica, "
           "that the dashboard and the reports read from. Without a password in it you sign in "
           "to it as to the main database."));
    form->addRow(tr("&Reports database:"), m_reportsDatabase);

    const TelephonySettings phone = telephony();
    m_extension = new QLineEdit(phone.extension, this);
    m_extension->setObjectName(u"extension"_s);
    m_extension->setLayoutDirection(Qt::LeftToRight);
    m_extension->setToolTip(tr("This desk's telephone extension: calls ringing it show the "
                               "caller's complaints here. Empty: no screen pop."));
    form->addRow(tr("&Extension:"), m_extension);
    m_dialUrl = new QLineEdit(phone.dialUrl.toString(), this);
    m_dialUrl->setObjectName(u"dialUrl"_s);
    m_dialUrl->setLayoutDirection(Qt::LeftToRight);
    m_dialUrl->setToolTip(tr("The centre's telephony endpoint (http:// or https://) that dials a "
                             "citizen from this extension. Empty: no click to call."));
    form->addRow(tr("&Telephony endpoint:"), m_dialUrl);

    m_error = newMessageLabel(this);
    layout->addWidget(m_error);

    auto *note = new QLabel(tr("Language and databases take effect when the console restarts; "
                               "it offers to restart now. The telephone applies at once."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    const auto url = DatabaseUrl::parse(m_database->text());
    if (!url) {
        m_error->setText(url.error().message);
        m_error->setVisible(true);
        m_database->setFocus();
        return; // what was typed stays for correcting
    }
    const QString reportsText = m_reportsDatabase->text().trimmed();
    std::optional<DatabaseUrl> reports;
    if (!reportsText.isEmpty()) {
        const auto parsed = DatabaseUrl::parse(reportsText);
        if (!parsed) {
            m_error->setText(tr("Reports database: %1").arg(parsed.error().message));
            m_error->setVisible(true);
            m_reportsDatabase->setFocus();
            return;
        }
        reports = parsed.value();
    }
    const auto phone = TelephonySettings::checked(m_extension->text(), m_dialUrl->text());
    if (!phone) {
        m_error->setText(phone.error().message);
        m_error->setVisible(true);
        (phone.error().field == u"extension" ? m_extension : m_dialUrl)->setFocus();
        return;
    }
    QSettings settings;
    settings.setValue(languageKey(), m_language->currentData().toString());
    settings.setValue(databaseKey(), url->toString());
    if (reports)
        settings.setValue(reportsDatabaseKey(), reports->toString());
    else
        settings.remove(reportsDatabaseKey());
    settings.setValue(extensionKey(), phone->extension);
    settings.setValue(dialUrlKey(), phone->dialUrl.toString());
    QDialog::accept();
}

TelephonySettings SettingsDialog::telephony()
{
    const QSettings settings;
    const auto saved = TelephonySettings::checked(settings.value(extensionKey()).toString(),
                                                  settings.value(dialUrlKey()).toString());
    return saved ? saved.value() : TelephonySettings {};
}

DatabaseUrl SettingsDialog::reportsUrl(const DatabaseUrl &main)
{
    const QString saved = QSettings().value(reportsDatabaseKey()).toString().trimmed();
    if (saved.isEmpty())
        return main;
    auto parsed = DatabaseUrl::parse(saved);
    if (!parsed)
        return main;
    DatabaseUrl url = parsed.value();
    if (url.kind == DatabaseUrl::Kind::PostgreSQL && url.password.isEmpty()
        && main.kind == DatabaseUrl::Kind::PostgreSQL && !main.password.isEmpty()) {
        url.user = main.user;
        url.password = main.password;
    }
    return url;
}

} // namespace fouad::ui
