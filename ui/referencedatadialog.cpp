#include "referencedatadialog.h"

#include "messagelabel.h"
#include "services/administrationservice.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

// Category columns: code, title, English title, then hours + working for
// acknowledgement, resolution and verification.
enum CategoryColumn {
    Code,
    Title,
    TitleEn,
    AckHours,
    AckWorking,
    ResolveHours,
    ResolveWorking,
    VerifyHours,
    VerifyWorking
};

QDoubleSpinBox *hoursBox(QWidget *parent, qint64 seconds)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0.25, 720);
    box->setDecimals(2);
    box->setSingleStep(0.5);
    box->setValue(double(seconds) / 3600.0);
    return box;
}

} // namespace

ReferenceDataDialog::ReferenceDataDialog(Database &database, User actor, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(std::move(actor))
{
    setObjectName(u"referenceDataDialog"_s);
    setWindowTitle(tr("Agencies and categories"));
    resize(980, 620);
    auto *layout = new QVBoxLayout(this);
    m_message = newMessageLabel(this);
    layout->addWidget(m_message);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    auto *agencyPage = new QWidget(tabs);
    auto *agencyLayout = new QVBoxLayout(agencyPage);
    m_agencies = new QTableWidget(0, 3, agencyPage);
    m_agencies->setObjectName(u"agencies"_s);
    m_agencies->setHorizontalHeaderLabels({ tr("Code"), tr("Name"), tr("English name") });
    m_agencies->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_agencies->verticalHeader()->setVisible(false);
    agencyLayout->addWidget(m_agencies, 1);
    auto *addRow = new QHBoxLayout;
    m_code = new QLineEdit(agencyPage);
    m_code->setPlaceholderText(tr("code, e.g. land_registry"));
    m_code->setLayoutDirection(Qt::LeftToRight);
    m_name = new QLineEdit(agencyPage);
    m_name->setPlaceholderText(tr("Persian name"));
    m_nameEn = new QLineEdit(agencyPage);
    m_nameEn->setPlaceholderText(tr("English name"));
    auto *add = new QPushButton(tr("&Add or rename"), agencyPage);
    addRow->addWidget(m_code);
    addRow->addWidget(m_name, 1);
    addRow->addWidget(m_nameEn, 1);
    addRow->addWidget(add);
    agencyLayout->addLayout(addRow);
    tabs->addTab(agencyPage, tr("Agencies"));

    auto *categoryPage = new QWidget(tabs);
    auto *categoryLayout = new QVBoxLayout(categoryPage);
    m_categories = new QTableWidget(0, 9, categoryPage);
    m_categories->setObjectName(u"categories"_s);
    m_categories->setHorizontalHeaderLabels(
        { tr("Code"), tr("Title"), tr("English title"), tr("Acknowledge (h)"), tr("working"),
          tr("Resolve (h)"), tr("working"), tr("Verify (h)"), tr("working") });
    m_categories->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_categories->verticalHeader()->setVisible(false);
    categoryLayout->addWidget(m_categories, 1);
    auto *save = new QPushButton(tr("&Save categories and targets"), categoryPage);
    categoryLayout->addWidget(save, 0, Qt::AlignLeading);
    tabs->addTab(categoryPage, tr("Categories and SLA targets"));

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);
    connect(add, &QPushButton::clicked, this,
            [this] { addAgency(m_code->text().trimmed(), m_name->text(), m_nameEn->text()); });
    connect(save, &QPushButton::clicked, this, &ReferenceDataDialog::saveCategories);
    load();
}

void ReferenceDataDialog::showMessage(const QString &text, bool error)
{
    ui::showMessage(m_message, text, error);
}

void ReferenceDataDialog::load()
{
    AdministrationService admin(m_database);
    const auto catalog = admin.catalog();
    const auto sla = admin.slaConfig();
    if (!catalog || !sla) {
        showMessage(catalog ? sla.error().message : catalog.error().message, true);
        return;
    }
    m_agencies->setRowCount(int(catalog->agencies().size()));
    for (int row = 0; row < catalog->agencies().size(); ++row) {
        const Agency &a = catalog->agencies().at(row);
        auto *code = new QTableWidgetItem(a.code);
        code->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_agencies->setItem(row, 0, code);
        m_agencies->setItem(row, 1, new QTableWidgetItem(a.name));
        m_agencies->setItem(row, 2, new QTableWidgetItem(a.nameEn));
    }
    m_categories->setRowCount(int(catalog->categories().size()));
    for (int row = 0; row < catalog->categories().size(); ++row) {
        const Category &c = catalog->categories().at(row);
        const SlaPolicy p = sla.value()->policyFor(c.code, {});
        auto *code = new QTableWidgetItem(c.code);
        code->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_categories->setItem(row, Code, code);
        m_categories->setItem(row, Title, new QTableWidgetItem(c.name));
        m_categories->setItem(row, TitleEn, new QTableWidgetItem(c.nameEn));
        const std::tuple<int, int, SlaTarget> targets[] = {
            { AckHours, AckWorking, p.acknowledge },
            { ResolveHours, ResolveWorking, p.resolve },
            { VerifyHours, VerifyWorking, p.verify }
        };
        for (const auto &[hoursColumn, workingColumn, target] : targets) {
            m_categories->setCellWidget(row, hoursColumn, hoursBox(m_categories, target.seconds));
            auto *working = new QCheckBox(m_categories);
            working->setChecked(target.working);
            m_categories->setCellWidget(row, workingColumn, working);
        }
    }
}

bool ReferenceDataDialog::addAgency(const QString &code, const QString &name, const QString &nameEn)
{
    Agency agency;
    agency.code = code;
    agency.name = name;
    agency.nameEn = nameEn;
    auto saved = AdministrationService(m_database).saveAgency(m_actor, agency);
    if (!saved) {
        showMessage(saved.error().message, true); // what was typed stays in the fields
        return false;
    }
    showMessage(tr("Saved; the intake form lists it after the next start."), false);
    m_code->clear();
    m_name->clear();
    m_nameEn->clear();
    load();
    return true;
}

bool ReferenceDataDialog::saveCategories()
{
    QList<AdministrationService::CategorySettings> categories;
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        const QString code = m_categories->item(row, Code)->text();
        auto target = [&](int hoursColumn, int workingColumn) {
            return SlaTarget {
                qint64(static_cast<QDoubleSpinBox *>(m_categories->cellWidget(row, hoursColumn))
                           ->value()
                       * 3600),
                static_cast<QCheckBox *>(m_categories->cellWidget(row, workingColumn))->isChecked()
            };
        };
        SlaPolicy policy;
        policy.acknowledge = target(AckHours, AckWorking);
        policy.resolve = target(ResolveHours, ResolveWorking);
        policy.verify = target(VerifyHours, VerifyWorking);
        categories.append({ code, m_categories->item(row, Title)->text(),
                            m_categories->item(row, TitleEn)->text(), policy });
    }
    // All rows or none; the refused row's code is the error's field.
    auto saved = AdministrationService(m_database).saveCategories(m_actor, categories);
    if (!saved) {
        const QString code = saved.error().field;
        showMessage(code.isEmpty() ? saved.error().message : code + u": "_s + saved.error().message,
                    true);
        for (int row = 0; row < m_categories->rowCount(); ++row) {
            if (m_categories->item(row, Code)->text() == code)
                m_categories->setCurrentCell(row, Title); // the refused row, ready to fix
        }
        return false;
    }
    showMessage(tr("Saved. New targets apply to due times computed from now on."), false);
    return true;
}

} // namespace fouad::ui
