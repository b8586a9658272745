#include "officesdialog.h"

#include "agencypicker.h"
#include "messagelabel.h"
#include "services/administrationservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

enum Column { AgencyColumn, ProvinceColumn, CityColumn, NameColumn, CodeColumn };

} // namespace

OfficesDialog::OfficesDialog(Database &database, const ReferenceCatalog &catalog, User actor,
                             const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
    , m_clock(clock)
{
    setObjectName(u"officesDialog"_s);
    setWindowTitle(tr("Offices"));
    resize(920, 660);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("An agency's offices (branches) in each province: the intake "
                                "form offers them, and the scorecards rank them. New offices "
                                "appear in the intake form after the next start."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"offices"_s);
    m_table->setHorizontalHeaderLabels(
        { tr("Agency"), tr("Province"), tr("City"), tr("Name"), tr("Code") });
    for (int column : { AgencyColumn, ProvinceColumn, CityColumn, CodeColumn })
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);
    auto *tableButtons = new QHBoxLayout;
    auto *remove = new QPushButton(tr("&Remove the selected office"), this);
    remove->setObjectName(u"removeOffice"_s);
    auto *import = new QPushButton(tr("&Import from a CSV file…"), this);
    import->setObjectName(u"importOffices"_s);
    import->setToolTip(tr("A UTF-8 file with the header code,agency,province,city,name (the "
                          "city may be empty). One bad row refuses the whole file."));
    tableButtons->addWidget(remove);
    tableButtons->addWidget(import);
    tableButtons->addStretch(1);
    layout->addLayout(tableButtons);

    auto *box = new QGroupBox(tr("Add an office"), this);
    auto *form = new QFormLayout(box);
    m_agency = new AgencyPicker(box);
    m_agency->setObjectName(u"officeAgency"_s);
    m_agency->setAgencies(m_catalog.agencies());
    form->addRow(tr("&Agency:"), m_agency);
    m_province = new QComboBox(box);
    m_province->setObjectName(u"officeProvince"_s);
    for (const Province &p : m_catalog.provinces())
        m_province->addItem(localizedName(p), p.code);
    form->addRow(tr("&Province:"), m_province);
    m_city = new QComboBox(box);
    m_city->setObjectName(u"officeCity"_s);
    form->addRow(tr("C&ity:"), m_city);
    m_name = new QLineEdit(box);
    m_name->setObjectName(u"officeName"_s);
    form->addRow(tr("&Name:"), m_name);
    m_code = new QLineEdit(box);
    m_code->setObjectName(u"officeCode"_s);
    m_code->setLayoutDirection(Qt::LeftToRight); // a Latin code
    m_code->setPlaceholderText(u"tax-qazvin-2"_s);
    form->addRow(tr("C&ode:"), m_code);
    auto *add = new QPushButton(tr("A&dd office"), box);
    add->setObjectName(u"addOffice"_s);
    form->addRow(add);
    layout->addWidget(box);
    m_message = newMessageLabel(this);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_province, &QComboBox::currentIndexChanged, this, &OfficesDialog::fillCities);
    connect(add, &QPushButton::clicked, this, &OfficesDialog::addOffice);
    connect(remove, &QPushButton::clicked, this, &OfficesDialog::removeSelected);
    connect(import, &QPushButton::clicked, this, &OfficesDialog::chooseImport);
    fillCities();
    reload();
}

void OfficesDialog::showMessage(const QString &text, bool error)
{
    ui::showMessage(m_message, text, error);
}

void OfficesDialog::fillCities()
{
    m_city->clear();
    m_city->addItem(tr("no one city"), QString());
    for (const City &c : m_catalog.citiesOf(m_province->currentData().toString()))
        m_city->addItem(localizedName(c), c.code);
}

void OfficesDialog::reload()
{
    const auto offices = AdministrationService(m_database, m_clock).offices();
    if (!offices) {
        showMessage(offices.error().message, true);
        return;
    }
    m_table->setRowCount(int(offices->size()));
    for (int row = 0; row < offices->size(); ++row) {
        const Office &o = offices->at(row);
        const Agency *agency = m_catalog.agency(o.agencyCode);
        const Province *province = m_catalog.province(o.provinceCode);
        const City *city = m_catalog.city(o.cityCode);
        m_table->setItem(row, AgencyColumn,
                         new QTableWidgetItem(agency ? localizedName(*agency) : o.agencyCode));
        m_table->setItem(
            row, ProvinceColumn,
            new QTableWidgetItem(province ? localizedName(*province) : o.provinceCode));
        m_table->setItem(row, CityColumn,
                         new QTableWidgetItem(city ? localizedName(*city) : o.cityCode));
        m_table->setItem(row, NameColumn, new QTableWidgetItem(o.name));
        auto *codeItem = new QTableWidgetItem(QChar(0x2066) + o.code + QChar(0x2069));
        codeItem->setData(Qt::UserRole, o.code);
        m_table->setItem(row, CodeColumn, codeItem);
    }
}

bool OfficesDialog::addOffice()
{
    Office o;
    o.code = m_code->text().trimmed();
    o.agencyCode = m_agency->currentCode();
    o.provinceCode = m_province->currentData().toString();
    o.cityCode = m_city->currentData().toString();
    o.name = m_name->text();
    auto added = AdministrationService(m_database, m_clock).addOffice(m_actor, o);
    if (!added) {
        showError(m_message, added.error()); // the form keeps what was typed
        const QString &field = added.error().field;
        QWidget *focus = m_name;
        if (field == u"code")
            focus = m_code;
        else if (field == u"agency")
            focus = m_agency;
        else if (field == u"province")
            focus = m_province;
        else if (field == u"city")
            focus = m_city;
        focus->setFocus();
        return false;
    }
    showMessage(tr("%1 added.").arg(added->name), false);
    m_code->clear();
    m_name->clear();
    reload();
    return true;
}

bool OfficesDialog::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, CodeColumn)) {
        showMessage(tr("Select an office in the table first."), true);
        return false;
    }
    const QString code = m_table->item(row, CodeColumn)->data(Qt::UserRole).toString();
    const QString name = m_table->item(row, NameColumn)->text();
    auto removed = AdministrationService(m_database, m_clock).removeOffice(m_actor, code);
    if (!removed) {
        showError(m_message, removed.error());
        return false;
    }
    showMessage(tr("%1 removed.").arg(name), false);
    reload();
    return true;
}

void OfficesDialog::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import offices"), {},
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool OfficesDialog::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    auto imported =
        AdministrationService(m_database, m_clock).importOffices(m_actor, file.readAll());
    if (!imported) {
        showError(m_message, imported.error(), tr("Nothing imported: %1"));
        return false;
    }
    const QLocale locale;
    showMessage(tr("Imported: %1 added, %2 updated, %3 unchanged.")
                    .arg(locale.toString(imported->added), locale.toString(imported->updated),
                         locale.toString(imported->unchanged)),
                false);
    reload();
    return true;
}

} // namespace fouad::ui
