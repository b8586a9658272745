#include "domain/searchterm.h"

#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "domain/trackingcode.h"

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

SearchTerm SearchTerm::parse(const QString &typed)
{
    SearchTerm term;
    const QString key = PersianText::searchKey(typed);
    if (key.isEmpty())
        return term;

    QString digits = key;
    digits.remove(u' ');
    digits.remove(u'-');
    digits.remove(QChar(0x00A0));
    const bool plus = digits.startsWith(u'+');
    if (!isDigits(QStringView(digits).mid(plus ? 1 : 0))) {
        term.kind = Kind::NameContains;
        term.nameKey = key;
        return term;
    }
    if (const auto phone = PhoneNumber::parse(digits)) {
        term.kind = Kind::ExactPhone;
        term.phone = phone->e164();
        return term;
    }
    term.kind = Kind::Digits;
    if (plus || digits.startsWith(u"00")) {
        // An international prefix: part of a phone number, never a tracking code.
        if (digits.startsWith(u"+98"))
            term.phonePart = digits;
        else if (digits.startsWith(u"0098"))
            term.phonePart = u'+' + digits.mid(2);
        else
            term.phonePart = plus ? digits : digits.mid(2); // another country: digits after it
        return term;
    }
    term.codePrefix = digits;
    // Phones are stored as +98…, so a trunk 0 typed in front is dropped.
    term.phonePart = digits.startsWith(u'0') ? digits.mid(1) : digits;
    if (const auto code = TrackingCode::normalized(digits))
        term.wholeCode = *code;
    return term;
}

bool SearchTerm::matches(const QString &trackingCode, const QString &phoneE164,
                         const QString &nameKeyValue, bool wholeCodeExists) const
{
    switch (kind) {
    case Kind::Everything:
        return true;
    case Kind::NameContains:
        return nameKeyValue.contains(nameKey);
    case Kind::ExactPhone:
        return phoneE164 == phone;
    case Kind::Digits:
        if (wholeCode && wholeCodeExists)
            return trackingCode == *wholeCode;
        return (!codePrefix.isEmpty() && trackingCode.startsWith(codePrefix))
            || (!phonePart.isEmpty() && phoneE164.contains(phonePart));
    }
    return false;
}

} // namespace fouad
