// One palette: the style sheet takes every colour from it and keeps none of its own.
#include "palette.h"

#include <QApplication>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using namespace fouad::ui;

namespace {

using C = Palette::Colour;

TEST(Palette, TheStyleSheetHasNoColourOfItsOwnAndNoUnknownName)
{
    const QString sheet = styleSheet();
    ASSERT_FALSE(sheet.isEmpty());
    EXPECT_FALSE(sheet.contains(u'@')) << sheet.toStdString(); // every name resolved
    // The hex colours in it are the palette's (fouad.qss itself has none).
    QSet<QString> palette;
    for (int i = 0; i <= int(C::WallBreached); ++i)
        palette.insert(Palette::hex(C(i)));
    static const QRegularExpression hex(QStringLiteral("#[0-9a-fA-F]{3,8}\\b"));
    int colours = 0;
    for (auto it = hex.globalMatch(sheet); it.hasNext(); ++colours)
        EXPECT_TRUE(palette.contains(it.next().captured(0).toLower()));
    EXPECT_GT(colours, 10);
    // And the console runs with it.
    EXPECT_EQ(qApp->styleSheet(), sheet);
}

TEST(Palette, NamesResolveToTheirColours)
{
    EXPECT_EQ(Palette::resolve(QStringLiteral("color: @danger; background: @dangerBackground;")),
              QStringLiteral("color: #b3261e; background: #fdecea;"));
    EXPECT_EQ(Palette::resolve(QStringLiteral("color: @nosuch;")),
              QStringLiteral("color: @nosuch;"));
    QSet<QString> tokens;
    for (int i = 0; i <= int(C::WallBreached); ++i) {
        EXPECT_TRUE(Palette::colour(C(i)).isValid());
        tokens.insert(Palette::token(C(i)));
        EXPECT_EQ(Palette::resolve(u'@' + Palette::token(C(i))), Palette::hex(C(i)));
    }
    EXPECT_EQ(tokens.size(), int(C::WallBreached) + 1); // no name twice
}

} // namespace
