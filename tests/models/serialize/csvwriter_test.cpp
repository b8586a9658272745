// Csv::record: RFC 4180 as spreadsheet programs read it.
#include "serialize/csvwriter.h"

#include <gtest/gtest.h>

using namespace fouad;
using namespace Qt::StringLiterals;

namespace {

TEST(CsvWriter, QuotesOnlyWhatNeedsIt)
{
    struct Case
    {
        QStringList fields;
        QString record;
    } cases[] = {
        { { u"a"_s, u"b"_s, u"c"_s }, u"a,b,c\r\n"_s },
        { { u"علی رضایی"_s, u"+989121234567"_s }, u"علی رضایی,+989121234567\r\n"_s },
        { { u"a,b"_s, u"c"_s }, u"\"a,b\",c\r\n"_s },
        { { u"say \"hi\""_s }, u"\"say \"\"hi\"\"\"\r\n"_s },
        { { u"\""_s }, u"\"\"\"\"\r\n"_s },
        { { u"line one\nline two"_s, u"x"_s }, u"\"line one\nline two\",x\r\n"_s },
        { { u"cr\rhere"_s }, u"\"cr\rhere\"\r\n"_s },
        { { u""_s, u""_s, u"z"_s }, u",,z\r\n"_s },
        { { u"  spaced  "_s, u"tab\there"_s }, u"  spaced  ,tab\there\r\n"_s },
        { { u"؛ semicolon; ok"_s }, u"؛ semicolon; ok\r\n"_s },
        { {}, u"\r\n"_s },
    };
    for (const Case &c : cases)
        EXPECT_EQ(Csv::record(c.fields), c.record) << c.fields.join(u'|').toStdString();
}

TEST(CsvWriter, NoByteOrderMarkAndOneLineEndPerRecord)
{
    const QString r = Csv::record({ u"tracking_code"_s, u"status"_s });
    EXPECT_FALSE(r.startsWith(QChar(0xFEFF)));
    EXPECT_TRUE(r.endsWith(u"\r\n"_s));
    EXPECT_EQ(r.count(u"\r\n"_s), 1);
    // A field's own line break does not end the record.
    EXPECT_EQ(Csv::record({ u"a\r\nb"_s }), u"\"a\r\nb\"\r\n"_s);
}

} // namespace
