// An administrator adds users in the users dialog; the password rule and the
// refusal come from the administration service, in Persian, and what was
// typed stays.
#include "auth/passwordhasher.h"
#include "storage/database.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"
#include "usersdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

class UsersDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        db = Database::open(testDb->url()).value();
        const QString hash = PasswordHasher(1000).hash(QStringLiteral("a long password"));
        boss = UserRepository(*db)
                   .add(QStringLiteral("boss"), {}, Role::Admin, hash, clock.nowUtc())
                   .value();
        olga = UserRepository(*db)
                   .add(QStringLiteral("olga"), {}, Role::Operator, hash, clock.nowUtc())
                   .value();
    }

    static QStringList names(ui::UsersDialog &dialog)
    {
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("users"));
        QStringList out;
        for (int row = 0; row < table->rowCount(); ++row)
            out << table->item(row, 0)->text();
        return out;
    }

    static void type(ui::UsersDialog &dialog, const char *field, const QString &text)
    {
        auto *edit = dialog.findChild<QLineEdit *>(QLatin1String(field));
        ASSERT_NE(edit, nullptr) << field;
        edit->clear();
        // QTest types Latin keys only; Persian text arrives as an input method would.
        bool latin = true;
        for (QChar c : text)
            latin = latin && c.unicode() < 128;
        if (latin)
            QTest::keyClicks(edit, text);
        else
            edit->insert(text);
    }

    static QString field(ui::UsersDialog &dialog, const char *name)
    {
        return dialog.findChild<QLineEdit *>(QLatin1String(name))->text();
    }

    static QString message(ui::UsersDialog &dialog)
    {
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("fieldError"));
        return label && label->isVisibleTo(&dialog) ? label->text() : QString();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    MockClock clock;
    User boss;
    User olga;
};

TEST_F(UsersDialogTest, AShortPasswordIsRefusedInPersianAndTheInputStays)
{
    ui::UsersDialog dialog(*db, boss, clock);
    type(dialog, "newUserName", QStringLiteral("reza"));
    type(dialog, "newFullName", QStringLiteral("رضا رضایی"));
    type(dialog, "newUserPassword", QStringLiteral("short"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addUser")), Qt::LeftButton);

    EXPECT_EQ(message(dialog),
              QStringLiteral("گذرواژه دست‌کم ۱۲ نویسه دارد."));
    EXPECT_EQ(field(dialog, "newUserName"), u"reza");
    EXPECT_EQ(field(dialog, "newFullName"), u"رضا رضایی");
    EXPECT_EQ(field(dialog, "newUserPassword"), u"short");
    EXPECT_FALSE(names(dialog).contains(QStringLiteral("reza")));
    EXPECT_FALSE(UserRepository(*db).find(QStringLiteral("reza")).ok());

    type(dialog, "newUserPassword", QStringLiteral("twelve chars"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addUser")), Qt::LeftButton);
    EXPECT_EQ(message(dialog), QString());
    EXPECT_TRUE(names(dialog).contains(QStringLiteral("reza")));
    EXPECT_EQ(field(dialog, "newUserName"), QString()) << "cleared once added";
    EXPECT_EQ(UserRepository(*db).find(QStringLiteral("reza"))->fullName, u"رضا رضایی");
}

TEST_F(UsersDialogTest, AnOperatorIsRefusedInPersian)
{
    ui::UsersDialog dialog(*db, olga, clock);
    type(dialog, "newUserName", QStringLiteral("reza"));
    type(dialog, "newUserPassword", QStringLiteral("twelve chars"));
    EXPECT_FALSE(dialog.addUser());
    EXPECT_TRUE(message(dialog).startsWith(QStringLiteral("olga ")))
        << message(dialog).toStdString();
    EXPECT_TRUE(message(dialog).contains(QStringLiteral("مدیر"))) << message(dialog).toStdString();
    EXPECT_EQ(field(dialog, "newUserName"), u"reza");
    EXPECT_FALSE(UserRepository(*db).find(QStringLiteral("reza")).ok());
}

} // namespace
