// The settings dialog: shows what is in force, saves a language and a valid
// database URL, and refuses a malformed URL with its reason, keeping it typed.
#include "settingsdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace fouad;

namespace {

class SettingsDialogTest : public ::testing::Test
{
protected:
    void SetUp() override { QSettings().clear(); }
    void TearDown() override { QSettings().clear(); }

    template<typename T> static T *child(QWidget &dialog, const char *name)
    {
        T *w = dialog.findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }
};

TEST_F(SettingsDialogTest, ShowsTheDatabaseInUseAndPersianByDefault)
{
    const DatabaseUrl current = DatabaseUrl::sqlite(QStringLiteral("/tmp/centre.db"));
    ui::SettingsDialog dialog(current);
    EXPECT_EQ(child<QComboBox>(dialog, "language")->currentData().toString(), QStringLiteral("fa"));
    EXPECT_EQ(child<QLineEdit>(dialog, "databaseUrl")->text(), current.toString());
}

TEST_F(SettingsDialogTest, SavesTheLanguageAndAValidUrl)
{
    ui::SettingsDialog dialog(DatabaseUrl::sqlite(QStringLiteral("/tmp/centre.db")));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *language = child<QComboBox>(dialog, "language");
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    child<QLineEdit>(dialog, "databaseUrl")
        ->setText(QStringLiteral("postgresql://fouad:secret@db.centre.local:5433/complaints"));
    dialog.accept();
    EXPECT_EQ(accepted.size(), 1);
    QSettings settings;
    EXPECT_EQ(settings.value(ui::SettingsDialog::languageKey()).toString(), QStringLiteral("en"));
    const auto saved =
        DatabaseUrl::parse(settings.value(ui::SettingsDialog::databaseKey()).toString());
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->kind, DatabaseUrl::Kind::PostgreSQL);
    EXPECT_EQ(saved->host, QStringLiteral("db.centre.local"));
    EXPECT_EQ(saved->port, 5433);
    EXPECT_EQ(saved->password, QStringLiteral("secret"));

    // Shown again, the dialog reads back what was saved.
    ui::SettingsDialog again(DatabaseUrl::sqlite(QStringLiteral("/tmp/other.db")));
    EXPECT_EQ(child<QComboBox>(again, "language")->currentData().toString(), QStringLiteral("en"));
    EXPECT_EQ(child<QLineEdit>(again, "databaseUrl")->text(), saved->toString());
}

TEST_F(SettingsDialogTest, AMalformedUrlIsRefusedWithItsReasonAndKept)
{
    ui::SettingsDialog dialog(DatabaseUrl::sqlite(QStringLiteral("/tmp/centre.db")));
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *url = child<QLineEdit>(dialog, "databaseUrl");
    url->setText(QStringLiteral("mysql://somewhere/db"));
    dialog.accept();
    EXPECT_TRUE(accepted.isEmpty());
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(url->text(), QStringLiteral("mysql://somewhere/db"));
    QLabel *error = nullptr;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && label->objectName() == u"fieldError")
            error = label;
    }
    ASSERT_NE(error, nullptr);
    EXPECT_FALSE(error->text().isEmpty());
    EXPECT_FALSE(QSettings().contains(ui::SettingsDialog::databaseKey())); // nothing saved
    EXPECT_FALSE(QSettings().contains(ui::SettingsDialog::languageKey()));
}

TEST_F(SettingsDialogTest, TheTelephoneIsCheckedSavedAndOffUnlessSet)
{
    EXPECT_FALSE(ui::SettingsDialog::telephony().popsCalls());
    EXPECT_FALSE(ui::SettingsDialog::telephony().dials());
    struct Case
    {
        const char16_t *extension;
        const char16_t *dialUrl;
        bool accepted;
    };
    const Case cases[] = {
        { u"10 1", u"", false },
        { u"101", u"ftp://pbx/dial", false },
        { u"101", u"not a url", false },
        { u"۱۰۱", u"http://127.0.0.1:8088/dial", true },
    };
    for (const Case &c : cases) {
        ui::SettingsDialog dialog(DatabaseUrl::sqlite(QStringLiteral("/tmp/centre.db")));
        dialog.show();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        child<QLineEdit>(dialog, "extension")->setText(QStringView(c.extension).toString());
        child<QLineEdit>(dialog, "dialUrl")->setText(QStringView(c.dialUrl).toString());
        dialog.accept();
        EXPECT_EQ(accepted.size(), c.accepted ? 1 : 0)
            << QStringView(c.extension).toString().toStdString();
        if (!c.accepted) {
            EXPECT_FALSE(QSettings().contains(ui::SettingsDialog::extensionKey()));
            EXPECT_EQ(child<QLineEdit>(dialog, "extension")->text(),
                      QStringView(c.extension).toString()); // kept for correcting
        }
    }
    const TelephonySettings saved = ui::SettingsDialog::telephony();
    EXPECT_EQ(saved.extension, QStringLiteral("101"));
    EXPECT_EQ(saved.dialUrl, QUrl(QStringLiteral("http://127.0.0.1:8088/dial")));
    EXPECT_TRUE(saved.popsCalls());
    EXPECT_TRUE(saved.dials());
}

} // namespace

namespace {

// Issue 10: the reports database (a streaming replica) is optional, checked
// like the main one (the message names the field), and read-only figures come
// from it; a PostgreSQL one without a password is signed in to as the person.
TEST_F(SettingsDialogTest, TheReportsDatabaseIsOptionalCheckedAndUsedForFigures)
{
    const DatabaseUrl main = DatabaseUrl::sqlite(QStringLiteral("/tmp/centre.db"));
    EXPECT_EQ(ui::SettingsDialog::reportsUrl(main).toString(), main.toString()); // none set
    {
        ui::SettingsDialog dialog(main);
        dialog.show();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        auto *reports = child<QLineEdit>(dialog, "reportsDatabaseUrl");
        EXPECT_TRUE(reports->text().isEmpty());
        reports->setText(QStringLiteral("postgresql://replica.centre.local"));
        dialog.accept();
        EXPECT_TRUE(accepted.isEmpty());
        EXPECT_EQ(reports->text(), QStringLiteral("postgresql://replica.centre.local"));
        QLabel *error = nullptr;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->isVisible() && label->objectName() == u"fieldError")
                error = label;
        }
        ASSERT_NE(error, nullptr);
        // The field is named: «پایگاه داده گزارش‌ها».
        EXPECT_TRUE(error->text().contains(
            QCoreApplication::translate("fouad::ui::SettingsDialog", "Reports database: %1")
                .section(QLatin1Char(':'), 0, 0)))
            << error->text().toStdString();
        EXPECT_FALSE(QSettings().contains(ui::SettingsDialog::reportsDatabaseKey()));
        EXPECT_FALSE(QSettings().contains(ui::SettingsDialog::databaseKey()));

        reports->setText(QStringLiteral("postgresql://replica.centre.local:5432/fouad"));
        dialog.accept();
        EXPECT_EQ(accepted.size(), 1);
    }
    const DatabaseUrl signedIn =
        DatabaseUrl::parse(QStringLiteral("postgresql://sup.nouri:pw@primary.centre.local/fouad"))
            .value();
    const DatabaseUrl figures = ui::SettingsDialog::reportsUrl(signedIn);
    EXPECT_EQ(figures.host, QStringLiteral("replica.centre.local"));
    EXPECT_EQ(figures.user, QStringLiteral("sup.nouri")); // the person signed in
    EXPECT_EQ(figures.password, QStringLiteral("pw"));
    {
        ui::SettingsDialog again(main);
        EXPECT_EQ(child<QLineEdit>(again, "reportsDatabaseUrl")->text(),
                  QStringLiteral("postgresql://replica.centre.local:5432/fouad"));
        child<QLineEdit>(again, "reportsDatabaseUrl")->clear(); // back to none
        again.accept();
    }
    EXPECT_FALSE(QSettings().contains(ui::SettingsDialog::reportsDatabaseKey()));
    EXPECT_EQ(ui::SettingsDialog::reportsUrl(main).toString(), main.toString());
}

} // namespace
