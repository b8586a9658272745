// An operator on the phone: types a complaint into the intake form key by key,
// submits with Enter, reads the tracking code and finds the row in the queue.
#include "agencypicker.h"
#include "auth/passwordhasher.h"
#include "domain/persiantext.h"
#include "domain/trackingcode.h"
#include "intakeform.h"
#include "itemmodels/complaintqueuemodel.h"
#include "mainwindow.h"
#include "queueview.h"
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/officerepository.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

// QTest::keyClicks only knows Latin keys; a Persian keyboard sends the letter's
// code point as the key and the letter as the text.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key(c.unicode()), QString(c),
                                Qt::NoModifier);
    }
}

class IntakeFormTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::SQLite);
        auto opened = Database::open(testDb->url());
        ASSERT_TRUE(opened.ok());
        db = opened.value();
        const User op = UserRepository(*db)
                            .add(s(u"op"), {}, Role::Operator,
                                 PasswordHasher(1000).hash(s(u"a-long-password")), clock.nowUtc())
                            .value();
        window = std::make_unique<ui::MainWindow>(db, ReferenceRepository(*db).load().value(),
                                                  clock, op);
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        form = window->intakeForm();
    }

    template<typename T> T *field(const char16_t *name)
    {
        T *w = form->findChild<T *>(s(name));
        EXPECT_NE(w, nullptr) << QStringView(name).toString().toStdString();
        return w;
    }

    qint64 complaintCount() { return ComplaintRepository(*db).list({}).value().size(); }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    MockClock clock;
    std::unique_ptr<ui::MainWindow> window;
    ui::IntakeForm *form = nullptr;
};

TEST_F(IntakeFormTest, ConsoleIsRightToLeftInPersian)
{
    EXPECT_EQ(QApplication::layoutDirection(), Qt::RightToLeft);
    EXPECT_EQ(window->layoutDirection(), Qt::RightToLeft);
    EXPECT_EQ(QLocale().language(), QLocale::Persian);
    EXPECT_EQ(QApplication::font().family(), s(u"Vazirmatn"));
    // Headers come from the Persian translation.
    EXPECT_EQ(window->queueView()->model()->headerData(0, Qt::Horizontal).toString(),
              s(u"کد رهگیری"));
}

TEST_F(IntakeFormTest, TypesAComplaintKeyByKeyAndFindsItInTheQueue)
{
    auto *name = field<QLineEdit>(u"citizenName");
    auto *phone = field<QLineEdit>(u"phone");
    auto *province = field<QComboBox>(u"province");
    auto *agency = field<ui::AgencyPicker>(u"agency");
    auto *category = field<QComboBox>(u"category");
    auto *description = field<QPlainTextEdit>(u"description");

    EXPECT_TRUE(name->hasFocus()); // ready for the caller's name
    typeText(name, s(u"زهرا احمدی"));
    QTest::keyClick(name, Qt::Key_Tab);
    EXPECT_TRUE(phone->hasFocus());
    typeText(phone, s(u"۰۹۱۲ ۱۲۳ ۴۵۶۷"));

    province->setFocus();
    typeText(province, s(u"ته"));
    EXPECT_EQ(province->currentData().toString(), s(u"tehran"));

    agency->lineEdit()->setFocus();
    typeText(agency->lineEdit(), s(u"تامین اج")); // no hamza, as people type it
    QAbstractItemView *popup = agency->completer()->popup();
    ASSERT_TRUE(QTest::qWaitFor([&] { return popup->isVisible(); }, 3000));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(agency->currentCode(), s(u"social_security"));

    category->setFocus();
    typeText(category, s(u"قطع"));
    EXPECT_EQ(category->currentData().toString(), s(u"system_down"));

    description->setFocus();
    typeText(description, s(u"سامانه از صبح قطع است"));
    ASSERT_EQ(complaintCount(), 0);
    QTest::keyClick(description, Qt::Key_Return); // Enter submits

    const QString code = form->lastTrackingCode();
    ASSERT_TRUE(TrackingCode::isValid(code)) << code.toStdString();
    auto *shown = form->findChild<QLabel *>(s(u"trackingCode"));
    ASSERT_NE(shown, nullptr);
    EXPECT_TRUE(shown->isVisible());
    EXPECT_EQ(shown->text(), PersianText::toPersianDigits(code)); // large, in Persian digits
    EXPECT_TRUE(name->text().isEmpty()); // ready for the next call

    const auto stored = ComplaintRepository(*db).findByCode(code);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->citizen.name, s(u"زهرا احمدی"));
    EXPECT_EQ(stored->citizen.phone, s(u"+989121234567"));
    EXPECT_EQ(stored->agencyCode, s(u"social_security"));
    EXPECT_EQ(stored->history.constFirst().actor, s(u"op")); // the signed-in operator

    // The queue fetches in the background: the new row arrives, selected.
    ComplaintQueueModel *queue = window->queueView()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !queue->isLoading() && queue->rowOf(code) >= 0; }));
    const int row = queue->rowOf(code);
    EXPECT_EQ(window->queueView()->table()->currentIndex().row(), row);
    EXPECT_TRUE(window->queueView()->table()->selectionModel()->isRowSelected(row, {}));
}

// Focus is in this field (an editable combo's line edit counts as the combo).
bool focusIn(QWidget *field)
{
    QWidget *focused = QApplication::focusWidget();
    return focused == field || (focused && focused->parentWidget() == field);
}

TEST_F(IntakeFormTest, AWholeComplaintTypedFieldByFieldWithEnter)
{
    auto *name = field<QLineEdit>(u"citizenName");
    auto *phone = field<QLineEdit>(u"phone");
    auto *nationalId = field<QLineEdit>(u"nationalId");
    auto *share = field<QWidget>(u"shareIdentity");
    auto *province = field<QComboBox>(u"province");
    auto *agency = field<ui::AgencyPicker>(u"agency");
    auto *category = field<QComboBox>(u"category");
    auto *priority = field<QComboBox>(u"priority");
    auto *description = field<QPlainTextEdit>(u"description");
    auto *submit = field<QPushButton>(u"submit");
    EXPECT_TRUE(submit->text().contains(s(u"Ctrl+Enter"))) << submit->text().toStdString();

    ASSERT_TRUE(name->hasFocus());
    typeText(name, s(u"مریم رضایی"));
    QTest::keyClick(name, Qt::Key_Return);
    ASSERT_TRUE(phone->hasFocus());
    QTest::keyClicks(phone, s(u"09351234567"));
    QTest::keyClick(phone, Qt::Key_Return);
    ASSERT_TRUE(nationalId->hasFocus());
    QTest::keyClick(nationalId, Qt::Key_Return); // optional: left empty
    ASSERT_TRUE(share->hasFocus());
    QTest::keyClick(share, Qt::Key_Space); // the citizen agrees to be named
    QTest::keyClick(share, Qt::Key_Return);
    ASSERT_TRUE(province->hasFocus());
    typeText(province, s(u"تهران"));
    EXPECT_EQ(province->currentData().toString(), s(u"tehran"));
    QTest::keyClick(province, Qt::Key_Return);
    EXPECT_EQ(complaintCount(), 0); // accepted, not submitted
    ASSERT_TRUE(focusIn(agency));

    typeText(agency->lineEdit(), s(u"تامین اج"));
    QAbstractItemView *popup = agency->completer()->popup();
    ASSERT_TRUE(QTest::qWaitFor([&] { return popup->isVisible(); }, 3000));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return); // picks the highlighted agency
    EXPECT_EQ(agency->currentCode(), s(u"social_security"));
    ASSERT_TRUE(focusIn(agency));
    QTest::keyClick(agency->lineEdit(), Qt::Key_Return);
    // Where it happened: optional, left empty with Enter.
    auto *city = field<ui::AgencyPicker>(u"city");
    auto *office = field<ui::AgencyPicker>(u"office");
    auto *desk = field<QLineEdit>(u"serviceDesk");
    ASSERT_TRUE(focusIn(city));
    QTest::keyClick(city->lineEdit(), Qt::Key_Return);
    ASSERT_TRUE(focusIn(office));
    QTest::keyClick(office->lineEdit(), Qt::Key_Return);
    ASSERT_TRUE(desk->hasFocus());
    QTest::keyClick(desk, Qt::Key_Return);
    ASSERT_TRUE(category->hasFocus());
    typeText(category, s(u"قطع"));
    EXPECT_EQ(category->currentData().toString(), s(u"system_down"));
    QTest::keyClick(category, Qt::Key_Return);
    ASSERT_TRUE(priority->hasFocus());
    typeText(priority, s(u"فوری"));
    QTest::keyClick(priority, Qt::Key_Return);
    ASSERT_TRUE(description->hasFocus());
    typeText(description, s(u"سامانه از صبح قطع است"));
    QTest::keyClick(description, Qt::Key_Return, Qt::ShiftModifier); // a second line
    typeText(description, s(u"و کسی پاسخ نمی‌دهد"));
    ASSERT_EQ(complaintCount(), 0);
    QTest::keyClick(description, Qt::Key_Return); // the last field: registers

    const QString code = form->lastTrackingCode();
    ASSERT_TRUE(TrackingCode::isValid(code)) << code.toStdString();
    const auto stored = ComplaintRepository(*db).findByCode(code);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->citizen.name, s(u"مریم رضایی"));
    EXPECT_EQ(stored->citizen.phone, s(u"+989351234567"));
    EXPECT_TRUE(stored->citizen.shareIdentity);
    EXPECT_EQ(stored->provinceCode, s(u"tehran"));
    EXPECT_EQ(stored->agencyCode, s(u"social_security"));
    EXPECT_EQ(stored->categoryCode, s(u"system_down"));
    EXPECT_EQ(stored->priority, Priority::Urgent);
    EXPECT_EQ(stored->description,
              s(u"سامانه از صبح قطع است\nو کسی پاسخ نمی‌دهد"));
    EXPECT_EQ(complaintCount(), 1);
}

// Issue 10: the city and the office are picked by typing, from the chosen
// province's cities and the chosen agency's offices there; the desk is typed.
TEST_F(IntakeFormTest, TheCityAndOfficeArePickedFromTheProvinceAndAgency)
{
    ASSERT_TRUE(OfficeRepository(*db)
                    .save({ { s(u"ss-shahriar"), s(u"social_security"), s(u"tehran"),
                              s(u"shahriar"), s(u"شعبه تأمین اجتماعی شهریار") },
                            { s(u"ss-karaj"), s(u"social_security"), s(u"alborz"), s(u"karaj"),
                              s(u"شعبه تأمین اجتماعی کرج") },
                            { s(u"tax-shahriar"), s(u"tax"), s(u"tehran"), s(u"shahriar"),
                              s(u"اداره امور مالیاتی شهریار") } },
                          clock.nowUtc())
                    .ok());
    const User op = UserRepository(*db).find(s(u"op")).value();
    window =
        std::make_unique<ui::MainWindow>(db, ReferenceRepository(*db).load().value(), clock, op);
    window->show();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    form = window->intakeForm();
    auto *province = field<QComboBox>(u"province");
    auto *agency = field<ui::AgencyPicker>(u"agency");
    auto *city = field<ui::AgencyPicker>(u"city");
    auto *office = field<ui::AgencyPicker>(u"office");
    auto *desk = field<QLineEdit>(u"serviceDesk");

    province->setCurrentIndex(province->findData(s(u"tehran")));
    agency->setCurrentIndex(agency->findData(s(u"social_security"), ui::AgencyPicker::CodeRole));
    EXPECT_EQ(office->count(), 1) << "the agency's offices in Tehran only";
    EXPECT_GE(city->count(), 5);
    EXPECT_EQ(city->itemText(0), s(u"تهران")) << "the capital first";
    EXPECT_EQ(city->findData(s(u"karaj"), ui::AgencyPicker::CodeRole), -1);

    city->lineEdit()->setFocus();
    typeText(city->lineEdit(), s(u"شهري")); // Arabic ي, as some keyboards type it
    QAbstractItemView *popup = city->completer()->popup();
    ASSERT_TRUE(QTest::qWaitFor([&] { return popup->isVisible(); }, 3000));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(city->currentCode(), s(u"shahriar"));
    QTest::keyClick(city->lineEdit(), Qt::Key_Return);
    ASSERT_TRUE(focusIn(office));
    typeText(office->lineEdit(), s(u"شعبه"));
    popup = office->completer()->popup();
    ASSERT_TRUE(QTest::qWaitFor([&] { return popup->isVisible(); }, 3000));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(office->currentCode(), s(u"ss-shahriar"));
    QTest::keyClick(office->lineEdit(), Qt::Key_Return);
    ASSERT_TRUE(desk->hasFocus());
    typeText(desk, s(u"باجه ۲"));

    // Another agency: its offices, and the one picked is no longer offered.
    agency->setCurrentIndex(agency->findData(s(u"tax"), ui::AgencyPicker::CodeRole));
    EXPECT_EQ(office->count(), 1);
    EXPECT_TRUE(office->currentCode().isEmpty());
    office->setCurrentIndex(0);
    EXPECT_EQ(office->currentCode(), s(u"tax-shahriar"));

    const ComplaintDraft d = form->draft();
    EXPECT_EQ(d.city, s(u"shahriar"));
    EXPECT_EQ(d.office, s(u"tax-shahriar"));
    EXPECT_EQ(d.serviceDesk, s(u"باجه ۲"));

    // Text that names no city stays as typed: the validator calls it unknown.
    city->setEditText(s(u"آتلانتیس"));
    QTest::keyClick(city->lineEdit(), Qt::Key_A);
    EXPECT_EQ(form->draft().city, s(u"آتلانتیسa"));
}

TEST_F(IntakeFormTest, EnterInTheProvinceBoxDoesNotSubmit)
{
    auto *name = field<QLineEdit>(u"citizenName");
    auto *province = field<QComboBox>(u"province");
    auto *agency = field<ui::AgencyPicker>(u"agency");
    typeText(name, s(u"زهرا احمدی"));
    province->setFocus();
    typeText(province, s(u"تهران"));
    QTest::keyClick(province, Qt::Key_Return);
    EXPECT_EQ(complaintCount(), 0);
    EXPECT_EQ(province->currentData().toString(), s(u"tehran")); // the choice stands
    EXPECT_TRUE(focusIn(agency)); // and the operator is in the next field
    // No form covered in red: only the fields touched so far are judged.
    for (QLabel *label : form->findChildren<QLabel *>()) {
        if (label->isVisible() && label->objectName() == u"fieldError")
            ADD_FAILURE() << "an error is shown: " << label->text().toStdString();
    }
    auto *failure = form->findChild<QLabel *>(s(u"formFailure"));
    ASSERT_NE(failure, nullptr);
    EXPECT_FALSE(failure->isVisible());
}

TEST_F(IntakeFormTest, CtrlEnterSubmitsFromAnyField)
{
    auto *name = field<QLineEdit>(u"citizenName");
    typeText(name, s(u"علی"));
    QTest::keyClick(name, Qt::Key_Return, Qt::ControlModifier);
    // Submitted: the incomplete form is judged as a whole and nothing is stored.
    EXPECT_EQ(complaintCount(), 0);
    bool anyError = false;
    for (QLabel *label : form->findChildren<QLabel *>(s(u"fieldError")))
        anyError = anyError || label->isVisible();
    EXPECT_TRUE(anyError);
    EXPECT_EQ(name->text(), s(u"علی"));
}

TEST_F(IntakeFormTest, BadInputIsExplainedAndNothingTypedIsLost)
{
    auto *name = field<QLineEdit>(u"citizenName");
    auto *phone = field<QLineEdit>(u"phone");
    typeText(name, s(u"علی"));
    typeText(phone, s(u"۰۹۱۲۱۲"));

    // The reason appears beside the phone as it is typed, in Persian.
    QLabel *phoneError = nullptr;
    for (QLabel *label : form->findChildren<QLabel *>(s(u"fieldError"))) {
        if (label->isVisible())
            phoneError = label;
    }
    ASSERT_NE(phoneError, nullptr);
    EXPECT_TRUE(phoneError->text().contains(s(u"شماره تلفن"))) << phoneError->text().toStdString();

    QTest::keyClick(phone, Qt::Key_Return);
    EXPECT_EQ(complaintCount(), 0);
    EXPECT_EQ(name->text(), s(u"علی"));
    EXPECT_EQ(phone->text(), s(u"۰۹۱۲۱۲"));
    EXPECT_TRUE(form->lastTrackingCode().isEmpty());
}

TEST_F(IntakeFormTest, WarnsAboutTheSamePhoneAndAgencyWithin24Hours)
{
    ComplaintDraft earlier = sampleDraft(); // tax, 09121234567
    earlier.receivedAt = clock.nowUtc().addSecs(-3600);
    IntakeService service(*db, ReferenceRepository(*db).load().value(), clock);
    ASSERT_TRUE(service.registerComplaint(earlier).ok());

    auto *warning = form->findChild<QLabel *>(s(u"duplicateWarning"));
    typeText(field<QLineEdit>(u"phone"), s(u"09121234567"));
    auto *agency = field<ui::AgencyPicker>(u"agency");
    agency->setCurrentIndex(agency->findText(s(u"سازمان امور مالیاتی کشور")));
    EXPECT_TRUE(warning->isVisible());
    agency->setCurrentIndex(agency->findText(s(u"شرکت ملی پست")));
    EXPECT_FALSE(warning->isVisible());
}

} // namespace
