#include "logindialog.h"

#include "messagelabel.h"
#include "services/administrationservice.h"
#include "services/signin.h"
#include "settingsdialog.h"
#include "storage/database.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace fouad::ui {

// One connecting sign-in: filled on its thread, read on the GUI thread once
// that thread has finished.
struct LoginDialog::Attempt
{
    std::optional<Result<SignIn::Session>> result;
};

LoginDialog::LoginDialog(Database &database, Mode mode, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_database(&database)
    , m_mode(mode)
    , m_clock(clock)
    , m_throttle(clock)
{
    build(mode == Mode::FirstAdministrator);
}

LoginDialog::LoginDialog(const DatabaseUrl &url, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_url(url)
    , m_mode(Mode::SignIn)
    , m_clock(clock)
    , m_throttle(clock)
{
    build(false);
    m_waitTimer = new QTimer(this);
    m_waitTimer->setInterval(1000);
    connect(m_waitTimer, &QTimer::timeout, this, &LoginDialog::showWait);
}

LoginDialog::~LoginDialog()
{
    if (m_thread) // a sign-in still connecting: its result has nowhere to go
        m_thread->wait();
}

void LoginDialog::build(bool first)
{
    setObjectName(u"loginDialog"_s);
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

    if (!m_database) {
        auto *hint = new QLabel(serverHint(), this);
        hint->setObjectName(u"serverHint"_s);
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(first ? tr("Create") : tr("Sign in"));
    if (!m_database) {
        // A wrong server address must be fixable from here: nothing else opens yet.
        QPushButton *settings = buttons->addButton(tr("Settings…"), QDialogButtonBox::ResetRole);
        settings->setObjectName(u"settingsButton"_s);
        connect(settings, &QPushButton::clicked, this, [this] {
            SettingsDialog dialog(m_url, this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            const auto url =
                DatabaseUrl::parse(QSettings().value(SettingsDialog::databaseKey()).toString());
            if (url && SignIn::connectsAsPerson(url.value())) {
                m_url = url.value();
                if (auto *hint = findChild<QLabel *>(u"serverHint"_s))
                    hint->setText(serverHint());
            }
        });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_name->setFocus();
}

QString LoginDialog::serverHint() const
{
    return tr("Sign in with your own login on the centre's database server (%1). An "
              "administrator creates logins.")
        .arg(m_url.displayName());
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
    if (!m_database) {
        connectAsPerson();
        return;
    }
    const QString name = m_name->text().trimmed();
    QApplication::setOverrideCursor(Qt::WaitCursor); // PBKDF2 takes a moment, on purpose
    Result<User> result = Error::runtime({});
    if (m_mode == Mode::FirstAdministrator) {
        // The password rule and the "no user yet" check live in the service.
        if (m_password->text() != m_repeat->text())
            result = Error::invalid(u"password"_s, tr("The two passwords differ."));
        else
            result = AdministrationService(*m_database, m_clock)
                         .createFirstAdministrator(name, m_fullName->text(), m_password->text());
    } else {
        result = AdministrationService(*m_database, m_clock).signIn(name, m_password->text());
    }
    QApplication::restoreOverrideCursor();
    if (!result) {
        showError(result.error().message);
        return;
    }
    m_user = result.value();
    QDialog::accept();
}

void LoginDialog::connectAsPerson()
{
    if (m_thread || m_throttle.waitSecs() > 0)
        return;
    m_attempt = std::make_shared<Attempt>();
    m_thread = QThread::create(
        [attempt = m_attempt, url = m_url, name = m_name->text(), password = m_password->text()] {
            attempt->result = SignIn::connect(url, name, password);
        });
    m_thread->setObjectName(u"sign-in"_s);
    connect(m_thread, &QThread::finished, this, &LoginDialog::connectFinished);
    m_ok->setEnabled(false);
    m_name->setEnabled(false);
    m_password->setEnabled(false);
    m_error->setText(tr("Connecting to %1…").arg(m_url.displayName()));
    m_error->setVisible(true);
    m_thread->start();
}

void LoginDialog::connectFinished()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    Result<SignIn::Session> result = std::move(*m_attempt->result);
    m_attempt.reset();
    m_name->setEnabled(true);
    m_password->setEnabled(true);
    m_ok->setEnabled(true);
    if (result) {
        m_throttle.succeeded();
        m_connected = result->database;
        m_user = result->user;
        Q_EMIT attemptFinished();
        QDialog::accept();
        return;
    }
    // Only a refusal counts: an unreachable server says nothing about the password.
    if (result.error().kind == ErrorKind::Forbidden)
        m_throttle.failed();
    m_refusal = result.error().message;
    showError(m_refusal);
    if (m_throttle.waitSecs() > 0) {
        showWait();
        m_waitTimer->start();
    }
    Q_EMIT attemptFinished();
}

void LoginDialog::showWait()
{
    const int secs = m_throttle.waitSecs();
    if (secs <= 0) {
        m_waitTimer->stop();
        m_ok->setEnabled(true);
        m_error->setText(m_refusal + u'\n' + tr("You may try again."));
        return;
    }
    m_ok->setEnabled(false);
    m_error->setText(m_refusal + u'\n'
                     + tr("%Ln wrong attempts in a row. Try again in %1 seconds.", nullptr,
                          m_throttle.failures())
                           .arg(locale().toString(secs)));
    m_error->setVisible(true);
}

} // namespace fouad::ui
