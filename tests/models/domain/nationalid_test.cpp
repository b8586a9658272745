#include "domain/nationalid.h"

#include <gtest/gtest.h>

using namespace fouad;

namespace {

struct Case
{
    const char16_t *input;
    const char16_t *expected; // nullptr: invalid
};

class NationalIdTest : public ::testing::TestWithParam<Case>
{
};

TEST_P(NationalIdTest, ValidatesAndNormalises)
{
    const Case &c = GetParam();
    const auto result = NationalId::normalized(QStringView(c.input).toString());
    if (c.expected) {
        ASSERT_TRUE(result.has_value()) << QStringView(c.input).toString().toStdString();
        EXPECT_EQ(*result, QStringView(c.expected).toString());
    } else {
        EXPECT_FALSE(result.has_value()) << QStringView(c.input).toString().toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, NationalIdTest,
    ::testing::Values(
        // valid, every digit form
        Case { u"0012345679", u"0012345679" }, Case { u"1234567891", u"1234567891" },
        Case { u"0000000019", u"0000000019" }, Case { u"4987654326", u"4987654326" },
        Case { u"1270000004", u"1270000004" }, Case { u"5555555563", u"5555555563" },
        Case { u"۰۰۱۲۳۴۵۶۷۹", u"0012345679" }, // Persian digits
        Case { u"٠٠١٢٣٤٥٦٧٩", u"0012345679" }, // Arabic-Indic digits
        Case { u"۰۰12345٦٧٩", u"0012345679" }, // mixed forms
        Case { u"  0012345679 ", u"0012345679" }, // surrounding spaces
        // invalid
        Case { u"0012345678", nullptr }, // wrong check digit
        Case { u"1234567890", nullptr }, Case { u"1111111111", nullptr }, // one digit repeated
        Case { u"0000000000", nullptr }, Case { u"001234567", nullptr }, // 9 digits
        Case { u"00123456790", nullptr }, // 11 digits
        Case { u"00123a5679", nullptr }, Case { u"", nullptr }, Case { u"001-234567-9", nullptr }));

TEST(NationalIdCheckDigit, MatchesKnownIds)
{
    EXPECT_EQ(NationalId::checkDigit(QStringLiteral("001234567")), 9);
    EXPECT_EQ(NationalId::checkDigit(QStringLiteral("123456789")), 1);
}

} // namespace
