#include "domain/nationalid.h"

#include "domain/persiantext.h"

namespace fouad::NationalId {

int checkDigit(const QString &firstNine)
{
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += (firstNine.at(i).unicode() - u'0') * (10 - i);
    const int remainder = sum % 11;
    return remainder < 2 ? remainder : 11 - remainder;
}

std::optional<QString> normalized(const QString &input)
{
    const QString digits = PersianText::toLatinDigits(input.trimmed());
    if (digits.size() != 10)
        return std::nullopt;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    if (digits.count(digits.at(0)) == 10)
        return std::nullopt;
    if (checkDigit(digits) != digits.at(9).unicode() - u'0')
        return std::nullopt;
    return digits;
}

} // namespace fouad::NationalId
