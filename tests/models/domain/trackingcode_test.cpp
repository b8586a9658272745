#include "domain/trackingcode.h"

#include <gtest/gtest.h>

using namespace fouad;

namespace {

TEST(TrackingCode, IsSequencePaddedPlusDammDigit)
{
    EXPECT_EQ(TrackingCode::fromSequence(1), QStringLiteral("00000013"));
    EXPECT_EQ(TrackingCode::fromSequence(572), QStringLiteral("00005724")); // Damm's worked example
    const QString code = TrackingCode::fromSequence(1000001);
    EXPECT_EQ(code.size(), 8);
    EXPECT_TRUE(code.startsWith(QStringLiteral("1000001")));
    EXPECT_EQ(TrackingCode::fromSequence(123456789).size(), 10); // grows past 7 digits
}

TEST(TrackingCode, GeneratedCodesVerify)
{
    for (qint64 n :
         { qint64(1), qint64(42), qint64(1000001), qint64(9999999), qint64(12345678901) })
        EXPECT_TRUE(TrackingCode::isValid(TrackingCode::fromSequence(n))) << n;
}

TEST(TrackingCode, AcceptsEveryDigitForm)
{
    const QString code = TrackingCode::fromSequence(1000001);
    QString persian, arabic;
    for (QChar c : code) {
        persian.append(QChar(0x06F0 + (c.unicode() - u'0')));
        arabic.append(QChar(0x0660 + (c.unicode() - u'0')));
    }
    EXPECT_EQ(TrackingCode::normalized(persian), code);
    EXPECT_EQ(TrackingCode::normalized(arabic), code);
    EXPECT_EQ(TrackingCode::normalized(QStringLiteral(" ") + code + QStringLiteral(" ")), code);
}

TEST(TrackingCode, RejectsMalformed)
{
    EXPECT_FALSE(TrackingCode::isValid(QString()));
    EXPECT_FALSE(TrackingCode::isValid(QStringLiteral("1234567"))); // too short
    EXPECT_FALSE(TrackingCode::isValid(QStringLiteral("1000001x")));
    EXPECT_FALSE(TrackingCode::isValid(QStringLiteral("-1000001")));
}

// Damm's guarantee, checked exhaustively over a range of codes.
TEST(TrackingCode, CatchesEverySingleDigitError)
{
    for (qint64 n = 1000000; n < 1000400; ++n) {
        const QString code = TrackingCode::fromSequence(n);
        for (int pos = 0; pos < code.size(); ++pos) {
            for (char16_t d = u'0'; d <= u'9'; ++d) {
                if (code[pos] == QChar(d))
                    continue;
                QString typo = code;
                typo[pos] = QChar(d);
                ASSERT_FALSE(TrackingCode::isValid(typo))
                    << code.toStdString() << " -> " << typo.toStdString();
            }
        }
    }
}

TEST(TrackingCode, CatchesEveryAdjacentTransposition)
{
    for (qint64 n = 1000000; n < 1002000; ++n) {
        const QString code = TrackingCode::fromSequence(n);
        for (int pos = 0; pos + 1 < code.size(); ++pos) {
            if (code[pos] == code[pos + 1])
                continue;
            QString swapped = code;
            std::swap(swapped[pos], swapped[pos + 1]);
            ASSERT_FALSE(TrackingCode::isValid(swapped))
                << code.toStdString() << " -> " << swapped.toStdString();
        }
    }
}

} // namespace
