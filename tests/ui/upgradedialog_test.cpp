// The console's offer of a backup before it migrates an older database that
// holds complaints (issue 11): when it is offered, that the backup is written
// on its worker and is the database as it was, and that a backup that fails
// says so, keeps the dialog open and changes nothing.
#include "upgradedialog.h"

#include "storage/database.h"
#include "storage/migrations.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace fouad::ui;
using namespace Qt::StringLiterals;

namespace {

class UpgradeDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        // A database the first released schema made, with its complaints.
        ASSERT_TRUE(QFile::copy(QStringLiteral(FOUAD_TEST_DATA_DIR) + u"/schema7.sqlite"_s,
                                dir.filePath(u"centre.sqlite"_s)));
        QFile::setPermissions(dir.filePath(u"centre.sqlite"_s),
                              QFile::ReadOwner | QFile::WriteOwner);
        url = DatabaseUrl::sqlite(dir.filePath(u"centre.sqlite"_s));
    }

    int versionOf(const QString &path)
    {
        auto db = Database::open(DatabaseUrl::sqlite(path), Database::Access::ReadOnly,
                                 Database::Schema::AsIs);
        return db ? db.value()->schemaVersion() : -1;
    }

    QTemporaryDir dir;
    DatabaseUrl url;
    MockClock clock;
};

TEST_F(UpgradeDialogTest, IsOfferedForAnOlderDatabaseWithComplaintsOnly)
{
    std::shared_ptr<Database> opened;
    DatabaseBackup::PendingUpgrade pending;
    ASSERT_TRUE(UpgradeDialog::needed(url, &opened, &pending));
    EXPECT_EQ(pending.from, 7);
    EXPECT_EQ(pending.to, Migrations::latestVersion());
    EXPECT_GT(pending.complaints, 0);
    EXPECT_EQ(opened->schemaVersion(), 7); // looked at, not migrated
    opened.reset();

    // A new database, and one already at this version: nothing to offer.
    std::shared_ptr<Database> none;
    EXPECT_FALSE(
        UpgradeDialog::needed(DatabaseUrl::sqlite(dir.filePath(u"new.sqlite"_s)), &none, &pending));
    ASSERT_TRUE(Database::open(url).ok()); // migrated
    EXPECT_FALSE(UpgradeDialog::needed(url, &none, &pending));
}

TEST_F(UpgradeDialogTest, BacksUpTheDatabaseAsItWasThenGoesOn)
{
    std::shared_ptr<Database> opened;
    DatabaseBackup::PendingUpgrade pending;
    ASSERT_TRUE(UpgradeDialog::needed(url, &opened, &pending));
    UpgradeDialog dialog(opened, pending, clock);
    // The suggestion: beside the data, named by schema and time.
    EXPECT_TRUE(dialog.backupPath().startsWith(dir.filePath(u"centre-schema7-20261122-0730"_s)))
        << dialog.backupPath().toStdString();
    dialog.show();
    dialog.backUpButton()->click();
    EXPECT_FALSE(dialog.backUpButton()->isEnabled()); // busy while the worker writes
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
    EXPECT_EQ(dialog.writtenTo(), dialog.backupPath());
    ASSERT_TRUE(QFile::exists(dialog.backupPath()));
    EXPECT_EQ(versionOf(dialog.backupPath()), 7);
    EXPECT_EQ(versionOf(url.path), 7); // the upgrade is the opening's, after this
}

TEST_F(UpgradeDialogTest, ABackupThatFailsSaysSoAndChangesNothing)
{
    std::shared_ptr<Database> opened;
    DatabaseBackup::PendingUpgrade pending;
    ASSERT_TRUE(UpgradeDialog::needed(url, &opened, &pending));
    UpgradeDialog dialog(opened, pending, clock);
    dialog.show();

    // No such folder: said at once, in words.
    dialog.setBackupPath(dir.filePath(u"no/such/folder/b.sqlite"_s));
    dialog.backUpButton()->click();
    EXPECT_TRUE(dialog.messageLabel()->isVisible());
    EXPECT_NE(dialog.result(), int(QDialog::Accepted));

    // A folder where the file should go: the worker's backup fails.
    QDir(dir.path()).mkdir(u"taken"_s);
    dialog.setBackupPath(dir.filePath(u"taken"_s));
    dialog.messageLabel()->hide();
    dialog.backUpButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.backUpButton()->isEnabled(), 30000);
    EXPECT_TRUE(dialog.messageLabel()->isVisible());
    EXPECT_FALSE(dialog.messageLabel()->text().isEmpty());
    EXPECT_NE(dialog.result(), int(QDialog::Accepted));
    EXPECT_TRUE(dialog.writtenTo().isEmpty());
    EXPECT_FALSE(QFile::exists(dir.filePath(u"taken.part"_s)));
    EXPECT_EQ(versionOf(url.path), 7);

    // Going on without a backup is a choice of its own; quitting is the other.
    dialog.skipButton()->click();
    EXPECT_EQ(dialog.result(), int(QDialog::Accepted));
}

} // namespace
