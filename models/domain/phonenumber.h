#pragma once

#include <QString>

#include <optional>

namespace fouad {

// An Iranian phone number, held in E.164 (+989121234567, +982188776655).
//  mobile:   09…, +989… or 00989…, then exactly 9 digits after that 9;
//  landline: 0 + a two-digit area code not starting with 9 + 8 digits
//            (also written +98… or 0098…).
// Spaces and dashes are allowed; Persian, Arabic-Indic or Latin digits.
class PhoneNumber final
{
public:
    static std::optional<PhoneNumber> parse(const QString &input);

    const QString &e164() const { return m_e164; }
    bool isMobile() const { return m_e164.startsWith(u"+989"); }
    // The national form people dial: 09121234567.
    QString national() const { return u'0' + m_e164.mid(3); }
    // For reports without personal data: the national form with its middle
    // hidden, 0912***4567 (the operator and the area stay readable).
    QString masked() const;
    // The same for a stored number (E.164); anything else gives "***".
    static QString masked(const QString &stored);

private:
    explicit PhoneNumber(QString e164)
        : m_e164(std::move(e164))
    {
    }
    QString m_e164;
};

} // namespace fouad
