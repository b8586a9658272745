#include "domain/persiantext.h"

#include <gtest/gtest.h>

using namespace fouad;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

struct Case
{
    const char16_t *input;
    const char16_t *expected;
};

class NormalizeTest : public ::testing::TestWithParam<Case>
{
};

TEST_P(NormalizeTest, Normalizes)
{
    EXPECT_EQ(PersianText::normalize(s(GetParam().input)), s(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeTest,
    ::testing::Values(Case { u"علي", u"علی" }, // Arabic yeh
                      Case { u"مصطفى", u"مصطفی" }, // alef maksura
                      Case { u"كاظمي", u"کاظمی" }, // Arabic kaf and yeh
                      Case { u"  زهرا   احمدی ", u"زهرا احمدی" }, // whitespace
                      Case { u"می\u200C\u200Cخواهم", u"می\u200Cخواهم" }, // doubled ZWNJ
                      Case { u"\u200Cعلی \u200Cرضا\u200C",
                             u"علی رضا" }, // ZWNJ at the edges and by a space
                      Case { u"پلاک ٤٥", u"پلاک ۴۵" }, // Arabic-Indic digits to Persian
                      Case { u"خط اول\n\n  خط دوم", u"خط اول\nخط دوم" }, // paragraphs kept
                      Case { u"", u"" }));

TEST(PersianText, SearchKeyMatchesArabicAndPersianSpellings)
{
    EXPECT_EQ(PersianText::searchKey(s(u"علي كاظمي")), PersianText::searchKey(s(u"علی کاظمی")));
    EXPECT_EQ(PersianText::searchKey(s(u"می\u200Cخواهم")), s(u"میخواهم"));
    EXPECT_EQ(PersianText::searchKey(s(u"۰۹۱۲")), s(u"0912"));
    EXPECT_EQ(PersianText::searchKey(s(u"٠٩١٢")), s(u"0912"));
    EXPECT_EQ(PersianText::searchKey(s(u"مُحَمَّد")), s(u"محمد")); // diacritics dropped
    EXPECT_EQ(PersianText::searchKey(s(u"Ali REZA")), s(u"ali reza"));
    EXPECT_EQ(PersianText::searchKey(s(u"تأمین")),
              PersianText::searchKey(s(u"تامین"))); // hamza optional
}

TEST(PersianText, DigitConversions)
{
    EXPECT_EQ(PersianText::toLatinDigits(s(u"۱۲۳٤٥٦789")), s(u"123456789"));
    EXPECT_EQ(PersianText::toPersianDigits(s(u"1405/09/01 ٤")), s(u"۱۴۰۵/۰۹/۰۱ ۴"));
}

} // namespace
