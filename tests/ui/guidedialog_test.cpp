// The Help menu's guides: found for each language and shown as Markdown, offline.
#include "guidedialog.h"

#include <QFileInfo>
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
