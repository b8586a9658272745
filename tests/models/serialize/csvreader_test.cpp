// Csv::parse: RFC 4180 records as administrators' spreadsheets save them.
#include "serialize/csvreader.h"

#include <gtest/gtest.h>

using namespace fouad;
using namespace Qt::StringLiterals;

namespace {

TEST(CsvReader, ReadsQuotedFieldsAndCountsLines)
{
    const QString text = u"\uFEFFcode,name\r\n"
                         "a-1,\"اداره، شعبه \"\"مرکزی\"\"\"\r\n"
                         "\r\n"
                         "b-2,\"two\nlines\"\n"
                         "c-3,\n"_s;
    auto rows = Csv::parse(text);
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    ASSERT_EQ(rows->size(), 4);
    EXPECT_EQ(rows->at(0).fields, (QStringList { u"code"_s, u"name"_s }));
    EXPECT_EQ(rows->at(1).fields, (QStringList { u"a-1"_s, u"اداره، شعبه \"مرکزی\""_s }));
    EXPECT_EQ(rows->at(1).line, 2);
    EXPECT_EQ(rows->at(2).line, 4) << "the blank line 3 is no record";
    EXPECT_EQ(rows->at(2).fields.at(1), u"two\nlines"_s);
    EXPECT_EQ(rows->at(3).line, 6);
    EXPECT_EQ(rows->at(3).fields, (QStringList { u"c-3"_s, QString() }));
}

TEST(CsvReader, AnUnclosedQuoteNamesItsLine)
{
    auto rows = Csv::parse(u"code,name\nx,\"open\n\n"_s);
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(rows.error().field, u"line 2"_s);
}

} // namespace
