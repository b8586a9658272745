// A killed console's draft: left on disk, offered back by the next window.
#include "agencypicker.h"
#include "intakeform.h"
#include "mainwindow.h"
#include "serialize/draftstore.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

TEST(DraftOffer, AKilledConsolesDraftIsOfferedBackAndRestoringFillsTheForm)
{
    QString whyNot;
    auto testDb = TestDatabase::create(Backend::SQLite, &whyNot);
    ASSERT_TRUE(testDb) << whyNot.toStdString();
    auto db = Database::open(testDb->url()).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    MockClock clock;
    QString key;
    {
        // The first console: typing, then killed (its draft file stays behind).
        ui::MainWindow first(db, catalog, clock, User {});
        EXPECT_EQ(first.draftOffer(), nullptr);
        ui::IntakeForm *form = first.intakeForm();
        auto *name = form->findChild<QLineEdit *>(QStringLiteral("citizenName"));
        name->setText(QStringLiteral("زهرا احمدی"));
        Q_EMIT name->textEdited(name->text());
        form->findChild<QPlainTextEdit *>(QStringLiteral("description"))
            ->setPlainText(QStringLiteral("نیمه‌کاره ماند"));
        key = form->clientKey();
        QTest::qWait(ui::IntakeForm::DraftDelayMs + 300);
    } // (a closed window is not a kill: the file is what a kill leaves)

    ui::MainWindow next(db, catalog, clock, User {});
    QWidget *offer = next.draftOffer();
    ASSERT_NE(offer, nullptr);
    next.show();
    EXPECT_TRUE(offer->isVisible());
    auto *restore = offer->findChild<QPushButton *>(QStringLiteral("restoreDraft"));
    ASSERT_NE(restore, nullptr);
    restore->click();
    EXPECT_FALSE(offer->isVisible());
    ui::IntakeForm *form = next.intakeForm();
    EXPECT_EQ(form->findChild<QLineEdit *>(QStringLiteral("citizenName"))->text(),
              QStringLiteral("زهرا احمدی"));
    EXPECT_EQ(form->findChild<QPlainTextEdit *>(QStringLiteral("description"))->toPlainText(),
              QStringLiteral("نیمه‌کاره ماند"));
    EXPECT_EQ(form->clientKey(), key); // a save before the kill is not made twice

    // Another user on this database is not offered it.
    User other;
    other.name = QStringLiteral("op.other");
    other.role = Role::Operator;
    ui::MainWindow theirs(db, catalog, clock, other);
    EXPECT_EQ(theirs.draftOffer(), nullptr);

    // Discarding (a new form) removes it.
    form->startNew();
    ui::MainWindow after(db, catalog, clock, User {});
    EXPECT_EQ(after.draftOffer(), nullptr);
}

} // namespace
