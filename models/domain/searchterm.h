#pragma once

#include <QString>

#include <optional>

namespace fouad {

// What the search box and `complaint list --search` mean by the text typed: one
// definition, turned into SQL by the storage layer and checked by tests against a
// brute-force filter.
//
//  - Digits (any digit form; spaces and dashes ignored): complaints whose tracking
//    code starts with them, or whose phone contains them with a leading trunk 0
//    dropped ("0912 555" finds +98912555…). A leading +98 or 0098 makes it part of
//    a phone only. A whole phone number finds exactly that phone's complaints; a
//    whole, valid tracking code finds exactly its complaint when it exists.
//  - Anything else: complaints whose normalised name (PersianText::searchKey)
//    contains the normalised text.
struct SearchTerm
{
    enum class Kind {
        Everything, // nothing typed
        NameContains, // nameKey
        Digits, // codePrefix and/or phonePart
        ExactPhone, // phone (E.164)
    };

    Kind kind = Kind::Everything;
    QString nameKey;
    QString codePrefix; // Latin digits; empty: no tracking-code condition
    QString phonePart; // substring of the E.164 phone; empty: no phone condition
    QString phone; // ExactPhone
    // Digits that form a valid tracking code: when that complaint exists, it alone
    // is the answer (the storage layer looks it up first).
    std::optional<QString> wholeCode;

    static SearchTerm parse(const QString &typed);

    // The same rule on one complaint's stored values, for tests and for callers
    // that already hold the rows. `wholeCodeExists` as the storage layer found it.
    bool matches(const QString &trackingCode, const QString &phoneE164, const QString &nameKeyValue,
                 bool wholeCodeExists) const;
};

} // namespace fouad
