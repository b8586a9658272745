// The console across a PostgreSQL restart: the banner, the typed complaint kept,
// and saved exactly once when the server is back. It stops the server, so it
// runs under a with-postgres of its own (tests/CMakeLists.txt).
#include "agencypicker.h"
#include "intakeform.h"
#include "mainwindow.h"
#include "storage/connectionmonitor.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

bool control(const char *command)
{
    return QProcess::execute(qEnvironmentVariable("FOUAD_TEST_PG_CONTROL"),
                             { QString::fromLatin1(command) })
        == 0;
}

TEST(ConsoleRestart, ShowsABannerKeepsTheTypedComplaintAndSavesItOnceWhenTheServerIsBack)
{
    if (qEnvironmentVariableIsEmpty("FOUAD_TEST_PG_CONTROL"))
        GTEST_SKIP() << "FOUAD_TEST_PG_CONTROL is not set (run under scripts/with-postgres)";
    QSettings().clear();
    QString whyNot;
    auto testDb = TestDatabase::create(Backend::PostgreSQL, &whyNot);
    ASSERT_TRUE(testDb) << whyNot.toStdString();
    auto opened = Database::open(testDb->url());
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::shared_ptr<Database> db = opened.value();
    MockClock clock;
    ui::MainWindow window(db, ReferenceRepository(*db).load().value(), clock, User {});
    window.show();
    ui::IntakeForm *form = window.intakeForm();
    QLabel *banner = window.connectionBanner();
    ASSERT_FALSE(banner->isVisible());

    form->findChild<QLineEdit *>(s(u"citizenName"))->setText(s(u"زهرا احمدی"));
    form->findChild<QLineEdit *>(s(u"phone"))->setText(s(u"09121234567"));
    auto *province = form->findChild<QComboBox *>(s(u"province"));
    province->setCurrentIndex(province->findData(s(u"tehran")));
    auto *agency = form->findChild<ui::AgencyPicker *>(s(u"agency"));
    agency->setCurrentIndex(agency->findData(s(u"tax"), ui::AgencyPicker::CodeRole));
    ASSERT_EQ(agency->currentCode(), s(u"tax"));
    auto *category = form->findChild<QComboBox *>(s(u"category"));
    category->setCurrentIndex(category->findData(s(u"delay")));
    auto *description = form->findChild<QPlainTextEdit *>(s(u"description"));
    description->setPlainText(
        s(u"پرونده‌ام دو ماه است معطل مانده است."));
    const QString key = form->clientKey();

    ASSERT_TRUE(control("stop"));
    QStringList registered;
    QObject::connect(form, &ui::IntakeForm::registered, form,
                     [&](const QString &code) { registered << code; });
    form->submit();
    EXPECT_TRUE(registered.isEmpty());
    EXPECT_TRUE(form->hasPendingSave());
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->isVisible(); }, 3000));
    // Persian, and everything typed is still there.
    EXPECT_TRUE(banner->text().contains(s(u"پایگاه داده"))) << banner->text().toStdString();
    EXPECT_EQ(description->toPlainText(),
              s(u"پرونده‌ام دو ماه است معطل مانده است."));
    EXPECT_EQ(form->findChild<QLineEdit *>(s(u"citizenName"))->text(), s(u"زهرا احمدی"));
    EXPECT_EQ(form->clientKey(), key);
    // A retry by hand while it is away fails the same way and keeps the key.
    form->submit();
    EXPECT_TRUE(registered.isEmpty());
    EXPECT_EQ(form->clientKey(), key);

    ASSERT_TRUE(control("start"));
    // The backoff's next attempts (1 s, 2 s, 4 s …) find it; the save resumes.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !banner->isVisible(); }, 20000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return registered.size() == 1; }, 5000));
    EXPECT_FALSE(form->hasPendingSave());
    EXPECT_NE(form->clientKey(), key); // the next complaint gets its own
    QTest::qWait(200);
    EXPECT_EQ(registered.size(), 1);

    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(s(u"SELECT COUNT(*), MIN(tracking_code) FROM complaints")) && q.next());
    EXPECT_EQ(q.value(0).toLongLong(), 1);
    EXPECT_EQ(q.value(1).toString(), registered.constFirst());
}

TEST(Backoff, OneSecondDoublingCappedAtThirtyThenBackToOne)
{
    Backoff backoff;
    QList<int> delays;
    for (int i = 0; i < 8; ++i)
        delays << backoff.next();
    EXPECT_EQ(delays, (QList<int> { 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000 }));
    backoff.reset();
    EXPECT_EQ(backoff.next(), 1000);
}

} // namespace
