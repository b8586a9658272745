// An administrator keeps the agencies' offices in the console (issue 10):
// added through the administration service with the city offered by province,
// a refusal in Persian that keeps what was typed, removed, and imported from a
// CSV file whose bad row changes nothing.
#include "agencypicker.h"
#include "officesdialog.h"
#include "services/administrationservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

class OfficesDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        boss = addTestUser(*db, u"boss"_s, Role::Admin, clock.nowUtc()).value();
    }

    template<typename W> static W *field(ui::OfficesDialog &dialog, const char16_t *name)
    {
        auto *w = dialog.findChild<W *>(QStringView(name).toString());
        EXPECT_NE(w, nullptr) << QStringView(name).toString().toStdString();
        return w;
    }

    qsizetype stored() { return AdministrationService(*db, clock).offices().value().size(); }

    void fill(ui::OfficesDialog &dialog, const QString &code)
    {
        auto *agency = field<ui::AgencyPicker>(dialog, u"officeAgency");
        agency->setCurrentIndex(agency->findData(u"tax"_s, ui::AgencyPicker::CodeRole));
        auto *province = field<QComboBox>(dialog, u"officeProvince");
        province->setCurrentIndex(province->findData(u"qazvin"_s));
        auto *city = field<QComboBox>(dialog, u"officeCity");
        city->setCurrentIndex(city->findData(u"takestan"_s));
        field<QLineEdit>(dialog, u"officeName")->setText(u"اداره مالیات تاکستان"_s);
        field<QLineEdit>(dialog, u"officeCode")->setText(code);
    }

    MockClock clock;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    User boss;
};

TEST_F(OfficesDialogTest, AnAdministratorAddsAnOfficeInACityOfItsProvinceAndRemovesIt)
{
    ui::OfficesDialog dialog(*db, catalog, boss, clock);
    const qsizetype before = stored();
    auto *city = field<QComboBox>(dialog, u"officeCity");
    auto *province = field<QComboBox>(dialog, u"officeProvince");
    province->setCurrentIndex(province->findData(u"qazvin"_s));
    // Only the province's cities are offered, and "no one city".
    EXPECT_GE(city->findData(u"takestan"_s), 0);
    EXPECT_LT(city->findData(u"tabriz"_s), 0);
    EXPECT_EQ(city->itemData(0).toString(), QString());

    fill(dialog, u"tax-takestan-9"_s);
    ASSERT_TRUE(dialog.addOffice());
    EXPECT_EQ(stored(), before + 1);
    auto *table = field<QTableWidget>(dialog, u"offices");
    EXPECT_EQ(table->rowCount(), before + 1);
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 4)->data(Qt::UserRole).toString() == u"tax-takestan-9")
            row = r;
    ASSERT_GE(row, 0);
    EXPECT_EQ(table->item(row, 2)->text(), u"تاکستان"_s);
    EXPECT_TRUE(field<QLineEdit>(dialog, u"officeCode")->text().isEmpty());

    table->setCurrentCell(row, 0);
    ASSERT_TRUE(dialog.removeSelected());
    EXPECT_EQ(stored(), before);
}

TEST_F(OfficesDialogTest, ARefusedOfficeSaysWhyAndKeepsWhatWasTyped)
{
    ui::OfficesDialog dialog(*db, catalog, boss, clock);
    const qsizetype before = stored();
    fill(dialog, u"Not A Code!"_s);
    EXPECT_FALSE(dialog.addOffice());
    EXPECT_EQ(stored(), before);
    EXPECT_EQ(field<QLineEdit>(dialog, u"officeCode")->text(), u"Not A Code!"_s);
    EXPECT_EQ(field<QLineEdit>(dialog, u"officeName")->text(), u"اداره مالیات تاکستان"_s);
    const auto labels = dialog.findChildren<QLabel *>();
    bool said = false;
    for (QLabel *label : labels)
        said = said || (label->isVisibleTo(&dialog) && label->text().contains(u"کد اداره"_s));
    EXPECT_TRUE(said) << "a Persian reason naming the code";
}

TEST_F(OfficesDialogTest, AnImportAddsEveryRowOrNone)
{
    ui::OfficesDialog dialog(*db, catalog, boss, clock);
    const qsizetype before = stored();
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return f.fileName();
    };
    const QString bad = write(
        u"bad.csv"_s,
        "code,agency,province,city,name\n"
        "tax-qz-a,tax,qazvin,,\xd8\xa7\xd8\xaf\xd8\xa7\xd8\xb1\xd9\x87 \xd8\xa7\xd9\x84\xd9\x81\n"
        "tax-qz-b,no_such_agency,qazvin,,x\n");
    EXPECT_FALSE(dialog.importFile(bad));
    EXPECT_EQ(stored(), before);
    const QString good = write(u"good.csv"_s,
                               "code,agency,province,city,name\n"
                               "tax-qz-a,tax,qazvin,takestan,a\n"
                               "tax-qz-b,tax,qazvin,,b\n");
    ASSERT_TRUE(dialog.importFile(good));
    EXPECT_EQ(stored(), before + 2);
    EXPECT_EQ(field<QTableWidget>(dialog, u"offices")->rowCount(), before + 2);
    EXPECT_FALSE(dialog.importFile(dir.filePath(u"missing.csv"_s)));
}

} // namespace
