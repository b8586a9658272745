#pragma once

#include <QString>

#include <optional>

namespace fouad::NationalId {

// An Iranian national ID (کد ملی): exactly 10 digits in any digit form, a valid
// check digit, not all one digit. No city-prefix check. Returns the 10 Latin
// digits, or nothing when invalid.
std::optional<QString> normalized(const QString &input);

inline bool isValid(const QString &input)
{
    return normalized(input).has_value();
}

// The check digit for the first nine digits (Latin), for generating test and demo IDs.
int checkDigit(const QString &firstNine);

} // namespace fouad::NationalId
