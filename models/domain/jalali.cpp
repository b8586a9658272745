#include "domain/jalali.h"

#include "domain/persiantext.h"

#include <QCalendar>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fouad::Jalali {

namespace {

const QCalendar &jalaliCalendar()
{
    static const QCalendar calendar(QCalendar::System::Jalali);
    return calendar;
}

} // namespace

QTimeZone tehran()
{
    static const QTimeZone zone("Asia/Tehran");
    return zone;
}

QString formatDate(QDate date, const QLocale &locale)
{
    return locale.toString(date, u"yyyy/MM/dd", jalaliCalendar());
}

QString formatDateTime(const QDateTime &utc, const QLocale &locale)
{
    if (!utc.isValid())
        return {};
    return locale.toString(utc.toTimeZone(tehran()), u"yyyy/MM/dd HH:mm", jalaliCalendar());
}

std::optional<QDate> parseDate(const QString &text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})\\s*$"_s);
    const auto match = pattern.match(PersianText::toLatinDigits(text));
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date = jalaliCalendar().dateFromParts(
        match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    return date;
}

QString toIsoTehran(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    QDateTime local = utc.toTimeZone(tehran());
    // Whole seconds: machine consumers compare these strings.
    local = local.addMSecs(-local.time().msec());
    return local.toString(Qt::ISODate);
}

std::optional<QDateTime> parseIsoWithOffset(const QString &text)
{
    static const QRegularExpression offset(u"(Z|[+-]\\d{2}:?\\d{2})$"_s);
    const QString latin = PersianText::toLatinDigits(text.trimmed());
    if (!offset.match(latin).hasMatch())
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(latin, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(latin, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

} // namespace fouad::Jalali
