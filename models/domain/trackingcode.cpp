#include "domain/trackingcode.h"

#include "domain/persiantext.h"

namespace fouad::TrackingCode {

namespace {

// The weakly totally anti-symmetric quasigroup of order 10 from Damm (2004).
constexpr int DammTable[10][10] = {
    { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
    { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 }, { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
    { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 }, { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
    { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
    { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 }, { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
};

} // namespace

int dammCheckDigit(QStringView digits)
{
    int interim = 0;
    for (const QChar c : digits)
        interim = DammTable[interim][c.unicode() - u'0'];
    return interim;
}

QString fromSequence(qint64 sequenceValue)
{
    const QString body = QString::number(sequenceValue).rightJustified(MinimumLength - 1, u'0');
    return body + QChar(u'0' + dammCheckDigit(body));
}

std::optional<QString> normalized(const QString &input)
{
    QString code = PersianText::toLatinDigits(input.trimmed());
    if (code.size() < MinimumLength)
        return std::nullopt;
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    if (dammCheckDigit(code) != 0)
        return std::nullopt;
    return code;
}

} // namespace fouad::TrackingCode
