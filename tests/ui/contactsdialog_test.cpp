// An administrator keeps the contacts in the console: added through the
// administration service, a refusal in Persian keeps what was typed, removed
// again; only administrators may.
#include "agencypicker.h"
#include "contactsdialog.h"
#include "services/administrationservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

class ContactsDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        boss = addTestUser(*db, u"boss"_s, Role::Admin, clock.nowUtc()).value();
        olga = addTestUser(*db, u"olga"_s, Role::Operator, clock.nowUtc()).value();
    }

    template<typename W> static W *field(ui::ContactsDialog &dialog, const char16_t *name)
    {
        auto *w = dialog.findChild<W *>(QStringView(name).toString());
        EXPECT_NE(w, nullptr) << QStringView(name).toString().toStdString();
        return w;
    }

    static int rows(ui::ContactsDialog &dialog)
    {
        return field<QTableWidget>(dialog, u"contacts")->rowCount();
    }

    void fill(ui::ContactsDialog &dialog, const QString &webhook)
    {
        auto *agency = field<ui::AgencyPicker>(dialog, u"contactAgency");
        agency->setCurrentIndex(agency->findData(u"tax"_s, ui::AgencyPicker::CodeRole));
        ASSERT_EQ(agency->currentCode(), u"tax");
        auto *province = field<QComboBox>(dialog, u"contactProvince");
        province->setCurrentIndex(province->findData(u"qazvin"_s));
        field<QLineEdit>(dialog, u"contactName")->setText(u"واحد شکایات قزوین"_s);
        field<QLineEdit>(dialog, u"contactPhone")->setText(u"۰۲۸ ۳۳۲۲ ۱۱۰۰"_s);
        field<QLineEdit>(dialog, u"contactWebhook")->setText(webhook);
    }

    MockClock clock;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    User boss, olga;
};

TEST_F(ContactsDialogTest, AnAdministratorAddsAndRemovesAContact)
{
    ui::ContactsDialog dialog(*db, catalog, boss, clock);
    EXPECT_EQ(rows(dialog), 0);
    fill(dialog, u"ftp://tax.example"_s);
    EXPECT_FALSE(dialog.addContact());
    EXPECT_EQ(rows(dialog), 0);
    auto *message = field<QLabel>(dialog, u"fieldError");
    EXPECT_TRUE(message->text().contains(u"وب‌هوک"_s)) << message->text().toStdString();
    EXPECT_EQ(field<QLineEdit>(dialog, u"contactName")->text(), u"واحد شکایات قزوین"); // kept

    field<QLineEdit>(dialog, u"contactWebhook")->setText(u"https://tax.example/128"_s);
    ASSERT_TRUE(dialog.addContact());
    ASSERT_EQ(rows(dialog), 1);
    const auto saved = AdministrationService(*db, clock).contacts().value();
    ASSERT_EQ(saved.size(), 1);
    EXPECT_EQ(saved[0].agencyCode, u"tax");
    EXPECT_EQ(saved[0].provinceCode, u"qazvin");
    EXPECT_EQ(saved[0].phone, u"+982833221100");
    EXPECT_EQ(saved[0].role, ContactRole::Unit);

    field<QTableWidget>(dialog, u"contacts")->setCurrentCell(0, 0);
    ASSERT_TRUE(dialog.removeSelected());
    EXPECT_EQ(rows(dialog), 0);
    EXPECT_TRUE(AdministrationService(*db, clock).contacts()->isEmpty());
}

TEST_F(ContactsDialogTest, AnOperatorIsRefusedAndNothingChanges)
{
    ui::ContactsDialog dialog(*db, catalog, olga, clock);
    fill(dialog, u"https://tax.example/128"_s);
    EXPECT_FALSE(dialog.addContact());
    EXPECT_TRUE(AdministrationService(*db, clock).contacts()->isEmpty());
}

} // namespace
