#include "usersdialog.h"

#include "auth/passwordhasher.h"
#include "messagelabel.h"
#include "services/administrationservice.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

QComboBox *roleBox(const QList<Role> &roles, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    for (Role r : roles)
        box->addItem(title(r), code(r));
    return box;
}

// PBKDF2 takes a moment, on purpose.
class WaitCursor final
{
public:
    WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QApplication::restoreOverrideCursor(); }
};

} // namespace

UsersDialog::UsersDialog(Database &database, User actor, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(std::move(actor))
    , m_clock(clock)
{
    setObjectName(u"usersDialog"_s);
    setWindowTitle(tr("Users"));
    resize(680, 600);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(u"users"_s);
    m_table->setHorizontalHeaderLabels(
        { tr("User name"), tr("Full name"), tr("Role"), tr("Account") });
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);

    // The selected user.
    auto *selected = new QGroupBox(tr("Selected user"), this);
    auto *selectedLayout = new QHBoxLayout(selected);
    const QList<Role> roles = AdministrationService(m_database, m_clock).assignableRoles();
    m_selectedRole = roleBox(roles, selected);
    m_selectedRole->setObjectName(u"selectedRole"_s);
    auto *setRole = new QPushButton(tr("Change &role"), selected);
    m_toggle = new QPushButton(tr("&Disable"), selected);
    m_toggle->setObjectName(u"toggleActive"_s);
    m_newPassword = new QLineEdit(selected);
    m_newPassword->setObjectName(u"newPassword"_s);
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_newPassword->setLayoutDirection(Qt::LeftToRight);
    m_newPassword->setPlaceholderText(tr("new password"));
    auto *reset = new QPushButton(tr("Set &password"), selected);
    selectedLayout->addWidget(m_selectedRole);
    selectedLayout->addWidget(setRole);
    selectedLayout->addWidget(m_toggle);
    selectedLayout->addWidget(m_newPassword, 1);
    selectedLayout->addWidget(reset);
    layout->addWidget(selected);

    auto *box = new QGroupBox(tr("Add a user"), this);
    auto *form = new QFormLayout(box);
    m_name = new QLineEdit(box);
    m_name->setObjectName(u"newUserName"_s);
    m_name->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("&User name:"), m_name);
    m_fullName = new QLineEdit(box);
    m_fullName->setObjectName(u"newFullName"_s);
    form->addRow(tr("&Full name:"), m_fullName);
    m_role = roleBox(roles, box);
    m_role->setObjectName(u"newRole"_s);
    form->addRow(tr("&Role:"), m_role);
    m_password = new QLineEdit(box);
    m_password->setObjectName(u"newUserPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setLayoutDirection(Qt::LeftToRight);
    m_password->setPlaceholderText(
        tr("at least %1 characters").arg(locale().toString(PasswordHasher::MinimumPasswordLength)));
    form->addRow(tr("&Password:"), m_password);
    auto *add = new QPushButton(tr("&Add user"), box);
    add->setObjectName(u"addUser"_s);
    form->addRow(add);
    layout->addWidget(box);
    m_message = newMessageLabel(this);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, &UsersDialog::addUser);
    connect(setRole, &QPushButton::clicked, this, &UsersDialog::changeRole);
    connect(m_toggle, &QPushButton::clicked, this, &UsersDialog::toggleActive);
    connect(reset, &QPushButton::clicked, this, &UsersDialog::resetPassword);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0)
            return;
        const auto role = roleFromCode(m_table->item(row, 2)->data(Qt::UserRole).toString());
        m_selectedRole->setCurrentIndex(
            m_selectedRole->findData(code(role.value_or(Role::Operator))));
        const bool active = m_table->item(row, 3)->data(Qt::UserRole).toBool();
        m_toggle->setText(active ? tr("&Disable") : tr("&Enable"));
    });
    reload();
}

void UsersDialog::showMessage(const QString &text, bool error)
{
    ui::showMessage(m_message, text, error);
}

void UsersDialog::reload()
{
    const QString keep = selectedName();
    const auto users = AdministrationService(m_database, m_clock).users();
    if (!users) {
        showMessage(users.error().message, true);
        return;
    }
    m_table->setRowCount(int(users->size()));
    for (int row = 0; row < users->size(); ++row) {
        const User &u = users->at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(u.name));
        m_table->setItem(row, 1, new QTableWidgetItem(u.fullName));
        auto *role = new QTableWidgetItem(title(u.role));
        role->setData(Qt::UserRole, code(u.role));
        m_table->setItem(row, 2, role);
        auto *account = new QTableWidgetItem(u.active ? tr("active") : tr("disabled"));
        account->setData(Qt::UserRole, u.active);
        m_table->setItem(row, 3, account);
        if (u.name == keep)
            m_table->setCurrentCell(row, 0);
    }
}

QString UsersDialog::selectedName() const
{
    const int row = m_table->currentRow();
    return row < 0 || !m_table->item(row, 0) ? QString() : m_table->item(row, 0)->text();
}

bool UsersDialog::addUser()
{
    Result<User> added = Error::runtime({});
    {
        WaitCursor wait;
        added = AdministrationService(m_database, m_clock)
                    .addUser(m_actor, m_name->text().trimmed(), m_fullName->text(),
                             *roleFromCode(m_role->currentData().toString()), m_password->text());
    }
    if (!added) {
        showMessage(added.error().message, true); // the form keeps what was typed
        (added.error().field == u"password" ? m_password : m_name)->setFocus();
        return false;
    }
    showMessage(tr("%1 added.").arg(added->name), false);
    m_name->clear();
    m_fullName->clear();
    m_password->clear();
    reload();
    return true;
}

bool UsersDialog::changeRole()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        showMessage(tr("Select a user in the table first."), true);
        return false;
    }
    const Role role = *roleFromCode(m_selectedRole->currentData().toString());
    auto done = AdministrationService(m_database, m_clock).setRole(m_actor, name, role);
    showMessage(done ? tr("%1 is now %2.").arg(name, title(role)) : done.error().message, !done);
    if (done)
        reload();
    return done.ok();
}

bool UsersDialog::toggleActive()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        showMessage(tr("Select a user in the table first."), true);
        return false;
    }
    const bool active = !m_table->item(m_table->currentRow(), 3)->data(Qt::UserRole).toBool();
    auto done = AdministrationService(m_database, m_clock).setActive(m_actor, name, active);
    showMessage(done ? (active ? tr("%1 can sign in again.").arg(name)
                               : tr("%1 can no longer sign in.").arg(name))
                     : done.error().message,
                !done);
    if (done)
        reload();
    return done.ok();
}

bool UsersDialog::resetPassword()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        showMessage(tr("Select a user in the table first."), true);
        return false;
    }
    Result<void> done;
    {
        WaitCursor wait;
        done = AdministrationService(m_database, m_clock)
                   .resetPassword(m_actor, name, m_newPassword->text());
    }
    showMessage(done ? tr("%1 signs in with the new password from now on.").arg(name)
                     : done.error().message,
                !done);
    if (done)
        m_newPassword->clear();
    else
        m_newPassword->setFocus();
    return done.ok();
}

} // namespace fouad::ui
