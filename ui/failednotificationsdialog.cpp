#include "failednotificationsdialog.h"

#include "domain/jalali.h"
#include "domain/workflow.h"
#include "messagelabel.h"
#include "services/notificationservice.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

enum Column { CodeColumn, ContactColumn, WhenColumn, AttemptsColumn, ErrorColumn };

QString leftToRight(const QString &text)
{
    // Codes, addresses and errors read left to right in the right-to-left table.
    return text.isEmpty() ? text : QChar(0x2066) + text + QChar(0x2069);
}

} // namespace

FailedNotificationsDialog::FailedNotificationsDialog(Database &database, User actor,
                                                     const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(std::move(actor))
    , m_clock(clock)
{
    setObjectName(u"failedNotificationsDialog"_s);
    setWindowTitle(tr("Undelivered messages"));
    resize(900, 480);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The recipient's system refused these messages, so they are not "
                                "retried by themselves. Fix the contact's address if it is wrong, "
                                "then send the message again."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"failedNotifications"_s);
    m_table->setHorizontalHeaderLabels(
        { tr("Complaint"), tr("Recipient"), tr("Failed at"), tr("Attempts"), tr("Reason") });
    m_table->horizontalHeader()->setSectionResizeMode(ErrorColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);
    m_message = newMessageLabel(this);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *retry = buttons->addButton(tr("&Send again"), QDialogButtonBox::ActionRole);
    retry->setObjectName(u"retryNotification"_s);
    retry->setEnabled(Workflow::mayRetryNotifications(m_actor));
    connect(retry, &QPushButton::clicked, this, &FailedNotificationsDialog::retrySelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    reload();
}

void FailedNotificationsDialog::showMessage(const QString &text, bool error)
{
    ui::showMessage(m_message, text, error);
}

void FailedNotificationsDialog::reload()
{
    const auto failed = NotificationService(m_database, m_clock).failed();
    if (!failed) {
        showMessage(failed.error().message, true);
        return;
    }
    const QLocale loc = locale();
    m_table->setRowCount(int(failed->size()));
    for (int row = 0; row < failed->size(); ++row) {
        const FailedNotification &n = failed->at(row);
        auto *code = new QTableWidgetItem(leftToRight(n.trackingCode));
        code->setData(Qt::UserRole, n.id);
        m_table->setItem(row, CodeColumn, code);
        auto *contact = new QTableWidgetItem(n.contactName);
        contact->setToolTip(n.webhook);
        m_table->setItem(row, ContactColumn, contact);
        m_table->setItem(row, WhenColumn,
                         new QTableWidgetItem(Jalali::formatDateTime(n.finishedAt, loc)));
        m_table->setItem(row, AttemptsColumn, new QTableWidgetItem(loc.toString(n.attempts)));
        m_table->setItem(row, ErrorColumn, new QTableWidgetItem(leftToRight(n.lastError)));
    }
}

bool FailedNotificationsDialog::retrySelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, CodeColumn)) {
        showMessage(tr("Select a message in the table first."), true);
        return false;
    }
    const qint64 id = m_table->item(row, CodeColumn)->data(Qt::UserRole).toLongLong();
    auto done = NotificationService(m_database, m_clock).retryNow(m_actor, id);
    showMessage(done ? tr("The message will be sent again within a few seconds.")
                     : done.error().message,
                !done);
    reload();
    return bool(done);
}

} // namespace fouad::ui
