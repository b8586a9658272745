// How the console shows an error from the core: the words as the headline, a
// driver's text only as the detail (small, and in the tooltip); a conflict as
// "someone else has changed this complaint".
#include "messagelabel.h"
#include "storage/database.h"

#include <QLabel>
#include <QSqlError>
#include <QTextDocument>

#include <gtest/gtest.h>

using namespace fouad;

namespace {

QString plain(const QLabel &label)
{
    QTextDocument document;
    document.setHtml(label.text());
    return document.toPlainText();
}

TEST(MessageLabel, ADatabaseErrorReadsInPersianWithTheDriversTextAsDetail)
{
    QLabel label;
    const Error lost = sqlError(QSqlError(QStringLiteral("QPSQL: Unable to connect"),
                                          QStringLiteral("could not connect to server"),
                                          QSqlError::ConnectionError));
    ui::showError(&label, lost, QStringLiteral("%1"));
    const QString shown = plain(label);
    const QString headline = shown.section(u'\n', 0, 0);
    EXPECT_TRUE(headline.startsWith(QStringLiteral("ارتباط با پایگاه داده برقرار نیست")))
        << headline.toStdString();
    EXPECT_FALSE(headline.contains(QStringLiteral("could not connect")));
    EXPECT_TRUE(shown.contains(QStringLiteral("could not connect to server"))); // the detail
    EXPECT_TRUE(label.text().contains(QStringLiteral("font-size: small")));
    EXPECT_TRUE(label.toolTip().contains(QStringLiteral("could not connect to server")));
}

TEST(MessageLabel, AConflictSaysSomeoneElseChangedIt)
{
    QLabel label;
    ui::showError(&label, Error::conflict(QStringLiteral("Complaint X is at version 3, not 2")));
    const QString headline = plain(label).section(u'\n', 0, 0);
    EXPECT_TRUE(headline.startsWith(QStringLiteral("این شکایت را کس دیگری تغییر داده است")))
        << headline.toStdString();
    EXPECT_TRUE(label.toolTip().contains(QStringLiteral("version 3"))); // the specifics, as detail
}

TEST(MessageLabel, AQuietMessageAfterAnErrorIsPlainAgain)
{
    QLabel label;
    ui::showError(&label, sqlError(QSqlError({}, QStringLiteral("x"), QSqlError::ConnectionError)));
    ui::showMessage(&label, QStringLiteral("<b>ذخیره شد</b>"), false);
    EXPECT_TRUE(label.toolTip().isEmpty());
    EXPECT_EQ(label.textFormat(), Qt::AutoText);
}

} // namespace
