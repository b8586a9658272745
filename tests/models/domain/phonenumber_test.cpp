#include "domain/phonenumber.h"

#include <gtest/gtest.h>

using namespace fouad;

namespace {

struct Case
{
    const char16_t *input;
    const char16_t *e164; // nullptr: invalid
};

class PhoneNumberTest : public ::testing::TestWithParam<Case>
{
};

TEST_P(PhoneNumberTest, ParsesToE164)
{
    const Case &c = GetParam();
    const QString input = QStringView(c.input).toString();
    const auto phone = PhoneNumber::parse(input);
    if (c.e164) {
        ASSERT_TRUE(phone.has_value()) << input.toStdString();
        EXPECT_EQ(phone->e164(), QStringView(c.e164).toString()) << input.toStdString();
    } else {
        EXPECT_FALSE(phone.has_value()) << input.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Mobiles, PhoneNumberTest,
    ::testing::Values(
        Case { u"09121234567", u"+989121234567" }, Case { u"+989121234567", u"+989121234567" },
        Case { u"00989121234567", u"+989121234567" }, Case { u"0912 123 4567", u"+989121234567" },
        Case { u"0912-123-4567", u"+989121234567" }, Case { u"۰۹۱۲۱۲۳۴۵۶۷", u"+989121234567" },
        Case { u"٠٩١٢١٢٣٤٥٦٧", u"+989121234567" }, Case { u"+98 912 123 45 67", u"+989121234567" },
        Case { u"0912123456", nullptr }, // 8 digits after the 9
        Case { u"091212345678", nullptr }, // 10 digits after the 9
        Case { u"+98912123456", nullptr }, Case { u"0098912123456789", nullptr }));

INSTANTIATE_TEST_SUITE_P(Landlines, PhoneNumberTest,
                         ::testing::Values(Case { u"02188776655", u"+982188776655" },
                                           Case { u"021-8877-6655", u"+982188776655" },
                                           Case { u"۰۳۱ ۳۲۲۲ ۱۱۰۰", u"+983132221100" },
                                           Case { u"+982188776655", u"+982188776655" },
                                           Case { u"00982188776655", u"+982188776655" },
                                           Case { u"0218877665",
                                                  nullptr }, // 7 digits after the area code
                                           Case { u"021887766551", nullptr }, // 9 digits
                                           Case { u"00188776655", nullptr }, // area code starting 0
                                           Case { u"8877 6655", nullptr })); // no area code

INSTANTIATE_TEST_SUITE_P(Garbage, PhoneNumberTest,
                         ::testing::Values(Case { u"", nullptr }, Case { u"phone", nullptr },
                                           Case { u"0912abc4567", nullptr },
                                           Case { u"+44 20 7946 0958", nullptr },
                                           Case { u"(0912) 1234567", nullptr }));

TEST(PhoneNumber, KnowsMobilesAndNationalForm)
{
    EXPECT_TRUE(PhoneNumber::parse(QStringLiteral("09121234567"))->isMobile());
    EXPECT_FALSE(PhoneNumber::parse(QStringLiteral("02188776655"))->isMobile());
    EXPECT_EQ(PhoneNumber::parse(QStringLiteral("+989121234567"))->national(),
              QStringLiteral("09121234567"));
}

} // namespace
