#include "domain/searchterm.h"

#include <gtest/gtest.h>

using namespace fouad;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

struct ParseCase
{
    const char16_t *typed;
    SearchTerm::Kind kind;
    const char16_t *nameKey;
    const char16_t *codePrefix;
    const char16_t *phonePart;
    const char16_t *phone;
    const char16_t *wholeCode; // empty: none
};

using K = SearchTerm::Kind;
const ParseCase ParseCases[] = {
    { u"", K::Everything, u"", u"", u"", u"", u"" },
    { u"   ", K::Everything, u"", u"", u"", u"", u"" },
    { u"زهرا", K::NameContains, u"زهرا", u"", u"", u"", u"" },
    { u"علي كريمي", K::NameContains, u"علی کریمی", u"", u"", u"", u"" }, // Arabic ي/ك
    { u"مهدی\u200cپور", K::NameContains, u"مهدیپور", u"", u"", u"", u"" }, // ZWNJ
    { u"  John   SMITH ", K::NameContains, u"john smith", u"", u"", u"", u"" },
    { u"آرش", K::NameContains, u"ارش", u"", u"", u"", u"" }, // alef with madda
    { u"1000", K::Digits, u"", u"1000", u"1000", u"", u"" },
    { u"۱۰۰۰ ۰۰۱", K::Digits, u"", u"1000001", u"1000001", u"", u"" },
    { u"0912 555", K::Digits, u"", u"0912555", u"912555", u"", u"" }, // trunk 0 dropped
    { u"021-8877", K::Digits, u"", u"0218877", u"218877", u"", u"" },
    { u"+98912", K::Digits, u"", u"", u"+98912", u"", u"" }, // a phone only
    { u"0098912", K::Digits, u"", u"", u"+98912", u"", u"" },
    { u"09121234567", K::ExactPhone, u"", u"", u"", u"+989121234567", u"" },
    { u"۰۹۱۲ ۱۲۳ ۴۵۶۷", K::ExactPhone, u"", u"", u"", u"+989121234567", u"" },
    { u"+98 21 8877 6655", K::ExactPhone, u"", u"", u"", u"+982188776655", u"" },
    { u"10000012", K::Digits, u"", u"10000012", u"10000012", u"", u"10000012" }, // valid Damm
    { u"10000011", K::Digits, u"", u"10000011", u"10000011", u"", u"" }, // check digit wrong
    { u"0", K::Digits, u"", u"0", u"", u"", u"" },
};

TEST(SearchTerm, ParsesWhatIsTyped)
{
    for (const ParseCase &c : ParseCases) {
        SCOPED_TRACE(s(c.typed).toStdString());
        const SearchTerm term = SearchTerm::parse(s(c.typed));
        EXPECT_EQ(term.kind, c.kind);
        EXPECT_EQ(term.nameKey, s(c.nameKey));
        EXPECT_EQ(term.codePrefix, s(c.codePrefix));
        EXPECT_EQ(term.phonePart, s(c.phonePart));
        EXPECT_EQ(term.phone, s(c.phone));
        EXPECT_EQ(term.wholeCode.value_or(QString()), s(c.wholeCode));
    }
}

struct MatchCase
{
    const char16_t *typed;
    const char16_t *code;
    const char16_t *phone;
    const char16_t *name;
    bool wholeCodeExists;
    bool matches;
};

const MatchCase MatchCases[] = {
    { u"1000", u"10000012", u"+989350000000", u"", false, true }, // code prefix
    { u"0000", u"10000012", u"+989350000000", u"", false, true }, // inside the phone
    { u"0001", u"10000012", u"+989350000000", u"", false, false }, // inside the code only
    { u"0935", u"20000011", u"+989351112233", u"", false, true },
    { u"+98935", u"98935000", u"+982135000000", u"", false, false }, // never the code
    { u"10000012", u"10000012", u"+989350000000", u"", true, true },
    { u"10000012", u"100000120", u"+989350000000", u"", true, false }, // exactly it
    { u"10000012", u"100000120", u"+989350000000", u"", false, true }, // absent: a prefix
    { u"09351112233", u"1", u"+989351112233", u"", false, true },
    { u"09351112233", u"1", u"+9893511122334", u"", false, false },
    { u"زهرا", u"1", u"+98", u"زهرا احمدی", false, true },
    { u"هرا اح", u"1", u"+98", u"زهرا احمدی", false, true },
    { u"زهرا", u"1", u"+98", u"فاطمه زارعی", false, false },
};

TEST(SearchTerm, MatchesStoredValues)
{
    for (const MatchCase &c : MatchCases) {
        SCOPED_TRACE(s(c.typed).toStdString() + " / " + s(c.code).toStdString());
        EXPECT_EQ(SearchTerm::parse(s(c.typed))
                      .matches(s(c.code), s(c.phone), s(c.name), c.wholeCodeExists),
                  c.matches);
    }
}

} // namespace
