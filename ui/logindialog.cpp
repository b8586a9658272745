#include "logindialog.h"

#include "messagelabel.h"
#include "services/administrationservice.h"
#include "storage/database.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

LoginDialog::LoginDialog(Database &database, Mode mode, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_mode(mode)
    , m_clock(clock)
{
    setObjectName(u"loginDialog"_s);
    const bool first = mode == Mode::FirstAdministrator;
    setWindowTitle(first ? tr("First administrator") : tr("Sign in to Fouad Console"));
    auto *layout = new QVBoxLayout(this);
    if (first) {
        auto *intro =
            new QLabel(tr("This database has no users yet. Create the first administrator, "
                          "who will then add operators, supervisors and inspectors."),
                       this);
        intro->setWordWrap(true);
        layout->addWidget(intro);
    }
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"userName"_s);
    m_name->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("&User name:"), m_name);
    if (first) {
        m_fullName = new QLineEdit(this);
        m_fullName->setObjectName(u"fullName"_s);
        form->addRow(tr("&Full name:"), m_fullName);
    }
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("&Password:"), m_password);
    if (first) {
        m_repeat = new QLineEdit(this);
        m_repeat->setObjectName(u"repeatPassword"_s);
        m_repeat->setEchoMode(QLineEdit::Password);
        m_repeat->setLayoutDirection(Qt::LeftToRight);
        form->addRow(tr("&Repeat password:"), m_repeat);
    }
    m_error = newMessageLabel(this);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(first ? tr("Create") : tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_name->setFocus();
}

void LoginDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
    m_password->selectAll();
    m_password->setFocus();
}

void LoginDialog::accept()
{
    const QString name = m_name->text().trimmed();
    QApplication::setOverrideCursor(Qt::WaitCursor); // PBKDF2 takes a moment, on purpose
    Result<User> result = Error::runtime({});
    if (m_mode == Mode::FirstAdministrator) {
        // The password rule and the "no user yet" check live in the service.
        if (m_password->text() != m_repeat->text())
            result = Error::invalid(u"password"_s, tr("The two passwords differ."));
        else
            result = AdministrationService(m_database, m_clock)
                         .createFirstAdministrator(name, m_fullName->text(), m_password->text());
    } else {
        result = AdministrationService(m_database, m_clock).signIn(name, m_password->text());
    }
    QApplication::restoreOverrideCursor();
    if (!result) {
        showError(result.error().message);
        return;
    }
    m_user = result.value();
    QDialog::accept();
}

} // namespace fouad::ui
