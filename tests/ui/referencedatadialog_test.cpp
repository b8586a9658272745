// An administrator adds an agency and changes a category's targets.
#include "auth/passwordhasher.h"
#include "referencedatadialog.h"
#include "services/administrationservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "storage/userrepository.h"
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

TEST(ReferenceDataDialog, CategoriesAreSavedAllOrNothingAndOnlyByAnAdministrator)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
    auto db = Database::open(testDb->url()).value();
    const User olga = UserRepository(*db)
                          .add(QStringLiteral("olga"), {}, Role::Operator,
                               PasswordHasher(1000).hash(QStringLiteral("a long password")),
                               QDateTime::currentDateTimeUtc())
                          .value();
    auto rowOf = [](QTableWidget *table, const QString &code) {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == code)
                return r;
        }
        return -1;
    };
    auto resolveOfDelay = [&] {
        return SlaRepository(*db).load()->policyFor(QStringLiteral("delay"), {}).resolve.seconds;
    };

    ui::ReferenceDataDialog dialog(*db, AdministrationService::systemActor());
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("categories"));
    const int delay = rowOf(table, QStringLiteral("delay"));
    const int other = rowOf(table, QStringLiteral("disrespect"));
    ASSERT_GE(delay, 0);
    ASSERT_GE(other, 0);
    static_cast<QDoubleSpinBox *>(table->cellWidget(delay, 5))->setValue(5);
    table->item(other, 1)->setText(QStringLiteral("  ")); // no title: refused
    EXPECT_FALSE(dialog.saveCategories());
    EXPECT_EQ(resolveOfDelay(), 3 * 3600) << "nothing saved when one row is refused";
    EXPECT_EQ(table->currentRow(), other);
    EXPECT_EQ(static_cast<QDoubleSpinBox *>(table->cellWidget(delay, 5))->value(), 5.0)
        << "the table keeps what was typed";

    ui::ReferenceDataDialog asOperator(*db, olga);
    auto *operatorTable = asOperator.findChild<QTableWidget *>(QStringLiteral("categories"));
    static_cast<QDoubleSpinBox *>(operatorTable->cellWidget(delay, 5))->setValue(5);
    EXPECT_FALSE(asOperator.saveCategories());
    EXPECT_TRUE(asOperator.findChild<QLabel *>(QStringLiteral("fieldError"))
                    ->text()
                    .contains(QStringLiteral("مدیر سامانه")));
    EXPECT_FALSE(
        asOperator.addAgency(QStringLiteral("land_registry"), QStringLiteral("اداره"), {}));
    EXPECT_EQ(resolveOfDelay(), 3 * 3600);
    EXPECT_EQ(ReferenceRepository(*db).load()->agency(QStringLiteral("land_registry")), nullptr);
}

} // namespace
