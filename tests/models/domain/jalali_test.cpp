#include "domain/jalali.h"

#include <gtest/gtest.h>

using namespace fouad;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

const QLocale Persian(QLocale::Persian, QLocale::Iran);

TEST(Jalali, FormatsKnownDatesWithPersianDigits)
{
    // Nowruz 1403 fell on 20 March 2024; 1 Dey 1405 is 22 December 2026.
    EXPECT_EQ(Jalali::formatDate(QDate(2024, 3, 20), Persian), s(u"۱۴۰۳/۰۱/۰۱"));
    EXPECT_EQ(Jalali::formatDate(QDate(2026, 12, 22), Persian), s(u"۱۴۰۵/۱۰/۰۱"));
    EXPECT_EQ(Jalali::formatDate(QDate(2026, 11, 22), Persian), s(u"۱۴۰۵/۰۹/۰۱"));
}

TEST(Jalali, FormatsTimesInTehran)
{
    // 07:30 UTC is 11:00 in Tehran (+03:30, no daylight saving since 2022).
    const QDateTime utc(QDate(2026, 11, 22), QTime(7, 30), Qt::UTC);
    EXPECT_EQ(Jalali::formatDateTime(utc, Persian), s(u"۱۴۰۵/۰۹/۰۱ ۱۱:۰۰"));
    EXPECT_EQ(Jalali::formatDateTime(utc, QLocale::c()), s(u"1405/09/01 11:00"));
    // 21:00 UTC is already the next day in Tehran.
    const QDateTime late(QDate(2026, 11, 22), QTime(21, 0), Qt::UTC);
    EXPECT_EQ(Jalali::formatDateTime(late, Persian), s(u"۱۴۰۵/۰۹/۰۲ ۰۰:۳۰"));
}

TEST(Jalali, MachineTimesAreIsoInTehranWithOffset)
{
    const QDateTime utc(QDate(2026, 11, 22), QTime(7, 30), Qt::UTC);
    EXPECT_EQ(Jalali::toIsoTehran(utc), s(u"2026-11-22T11:00:00+03:30"));
}

TEST(Jalali, ParsesDatesInAnyDigits)
{
    EXPECT_EQ(Jalali::parseDate(s(u"1405/09/01")), QDate(2026, 11, 22));
    EXPECT_EQ(Jalali::parseDate(s(u"۱۴۰۵/۹/۱")), QDate(2026, 11, 22));
    EXPECT_EQ(Jalali::parseDate(s(u"1403-12-30")), QDate(2025, 3, 20)); // 1403 is a leap year
    EXPECT_FALSE(Jalali::parseDate(s(u"1404/12/30")).has_value()); // 1404 is not
    EXPECT_FALSE(Jalali::parseDate(s(u"1405/13/01")).has_value());
    EXPECT_FALSE(Jalali::parseDate(s(u"yesterday")).has_value());
}

TEST(Jalali, ParsesIsoOnlyWithOffset)
{
    const auto t = Jalali::parseIsoWithOffset(s(u"2026-11-22T11:00:00+03:30"));
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(*t, QDateTime(QDate(2026, 11, 22), QTime(7, 30), Qt::UTC));
    EXPECT_TRUE(Jalali::parseIsoWithOffset(s(u"2026-11-22T07:30:00Z")).has_value());
    EXPECT_FALSE(Jalali::parseIsoWithOffset(s(u"2026-11-22T11:00:00")).has_value());
    EXPECT_FALSE(Jalali::parseIsoWithOffset(s(u"22/11/2026")).has_value());
}

} // namespace
