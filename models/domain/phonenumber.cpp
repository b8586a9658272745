#include "domain/phonenumber.h"

#include "domain/persiantext.h"

namespace fouad {

namespace {

bool allDigits(QStringView s)
{
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !s.isEmpty();
}

} // namespace

std::optional<PhoneNumber> PhoneNumber::parse(const QString &input)
{
    QString s = PersianText::toLatinDigits(input.trimmed());
    s.remove(u' ');
    s.remove(u'-');
    s.remove(QChar(0x00A0)); // no-break space, as pasted from documents

    // Reduce every accepted prefix to the subscriber part after the country code.
    QStringView rest;
    if (s.startsWith(u"+98"))
        rest = QStringView(s).mid(3);
    else if (s.startsWith(u"0098"))
        rest = QStringView(s).mid(4);
    else if (s.startsWith(u'0') && !s.startsWith(u"00"))
        rest = QStringView(s).mid(1);
    else
        return std::nullopt;

    if (!allDigits(rest) || rest.size() != 10)
        return std::nullopt;
    // Mobile: 9 + 9 digits. Landline: area code (first digit 1-8) + 8 digits.
    if (rest.front() == u'0')
        return std::nullopt;
    return PhoneNumber(u"+98" + rest.toString());
}

QString PhoneNumber::masked() const
{
    const QString n = national();
    return n.left(4) + u"***" + n.right(4);
}

QString PhoneNumber::masked(const QString &stored)
{
    const auto phone = parse(stored);
    return phone ? phone->masked() : QStringLiteral("***");
}

} // namespace fouad
