#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace fouad::Jalali {

// The centre's time zone. Times are stored in UTC and shown here.
QTimeZone tehran();

// For people: Jalali date (and time) in Tehran, digits of the given locale
// (Persian digits for fa_IR): "۱۴۰۵/۰۹/۰۶ ۱۴:۳۰".
QString formatDate(QDate date, const QLocale &locale = QLocale());
QString formatDateTime(const QDateTime &utc, const QLocale &locale = QLocale());

// Year/month/day of the Jalali calendar: "1405/09/06", "۱۴۰۵/۹/۶", "1405-09-06".
std::optional<QDate> parseDate(const QString &text);

// For machines (JSON, CSV): ISO 8601 in Tehran with its offset, Latin digits:
// "2026-11-22T11:00:00+03:30".
QString toIsoTehran(const QDateTime &utc);

// ISO 8601 that names its offset ("Z" or "+03:30"); nothing otherwise.
std::optional<QDateTime> parseIsoWithOffset(const QString &text);

} // namespace fouad::Jalali
