// The Help menu's guides: found for each language and shown as Markdown, offline.
#include "guidedialog.h"
#include "mainwindow.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/testdatabase.h"

#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace fouad::ui;
using namespace Qt::StringLiterals;

TEST(GuideDialog, FindsEachGuideForItsLanguage)
{
    const QString operatorGuide = GuideDialog::locate(GuideDialog::Guide::Operator, u"en"_s);
    EXPECT_TRUE(operatorGuide.endsWith(u"/fa/operator-guide.md"_s)) // Persian only
        << operatorGuide.toStdString();
    EXPECT_TRUE(GuideDialog::locate(GuideDialog::Guide::Administrator, u"fa"_s)
                    .endsWith(u"/fa/admin-guide.md"_s));
    EXPECT_TRUE(GuideDialog::locate(GuideDialog::Guide::Administrator, u"en"_s)
                    .endsWith(u"/en/admin-guide.md"_s));
    EXPECT_TRUE(QFileInfo(operatorGuide).isFile());
}

TEST(GuideDialog, ShowsTheMarkdownRenderedNotItsSource)
{
    GuideDialog dialog(GuideDialog::Guide::Operator);
    const QString text = dialog.browser()->toPlainText();
    EXPECT_TRUE(text.startsWith(u"راهنمای کاربر میز کار"_s)) << text.left(80).toStdString();
    EXPECT_FALSE(text.contains(u"# راهنما"_s)); // headings rendered, not shown as typed
    EXPECT_FALSE(dialog.browser()->toHtml().contains(u"not found"_s));
}

TEST(GuideDialog, TheHelpMenuOffersBothGuidesAndAbout)
{
    std::unique_ptr<fouad::test::TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, fouad::test::Backend::SQLite);
    auto db = fouad::Database::open(testDb->url()).value();
    const fouad::ReferenceCatalog catalog = fouad::ReferenceRepository(*db).load().value();
    fouad::test::MockClock clock;
    MainWindow window(db, catalog, clock, fouad::User {});
    QMenu *help = nullptr;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu() && menu->text() == u"&راهنما"_s)
            help = menu->menu();
    ASSERT_NE(help, nullptr);
    QStringList titles;
    for (QAction *action : help->actions())
        if (!action->isSeparator())
            titles.append(action->text());
    EXPECT_EQ(titles,
              (QStringList { u"راهنمای &کاربر"_s, u"راهنمای &مدیر سامانه"_s,
                             u"&درباره میز کار فوریت‌های اداری"_s }));
}
