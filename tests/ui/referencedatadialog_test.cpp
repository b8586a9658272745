// An administrator adds an agency and changes a category's targets.
#include "referencedatadialog.h"
#include "services/administrationservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "support/testdatabase.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

TEST(ReferenceDataDialog, AddsAgenciesAndSavesTargets)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    ui::ReferenceDataDialog dialog(*db, AdministrationService::systemActor());

    EXPECT_FALSE(dialog.addAgency(QStringLiteral("Bad Code"), QStringLiteral("اداره"), {}));
    EXPECT_FALSE(dialog.addAgency(QStringLiteral("land_registry"), QStringLiteral("  "), {}));
    EXPECT_TRUE(dialog.addAgency(QStringLiteral("land_registry"), QStringLiteral("اداره ثبت محلي"),
                                 QStringLiteral("Local registry")));
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    ASSERT_NE(catalog.agency(QStringLiteral("land_registry")), nullptr);
    EXPECT_EQ(catalog.agency(QStringLiteral("land_registry"))->name,
              QStringLiteral("اداره ثبت محلی")); // normalised

    // delay: 3 working hours to resolve by default; make it 5.
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("categories"));
    ASSERT_NE(table, nullptr);
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        row = table->item(r, 0)->text() == u"delay" ? r : row;
    ASSERT_GE(row, 0);
    static_cast<QDoubleSpinBox *>(table->cellWidget(row, 5))->setValue(5);
    EXPECT_TRUE(dialog.saveCategories())
        << dialog.findChild<QLabel *>(QStringLiteral("fieldError"))->text().toStdString();
    const SlaConfig sla = SlaRepository(*db).load().value();
    EXPECT_EQ(sla.policyFor(QStringLiteral("delay"), {}).resolve, (SlaTarget { 5 * 3600, true }));
    EXPECT_EQ(sla.policyFor(QStringLiteral("disrespect"), {}).resolve,
              (SlaTarget { 3 * 3600, true }));
}

} // namespace
