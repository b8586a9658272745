#include "contactsdialog.h"

#include "agencypicker.h"
#include "messagelabel.h"
#include "services/administrationservice.h"

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

namespace {

constexpr ContactRole RoleOrder[] = {
    ContactRole::Unit,       ContactRole::Manager,      ContactRole::ProvincialManager,
    ContactRole::Supervisor, ContactRole::Headquarters, ContactRole::CitizenSms,
};

enum Column { AgencyColumn, ProvinceColumn, RoleColumn, NameColumn, PhoneColumn, WebhookColumn };

} // namespace

ContactsDialog::ContactsDialog(Database &database, const ReferenceCatalog &catalog, User actor,
                               const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
    , m_clock(clock)
{
    setObjectName(u"contactsDialog"_s);
    setWindowTitle(tr("Contacts"));
    resize(900, 620);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A referral and escalation level 1 reach the agency's complaints "
                                "unit and manager; level 2 also the provincial manager and the "
                                "supervisor; level 3 also headquarters. The SMS gateway sends "
                                "citizens their tracking code and the outcome."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(u"contacts"_s);
    m_table->setHorizontalHeaderLabels(
        { tr("Agency"), tr("Province"), tr("Role"), tr("Name"), tr("Phone"), tr("Webhook") });
    for (int column : { AgencyColumn, RoleColumn, NameColumn, PhoneColumn })
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WebhookColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);
    auto *remove = new QPushButton(tr("&Remove the selected contact"), this);
    remove->setObjectName(u"removeContact"_s);
    layout->addWidget(remove, 0, Qt::AlignLeading);

    auto *box = new QGroupBox(tr("Add a contact"), this);
    auto *form = new QFormLayout(box);
    m_role = new QComboBox(box);
    m_role->setObjectName(u"contactRole"_s);
    for (ContactRole r : RoleOrder)
        m_role->addItem(title(r), code(r));
    form->addRow(tr("&Role:"), m_role);
    m_agency = new AgencyPicker(box);
    m_agency->setObjectName(u"contactAgency"_s);
    m_agency->setAgencies(m_catalog.agencies());
    form->addRow(tr("&Agency:"), m_agency);
    m_province = new QComboBox(box);
    m_province->setObjectName(u"contactProvince"_s);
    m_province->addItem(tr("every province"), QString());
    for (const Province &p : m_catalog.provinces())
        m_province->addItem(p.name, p.code);
    form->addRow(tr("&Province:"), m_province);
    m_name = new QLineEdit(box);
    m_name->setObjectName(u"contactName"_s);
    form->addRow(tr("&Name:"), m_name);
    m_phone = new QLineEdit(box);
    m_phone->setObjectName(u"contactPhone"_s);
    m_phone->setLayoutDirection(Qt::LeftToRight);
    form->addRow(tr("P&hone:"), m_phone);
    m_webhook = new QLineEdit(box);
    m_webhook->setObjectName(u"contactWebhook"_s);
    m_webhook->setLayoutDirection(Qt::LeftToRight);
    m_webhook->setPlaceholderText(u"https://"_s);
    form->addRow(tr("&Webhook:"), m_webhook);
    auto *add = new QPushButton(tr("A&dd contact"), box);
    add->setObjectName(u"addContact"_s);
    form->addRow(add);
    layout->addWidget(box);
    m_message = newMessageLabel(this);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // The SMS gateway belongs to no agency.
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        const bool sms = m_role->currentData().toString() == code(ContactRole::CitizenSms);
        m_agency->setEnabled(!sms);
        if (sms)
            m_agency->clearChoice();
    });
    connect(add, &QPushButton::clicked, this, &ContactsDialog::addContact);
    connect(remove, &QPushButton::clicked, this, &ContactsDialog::removeSelected);
    reload();
}

void ContactsDialog::showMessage(const QString &text, bool error)
{
    ui::showMessage(m_message, text, error);
}

void ContactsDialog::reload()
{
    const auto contacts = AdministrationService(m_database, m_clock).contacts();
    if (!contacts) {
        showMessage(contacts.error().message, true);
        return;
    }
    m_table->setRowCount(int(contacts->size()));
    for (int row = 0; row < contacts->size(); ++row) {
        const Contact &c = contacts->at(row);
        const Agency *agency = m_catalog.agency(c.agencyCode);
        const Province *province = m_catalog.province(c.provinceCode);
        auto *first = new QTableWidgetItem(agency ? agency->name : c.agencyCode);
        first->setData(Qt::UserRole, c.id);
        m_table->setItem(row, AgencyColumn, first);
        m_table->setItem(row, ProvinceColumn,
                         new QTableWidgetItem(province                       ? province->name
                                                  : c.provinceCode.isEmpty() ? tr("every province")
                                                                             : c.provinceCode));
        m_table->setItem(row, RoleColumn, new QTableWidgetItem(title(c.role)));
        m_table->setItem(row, NameColumn, new QTableWidgetItem(c.name));
        // Numbers read left to right inside the right-to-left table (U+2066 … U+2069).
        m_table->setItem(row, PhoneColumn,
                         new QTableWidgetItem(c.phone.isEmpty()
                                                  ? QString()
                                                  : QChar(0x2066) + c.phone + QChar(0x2069)));
        m_table->setItem(row, WebhookColumn, new QTableWidgetItem(c.webhook));
    }
}

bool ContactsDialog::addContact()
{
    Contact c;
    c.role = *contactRoleFromCode(m_role->currentData().toString());
    c.agencyCode = c.role == ContactRole::CitizenSms ? QString() : m_agency->currentCode();
    c.provinceCode = m_province->currentData().toString();
    c.name = m_name->text();
    c.phone = m_phone->text();
    c.webhook = m_webhook->text();
    auto added = AdministrationService(m_database, m_clock).addContact(m_actor, c);
    if (!added) {
        showMessage(added.error().message, true); // the form keeps what was typed
        const QString &field = added.error().field;
        QWidget *focus = m_name;
        if (field == u"webhook")
            focus = m_webhook;
        else if (field == u"phone")
            focus = m_phone;
        else if (field == u"agency")
            focus = m_agency;
        else if (field == u"province")
            focus = m_province;
        focus->setFocus();
        return false;
    }
    showMessage(tr("%1 added.").arg(added->name), false);
    m_name->clear();
    m_phone->clear();
    m_webhook->clear();
    reload();
    return true;
}

bool ContactsDialog::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, AgencyColumn)) {
        showMessage(tr("Select a contact in the table first."), true);
        return false;
    }
    const qint64 id = m_table->item(row, AgencyColumn)->data(Qt::UserRole).toLongLong();
    const QString name = m_table->item(row, NameColumn)->text();
    auto removed = AdministrationService(m_database, m_clock).removeContact(m_actor, id);
    showMessage(removed ? tr("%1 removed.").arg(name) : removed.error().message, !removed);
    if (removed)
        reload();
    return bool(removed);
}

} // namespace fouad::ui
