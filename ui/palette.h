#pragma once

#include <QColor>
#include <QString>

namespace fouad::ui {

// Every colour of the console, defined once. Widgets take them from here;
// resources/style/fouad.qss names them as "@token" (styleSheet() fills them in),
// so the style sheet keeps no colour of its own.
namespace Palette {

enum class Colour {
    // The console: light, calm for a long day on the phone.
    Danger, // errors, breached clocks
    DangerBackground, // a breached queue cell
    OnDanger, // text on a Danger background
    Success, // the tracking code, a clock with plenty of time
    SuccessBackground,
    SuccessBorder,
    Caution, // a clock near breach
    WarningText, // "a complaint from this phone came in today"
    WarningBackground,
    WarningBorder,
    Muted, // hints, a paused clock
    Gridline,
    // The wallboard: dark, read across a room.
    WallBackground,
    WallPanel,
    WallText,
    WallMuted,
    WallGood,
    WallNear,
    WallBreached,
};

QColor colour(Colour c);
// "#b3261e": for style sheets and rich text.
QString hex(Colour c);
// The name a style sheet uses, without the "@": "danger", "wallBackground".
QString token(Colour c);
// The style sheet with every "@token" replaced by its colour; an unknown token
// is left as it is (and so shows as an invalid colour in the test of fouad.qss).
QString resolve(const QString &styleSheet);

} // namespace Palette

// resources/style/fouad.qss with the palette's colours.
QString styleSheet();

} // namespace fouad::ui
