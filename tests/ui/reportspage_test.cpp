// The reports page (issue 10): it exports a period's CSV with one row per
// complaint the figures count, a cancelled export leaves no file, the form is
// checked before anything starts, personal data follows the roles, operators
// have no such page, the print preview shows the PDF's pages, and the reports
// database of the settings is where the dashboard and the page read.
#include "dashboardview.h"
#include "domain/jalali.h"
#include "jalalidateedit.h"
#include "mainwindow.h"
#include "reportspage.h"
#include "seed/demoseeder.h"
#include "services/intakeservice.h"
#include "services/statsservice.h"
#include "settingsdialog.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QCalendar>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone Tehran("Asia/Tehran");

User person(const QString &name, Role role)
{
    User u;
    u.name = name;
    u.role = role;
    return u;
}

class ReportsPageTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        clock.set(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Tehran).toUTC());
        DemoSeeder seeder(*db, ReferenceRepository(*db).load().value(), clock);
        ASSERT_TRUE(seeder.run({ .count = 400, .seed = 11, .days = 40 }).ok());
        catalog = ReferenceRepository(*db).load().value();
        today = clock.nowUtc().toTimeZone(Tehran).date();
        ASSERT_TRUE(out.isValid());
    }
    void TearDown() override { QSettings().clear(); }

    // Counted here, not by StatsService: complaints received on those Tehran days.
    qint64 count(Database &on, QDate fromDay, QDate toDay)
    {
        QSqlQuery q(on.connection());
        q.prepare(u"SELECT COUNT(*) FROM complaints WHERE received_at >= ? AND received_at < ?"_s);
        q.addBindValue(QDateTime(fromDay, QTime(0, 0), Tehran).toUTC().toMSecsSinceEpoch());
        q.addBindValue(
            QDateTime(toDay.addDays(1), QTime(0, 0), Tehran).toUTC().toMSecsSinceEpoch());
        EXPECT_TRUE(q.exec() && q.next()) << q.lastError().text().toStdString();
        return q.value(0).toLongLong();
    }

    template<typename T> static T *child(QWidget &w, const char *name)
    {
        T *found = w.findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    static void setPeriod(ui::ReportsPage &page, QDate from, QDate to)
    {
        page.findChild<ui::JalaliDateEdit *>(u"reportsFrom"_s)->setDate(from);
        page.findChild<ui::JalaliDateEdit *>(u"reportsTo"_s)->setDate(to);
    }

    static void choose(QComboBox *box, const QString &code)
    {
        ASSERT_NE(box, nullptr);
        const int at = box->findData(code);
        ASSERT_GE(at, 0) << code.toStdString();
        box->setCurrentIndex(at);
    }

    static QString message(ui::ReportsPage &page)
    {
        QLabel *label = page.messageLabel();
        return label->isVisibleTo(&page) ? label->text() : QString();
    }

    // Clicks Export and waits for the answer: whether it succeeded.
    static std::optional<bool> exportAndWait(ui::ReportsPage &page)
    {
        QSignalSpy finished(&page, &ui::ReportsPage::exportFinished);
        child<QPushButton>(page, "reportsExport")->click();
        if (!page.isBusy())
            return std::nullopt; // refused before starting
        if (!finished.wait(60000))
            return std::nullopt;
        return finished.at(0).at(0).toBool();
    }

    // A file's bytes, and whether SQLite left a journal beside it: a reader
    // opened read-only changes neither (the tests may run as root, whom file
    // permissions do not stop).
    static QByteArray snapshot(const QString &path)
    {
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        for (const char *suffix : { "-wal", "-shm", "-journal" })
            if (QFile::exists(path + QLatin1StringView(suffix)))
                bytes += QByteArray("+") + suffix;
        return bytes;
    }

    static QStringList csvLines(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock;
    QDate today;
    QTemporaryDir out;
};

TEST_P(ReportsPageTest, ExportsACsvWithOneRowPerComplaintTheFiguresCount)
{
    ui::ReportsPage page(testDb->url(), catalog, clock, person(u"sup"_s, Role::Supervisor));
    page.show();
    const QDate from = today.addDays(-19), to = today.addDays(-5);
    setPeriod(page, from, to);
    ASSERT_EQ(page.request().fromDay, from);
    ASSERT_EQ(page.request().toDay, to);
    // The default name carries the period.
    const auto jalaliFrom = QCalendar(QCalendar::System::Jalali).partsFromDate(from);
    EXPECT_TRUE(page.defaultFileName().contains(u"%1-%2-%3"_s.arg(jalaliFrom.year)
                                                    .arg(jalaliFrom.month, 2, 10, QChar(u'0'))
                                                    .arg(jalaliFrom.day, 2, 10, QChar(u'0'))))
        << page.defaultFileName().toStdString();
    choose(child<QComboBox>(page, "reportsFormat"), u"csv"_s);
    EXPECT_TRUE(page.findChild<QLineEdit *>(u"reportsOutput"_s)->text().endsWith(u".csv"_s));
    const QString path = out.filePath(u"period.csv"_s);
    child<QLineEdit>(page, "reportsOutput")->setText(path);

    const auto figures = StatsService(*db).keyFigures(page.request().filter());
    ASSERT_TRUE(figures.ok());
    const qint64 expected = count(*db, from, to);
    ASSERT_GT(expected, 0);
    ASSERT_EQ(figures->total, expected);

    ASSERT_EQ(exportAndWait(page), std::optional<bool>(true)) << message(page).toStdString();
    const QStringList lines = csvLines(path);
    ASSERT_FALSE(lines.isEmpty());
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_TRUE(f.read(3) == "\xEF\xBB\xBF"); // UTF-8 with BOM
    }
    EXPECT_EQ(lines.size() - 1, figures->total);
    // Where it went and how many it holds, in Persian digits.
    EXPECT_EQ(message(page).toStdString(),
              QCoreApplication::translate("fouad::ui::ReportsPage",
                                          "The report was saved in %1: %2 complaints.")
                  .arg(QDir::toNativeSeparators(path), page.locale().toString(expected))
                  .toStdString());
    EXPECT_FALSE(page.isBusy());
    EXPECT_TRUE(child<QPushButton>(page, "reportsExport")->isEnabled());
}

TEST_P(ReportsPageTest, ACancelledExportLeavesNoFile)
{
    ui::ReportsPage page(testDb->url(), catalog, clock, person(u"sup"_s, Role::Supervisor));
    page.show();
    for (const QString &format : { u"csv"_s, u"xlsx"_s, u"pdf"_s }) {
        choose(child<QComboBox>(page, "reportsFormat"), format);
        const QString path = out.filePath(u"cancelled."_s + format);
        child<QLineEdit>(page, "reportsOutput")->setText(path);
        QSignalSpy finished(&page, &ui::ReportsPage::exportFinished);
        child<QPushButton>(page, "reportsExport")->click();
        ASSERT_TRUE(page.isBusy());
        auto *cancel = child<QPushButton>(page, "reportsCancel");
        EXPECT_TRUE(cancel->isVisible());
        EXPECT_FALSE(child<QPushButton>(page, "reportsExport")->isEnabled());
        cancel->click(); // before the worker wrote its first row or page
        ASSERT_TRUE(finished.wait(60000));
        EXPECT_FALSE(finished.at(0).at(0).toBool()) << format.toStdString();
        EXPECT_FALSE(QFile::exists(path)) << format.toStdString();
        EXPECT_FALSE(message(page).isEmpty());
        EXPECT_FALSE(cancel->isVisible());
    }
    // Nothing half-written either: the folder is as empty as it was.
    EXPECT_TRUE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).isEmpty())
        << QDir(out.path()).entryList(QDir::Files | QDir::Hidden).join(u' ').toStdString();
}

TEST_P(ReportsPageTest, ChecksThePeriodAndTheFileBeforeStarting)
{
    ui::ReportsPage page(testDb->url(), catalog, clock, person(u"sup"_s, Role::Supervisor));
    page.show();
    choose(child<QComboBox>(page, "reportsFormat"), u"csv"_s);
    const QString path = out.filePath(u"never.csv"_s);
    child<QLineEdit>(page, "reportsOutput")->setText(path);

    // From after To.
    setPeriod(page, today.addDays(-2), today.addDays(-9));
    EXPECT_EQ(exportAndWait(page), std::nullopt);
    EXPECT_FALSE(page.isBusy());
    EXPECT_TRUE(message(page).contains(u"از"_s)) << message(page).toStdString(); // names From
    EXPECT_FALSE(QFile::exists(path));

    // No file.
    setPeriod(page, today.addDays(-9), today.addDays(-2));
    child<QLineEdit>(page, "reportsOutput")->clear();
    EXPECT_EQ(exportAndWait(page), std::nullopt);
    EXPECT_FALSE(message(page).isEmpty());
    // A folder that is not there.
    child<QLineEdit>(page, "reportsOutput")->setText(out.filePath(u"missing/never.csv"_s));
    EXPECT_EQ(exportAndWait(page), std::nullopt);
    EXPECT_TRUE(message(page).contains(u"missing"_s)) << message(page).toStdString();
    EXPECT_FALSE(QDir(out.path()).exists(u"missing"_s));
}

TEST_P(ReportsPageTest, PersonalDataFollowsTheRoles)
{
    const QString path = out.filePath(u"personal.csv"_s);
    for (const Role role : { Role::Supervisor, Role::Admin, Role::Inspector, Role::Operator }) {
        ui::ReportsPage page(testDb->url(), catalog, clock, person(u"someone"_s, role));
        auto *personal = child<QCheckBox>(page, "reportsPersonal");
        const bool may = role == Role::Supervisor || role == Role::Admin;
        EXPECT_EQ(personal->isEnabled(), may) << int(role);
        personal->setChecked(true); // even forced, only those who may ask for it
        EXPECT_EQ(page.request().includePersonal, may) << int(role);
    }
    // Asked for, the file has the citizens' names; not asked for, it has none.
    ui::ReportsPage page(testDb->url(), catalog, clock, person(u"sup"_s, Role::Supervisor));
    choose(child<QComboBox>(page, "reportsFormat"), u"csv"_s);
    child<QLineEdit>(page, "reportsOutput")->setText(path);
    child<QCheckBox>(page, "reportsPersonal")->setChecked(true);
    ASSERT_EQ(exportAndWait(page), std::optional<bool>(true)) << message(page).toStdString();
    const QString withNames = csvLines(path).value(0);
    child<QCheckBox>(page, "reportsPersonal")->setChecked(false);
    ASSERT_EQ(exportAndWait(page), std::optional<bool>(true)) << message(page).toStdString();
    const QString masked = csvLines(path).value(0);
    EXPECT_NE(withNames, masked);
    EXPECT_GT(withNames.size(), masked.size());
}

TEST_P(ReportsPageTest, PrintPreviewShowsThePdfsPages)
{
    ui::ReportsPage page(testDb->url(), catalog, clock, person(u"sup"_s, Role::Supervisor));
    page.show();
    choose(child<QComboBox>(page, "reportsFormat"), u"pdf"_s);
    child<QLineEdit>(page, "reportsOutput")->setText(out.filePath(u"report.pdf"_s));
    ASSERT_EQ(exportAndWait(page), std::optional<bool>(true)) << message(page).toStdString();
    const QString written = message(page);

    QSignalSpy shown(&page, &ui::ReportsPage::previewFinished);
    child<QPushButton>(page, "reportsPreview")->click();
    ASSERT_TRUE(shown.wait(60000));
    ASSERT_TRUE(shown.at(0).at(0).toBool()) << message(page).toStdString();
    ASSERT_NE(page.previewDialog(), nullptr);
    auto *preview = page.previewDialog()->findChild<QPrintPreviewWidget *>();
    ASSERT_NE(preview, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return preview->pageCount() > 0; }, 20000));
    // The PDF's page count, as the export said.
    const qint64 total = StatsService(*db).keyFigures(page.request().filter()).value().total;
    EXPECT_EQ(written.toStdString(),
              QCoreApplication::translate("fouad::ui::ReportsPage",
                                          "The report was saved in %1: %2 pages on %3 complaints.")
                  .arg(QDir::toNativeSeparators(out.filePath(u"report.pdf"_s)),
                       page.locale().toString(preview->pageCount()), page.locale().toString(total))
                  .toStdString())
        << preview->pageCount();
    EXPECT_GE(preview->pageCount(), 3);
    page.previewDialog()->close();
}

// A failure (here the reports database cannot be opened) says what went wrong
// in Persian and changes nothing: the older file at that name stays as it was.
TEST_P(ReportsPageTest, AFailedExportSaysWhyAndChangesNothing)
{
    const DatabaseUrl missing = DatabaseUrl::sqlite(out.filePath(u"no-such-replica.db"_s));
    ui::ReportsPage page(missing, catalog, clock, person(u"sup"_s, Role::Supervisor));
    choose(child<QComboBox>(page, "reportsFormat"), u"csv"_s);
    const QString path = out.filePath(u"older.csv"_s);
    {
        QFile older(path);
        ASSERT_TRUE(older.open(QIODevice::WriteOnly));
        older.write("an older report\n");
    }
    child<QLineEdit>(page, "reportsOutput")->setText(path);
    ASSERT_EQ(exportAndWait(page), std::optional<bool>(false));
    const QString headline =
        QCoreApplication::translate("fouad::ui::ReportsPage", "The report was not made: %1");
    EXPECT_TRUE(message(page).contains(headline.section(u'%', 0, 0)))
        << message(page).toStdString();
    EXPECT_TRUE(message(page).contains(u"no-such-replica.db"_s)); // and why
    QFile older(path);
    ASSERT_TRUE(older.open(QIODevice::ReadOnly));
    EXPECT_EQ(older.readAll(), QByteArray("an older report\n"));
    EXPECT_FALSE(QFile::exists(missing.path)); // a reader creates no database
    EXPECT_EQ(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

// The reports database read-only on a server that refuses every write, as a
// hot standby does (PostgreSQL), or a read-only file (SQLite): the page exports.
TEST_P(ReportsPageTest, ExportsFromADatabaseThatRefusesWrites)
{
    QString name;
    QSqlQuery q(db->connection());
    std::optional<QString> readOnlyFile;
    DatabaseUrl url = testDb->url();
    if (GetParam() == Backend::PostgreSQL) {
        ASSERT_TRUE(q.exec(u"SELECT current_database()"_s) && q.next());
        name = q.value(0).toString();
        ASSERT_TRUE(
            q.exec(u"ALTER DATABASE \"%1\" SET default_transaction_read_only = on"_s.arg(name)))
            << q.lastError().text().toStdString();
    } else {
        const QString copy = out.filePath(u"replica.db"_s);
        ASSERT_TRUE(q.exec(u"VACUUM INTO '%1'"_s.arg(copy))) << q.lastError().text().toStdString();
        ASSERT_TRUE(QFile::setPermissions(copy, QFile::ReadOwner | QFile::ReadGroup));
        url = DatabaseUrl::sqlite(copy);
        readOnlyFile = copy;
    }
    const QByteArray before = readOnlyFile ? snapshot(*readOnlyFile) : QByteArray();
    {
        ui::ReportsPage page(url, catalog, clock, person(u"sup"_s, Role::Supervisor));
        choose(child<QComboBox>(page, "reportsFormat"), u"csv"_s);
        const QString path = out.filePath(u"from-replica.csv"_s);
        child<QLineEdit>(page, "reportsOutput")->setText(path);
        EXPECT_EQ(exportAndWait(page), std::optional<bool>(true)) << message(page).toStdString();
        EXPECT_EQ(csvLines(path).size() - 1, count(*db, today.addDays(-29), today));
    }
    if (readOnlyFile) {
        EXPECT_TRUE(snapshot(*readOnlyFile) == before) << "the reader wrote to its database";
    }
    if (!name.isEmpty()) {
        ASSERT_TRUE(
            q.exec(u"ALTER DATABASE \"%1\" RESET default_transaction_read_only"_s.arg(name)));
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportsPageTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

class ReportsWindowTest : public ReportsPageTest
{
};

TEST_P(ReportsWindowTest, SupervisorsAndAdminsHaveTheReportsPageOperatorsDoNot)
{
    ASSERT_TRUE(addTestUser(*db, u"op.karimi"_s, Role::Operator, clock.nowUtc()).ok());
    ASSERT_TRUE(addTestUser(*db, u"insp.rahimi"_s, Role::Inspector, clock.nowUtc()).ok());
    ASSERT_TRUE(addTestUser(*db, u"sup.nouri"_s, Role::Supervisor, clock.nowUtc()).ok());
    ASSERT_TRUE(addTestUser(*db, u"adm.saberi"_s, Role::Admin, clock.nowUtc()).ok());
    for (const QString &name : { u"op.karimi"_s, u"insp.rahimi"_s }) {
        ui::MainWindow window(db, catalog, clock, UserRepository(*db).find(name).value());
        EXPECT_EQ(window.reportsPage(), nullptr) << name.toStdString();
        EXPECT_EQ(window.findChild<ui::ReportsPage *>(), nullptr) << name.toStdString();
    }
    for (const QString &name : { u"sup.nouri"_s, u"adm.saberi"_s }) {
        ui::MainWindow window(db, catalog, clock, UserRepository(*db).find(name).value());
        ASSERT_NE(window.reportsPage(), nullptr) << name.toStdString();
        auto *pages = window.findChild<QTabWidget *>(u"pages"_s);
        ASSERT_NE(pages, nullptr);
        EXPECT_GE(pages->indexOf(window.reportsPage()), 0);
        window.showPage(ui::MainWindow::Page::Reports);
        EXPECT_EQ(pages->currentWidget(), window.reportsPage());
        // Personal data: the core's rule, for the one signed in.
        EXPECT_TRUE(
            window.reportsPage()->findChild<QCheckBox *>(u"reportsPersonal"_s)->isEnabled());
        // Without a reports database, the figures come from the main one (read-only).
        EXPECT_EQ(window.reportsPage()->figuresUrl().toString(), db->url().toString());
        EXPECT_EQ(window.dashboard()->figuresUrl().toString(), db->url().toString());
    }
}

// The settings' reports database (a copy here, as a replica would be): the
// dashboard and the reports page show its figures, not the main database's.
TEST_P(ReportsWindowTest, TheReportsDatabaseOfTheSettingsIsWhereFiguresAreRead)
{
    ASSERT_TRUE(addTestUser(*db, u"sup.nouri"_s, Role::Supervisor, clock.nowUtc()).ok());
    const QString copy = out.filePath(u"reports-copy.db"_s);
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(u"VACUUM INTO '%1'"_s.arg(copy))) << q.lastError().text().toStdString();
    ASSERT_TRUE(QFile::setPermissions(copy, QFile::ReadOwner | QFile::ReadGroup)); // never written
    const QByteArray before = snapshot(copy);
    const qint64 inCopy = count(*db, today.addDays(-29), today);
    // The main database moves on; the copy does not.
    for (int i = 0; i < 3; ++i) {
        ComplaintDraft d = sampleDraft();
        d.receivedAt = clock.nowUtc();
        ASSERT_TRUE(IntakeService(*db, catalog, clock).registerComplaint(d).ok());
    }
    ASSERT_EQ(count(*db, today.addDays(-29), today), inCopy + 3);

    QSettings().setValue(ui::SettingsDialog::reportsDatabaseKey(),
                         DatabaseUrl::sqlite(copy).toString());
    ui::MainWindow window(db, catalog, clock, UserRepository(*db).find(u"sup.nouri"_s).value());
    window.show();
    ui::DashboardView *view = window.dashboard();
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->figuresUrl().path.toStdString(), copy.toStdString());
    // The status bar's database says where the figures come from.
    EXPECT_TRUE(window.findChild<QLabel *>(u"databaseLabel"_s)->toolTip().contains(copy));
    const QLocale loc = view->locale();
    auto total = [&] {
        auto *label = view->findChild<QLabel *>(u"tile_total"_s);
        return label ? label->text() : QString();
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return total() == loc.toString(inCopy); }, 30000))
        << total().toStdString() << " != " << inCopy;

    ui::ReportsPage *page = window.reportsPage();
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->figuresUrl().path.toStdString(), copy.toStdString());
    window.showPage(ui::MainWindow::Page::Reports);
    choose(child<QComboBox>(*page, "reportsFormat"), u"csv"_s);
    const QString path = out.filePath(u"from-copy.csv"_s);
    child<QLineEdit>(*page, "reportsOutput")->setText(path);
    ASSERT_EQ(exportAndWait(*page), std::optional<bool>(true)) << message(*page).toStdString();
    EXPECT_EQ(csvLines(path).size() - 1, inCopy);
    window.close();
    delete window.reportsPage(); // its worker's connection closed
    delete window.dashboard();
    EXPECT_TRUE(snapshot(copy) == before) << "the dashboard or the reports page wrote to the copy";
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportsWindowTest, ::testing::Values(Backend::SQLite),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
