#include "usersdialog.h"

#include "auth/passwordhasher.h"
#include "domain/user.h"
#include "messagelabel.h"
#include "storage/database.h"
#include "storage/userrepository.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

UsersDialog::UsersDialog(Database &database, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_clock(clock)
{
    setObjectName(u"usersDialog"_s);
    setWindowTitle(tr("Users"));
    resize(640, 520);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({ tr("User name"), tr("Full name"), tr("Role") });
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);

    auto *box = new QGroupBox(tr("Add a user"), this);
    auto *form = new QFormLayout(box);
    m_name = new QLineEdit(box);
    m_name->setObjectName(u"newUserName"_s);
    m_name->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("&User name:"), m_name);
    m_fullName = new QLineEdit(box);
    form->addRow(tr("&Full name:"), m_fullName);
    m_role = new QComboBox(box);
    for (Role r : { Role::Operator, Role::Supervisor, Role::Inspector, Role::Admin })
        m_role->addItem(title(r), code(r));
    form->addRow(tr("&Role:"), m_role);
    m_password = new QLineEdit(box);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setLayoutDirection(Qt::LeftToRight);
    m_password->setPlaceholderText(
        tr("at least %1 characters").arg(locale().toString(PasswordHasher::MinimumPasswordLength)));
    form->addRow(tr("&Password:"), m_password);
    auto *add = new QPushButton(tr("&Add user"), box);
    form->addRow(add);
    layout->addWidget(box);
    m_message = newMessageLabel(this);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, &UsersDialog::addUser);
    reload();
}

void UsersDialog::reload()
{
    const auto users = UserRepository(m_database).list();
    if (!users) {
        m_message->setVisible(true);
        m_message->setText(users.error().message);
        return;
    }
    m_table->setRowCount(int(users->size()));
    for (int row = 0; row < users->size(); ++row) {
        const User &u = users->at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(u.name));
        m_table->setItem(row, 1, new QTableWidgetItem(u.fullName));
        m_table->setItem(row, 2, new QTableWidgetItem(title(u.role)));
    }
}

void UsersDialog::addUser()
{
    if (m_password->text().size() < PasswordHasher::MinimumPasswordLength) {
        m_message->setVisible(true);
        m_message->setText(tr("A password has at least %1 characters.")
                               .arg(PasswordHasher::MinimumPasswordLength));
        m_password->setFocus();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto added = UserRepository(m_database)
                           .add(m_name->text().trimmed(), m_fullName->text(),
                                *roleFromCode(m_role->currentData().toString()),
                                PasswordHasher().hash(m_password->text()), m_clock.nowUtc());
    QApplication::restoreOverrideCursor();
    if (!added) {
        m_message->setVisible(true);
        m_message->setText(added.error().message); // the form keeps what was typed
        return;
    }
    m_message->setVisible(true);
    m_message->setText(tr("%1 added.").arg(added->name));
    m_name->clear();
    m_fullName->clear();
    m_password->clear();
    reload();
}

} // namespace fouad::ui
