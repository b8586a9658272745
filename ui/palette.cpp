#include "palette.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace Palette {

namespace {

struct Entry
{
    Colour colour;
    const char *token;
    QRgb rgb;
};

constexpr Entry Entries[] = {
    { Colour::Danger, "danger", 0xb3261e },
    { Colour::DangerBackground, "dangerBackground", 0xfdecea },
    { Colour::OnDanger, "onDanger", 0xffffff },
    { Colour::Success, "success", 0x0b5d1e },
    { Colour::SuccessBackground, "successBackground", 0xe6f4ea },
    { Colour::SuccessBorder, "successBorder", 0x7cc08f },
    { Colour::Caution, "caution", 0x9a5b00 },
    { Colour::WarningText, "warningText", 0x7a4f01 },
    { Colour::WarningBackground, "warningBackground", 0xfff4d6 },
    { Colour::WarningBorder, "warningBorder", 0xe8c66a },
    { Colour::Muted, "muted", 0x4a6572 },
    { Colour::Gridline, "gridline", 0xdde3e8 },
    { Colour::WallBackground, "wallBackground", 0x0d1b2a },
    { Colour::WallPanel, "wallPanel", 0x1b263b },
    { Colour::WallText, "wallText", 0xffffff },
    { Colour::WallMuted, "wallMuted", 0xd0d7de },
    { Colour::WallGood, "wallGood", 0x7cc08f },
    { Colour::WallNear, "wallNear", 0xf2c14e },
    { Colour::WallBreached, "wallBreached", 0xff6b6b },
};

const Entry &entry(Colour c)
{
    return *std::find_if(std::begin(Entries), std::end(Entries),
                         [c](const Entry &e) { return e.colour == c; });
}

} // namespace

QColor colour(Colour c)
{
    return QColor::fromRgb(entry(c).rgb);
}

QString hex(Colour c)
{
    return colour(c).name(QColor::HexRgb);
}

QString token(Colour c)
{
    return QString::fromLatin1(entry(c).token);
}

QString resolve(const QString &styleSheet)
{
    static const QRegularExpression tokens(u"@([A-Za-z]+)"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = tokens.globalMatch(styleSheet); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(styleSheet).mid(last, m.capturedStart() - last);
        const auto found =
            std::find_if(std::begin(Entries), std::end(Entries), [&](const Entry &e) {
                return m.capturedView(1) == QLatin1StringView(e.token);
            });
        out += found != std::end(Entries) ? hex(found->colour) : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(styleSheet).mid(last);
    return out;
}

} // namespace Palette

QString styleSheet()
{
    QFile file(u":/style/fouad.qss"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return Palette::resolve(QString::fromUtf8(file.readAll()));
}

} // namespace fouad::ui
