#pragma once

#include <QString>

#include <optional>

namespace fouad::TrackingCode {

// The code a citizen is given: the database sequence value zero-padded to at
// least 7 digits, then a Damm check digit. Damm catches every single-digit error
// and every adjacent transposition, so a mistyped code is reported as invalid
// rather than "not found".
QString fromSequence(qint64 sequenceValue);

// The code in Latin digits when well formed (any digit form and surrounding
// spaces accepted), nothing when the check digit is wrong or it is not a code.
std::optional<QString> normalized(const QString &input);

inline bool isValid(const QString &input)
{
    return normalized(input).has_value();
}

// The Damm check digit of a string of Latin digits.
int dammCheckDigit(QStringView digits);

constexpr int MinimumLength = 8;

} // namespace fouad::TrackingCode
