#include "sla/holidays.h"

#include "domain/jalali.h"
#include "domain/persiantext.h"

#include <QCalendar>
#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fouad::Holidays {

namespace {

struct Lunar
{
    int month;
    int day;
    const char *name;
};

// Iran's official lunar holidays (Hijri month/day).
constexpr Lunar LunarHolidays[] = {
    { 1, 9, QT_TRANSLATE_NOOP("fouad::Holidays", "Tasua") },
    { 1, 10, QT_TRANSLATE_NOOP("fouad::Holidays", "Ashura") },
    { 2, 20, QT_TRANSLATE_NOOP("fouad::Holidays", "Arbaeen") },
    { 2, 28, QT_TRANSLATE_NOOP("fouad::Holidays", "Demise of the Prophet and Imam Hasan") },
    { 2, 30, QT_TRANSLATE_NOOP("fouad::Holidays", "Martyrdom of Imam Reza") },
    { 3, 8, QT_TRANSLATE_NOOP("fouad::Holidays", "Martyrdom of Imam Hasan Askari") },
    { 3, 17, QT_TRANSLATE_NOOP("fouad::Holidays", "Birth of the Prophet") },
    { 6, 3, QT_TRANSLATE_NOOP("fouad::Holidays", "Martyrdom of Fatima") },
    { 7, 13, QT_TRANSLATE_NOOP("fouad::Holidays", "Birth of Imam Ali") },
    { 7, 27, QT_TRANSLATE_NOOP("fouad::Holidays", "Mab'ath") },
    { 8, 15, QT_TRANSLATE_NOOP("fouad::Holidays", "Birth of Imam Mahdi") },
    { 9, 21, QT_TRANSLATE_NOOP("fouad::Holidays", "Martyrdom of Imam Ali") },
    { 10, 1, QT_TRANSLATE_NOOP("fouad::Holidays", "Eid al-Fitr") },
    { 10, 2, QT_TRANSLATE_NOOP("fouad::Holidays", "Eid al-Fitr holiday") },
    { 10, 25, QT_TRANSLATE_NOOP("fouad::Holidays", "Martyrdom of Imam Sadiq") },
    { 12, 10, QT_TRANSLATE_NOOP("fouad::Holidays", "Eid al-Adha") },
    { 12, 18, QT_TRANSLATE_NOOP("fouad::Holidays", "Eid al-Ghadir") },
};

} // namespace

const QList<Holiday> &fixedSolar()
{
    static const QList<Holiday> days = [] {
        const std::pair<int, int> dates[] = { { 1, 1 },   { 1, 2 },  { 1, 3 },  { 1, 4 },
                                              { 1, 12 },  { 1, 13 }, { 3, 14 }, { 3, 15 },
                                              { 11, 22 }, { 12, 29 } };
        const char16_t *names[] = { u"Nowruz",
                                    u"Nowruz",
                                    u"Nowruz",
                                    u"Nowruz",
                                    u"Islamic Republic Day",
                                    u"Nature Day",
                                    u"Khomeini death",
                                    u"15 Khordad uprising",
                                    u"Revolution Day",
                                    u"Oil nationalisation" };
        QList<Holiday> out;
        for (size_t i = 0; i < std::size(dates); ++i)
            out.append(
                { 0, 0, dates[i].first, dates[i].second, QStringView(names[i]).toString(), true });
        return out;
    }();
    return days;
}

QList<Holiday> lunarEstimates(int jalaliYear)
{
    const QCalendar jalali(QCalendar::System::Jalali);
    const QCalendar hijri(QCalendar::System::IslamicCivil);
    const QDate first = jalali.dateFromParts(jalaliYear, 1, 1);
    const QDate last = jalali.dateFromParts(jalaliYear + 1, 1, 1).addDays(-1);
    QList<Holiday> out;
    if (!first.isValid() || !last.isValid())
        return out;
    for (int hy = hijri.partsFromDate(first).year; hy <= hijri.partsFromDate(last).year; ++hy) {
        for (const Lunar &l : LunarHolidays) {
            QDate date = hijri.dateFromParts(hy, l.month, l.day);
            if (!date.isValid() && l.day == 30) // a 29-day Safar: the last day of the month
                date = hijri.dateFromParts(hy, l.month, 29);
            if (!date.isValid() || date < first || date > last)
                continue;
            const auto parts = jalali.partsFromDate(date);
            out.append({ 0, parts.year, parts.month, parts.day,
                         QCoreApplication::translate("fouad::Holidays", l.name), false });
        }
    }
    std::sort(out.begin(), out.end(), [](const Holiday &a, const Holiday &b) {
        return std::tie(a.jalaliMonth, a.jalaliDay) < std::tie(b.jalaliMonth, b.jalaliDay);
    });
    return out;
}

Result<QList<Holiday>> parseCsv(const QString &text)
{
    static const QRegularExpression date(u"^\\s*(\\*|\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})\\s*$"_s);
    const QCalendar jalali(QCalendar::System::Jalali);
    QList<Holiday> out;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        if (line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.isEmpty() || (i == 0 && line.startsWith(u"date", Qt::CaseInsensitive)))
            continue;
        const qsizetype comma = line.indexOf(u',');
        const QString datePart = PersianText::toLatinDigits(comma < 0 ? line : line.left(comma));
        QString name = comma < 0 ? QString() : line.mid(comma + 1).trimmed();
        if (name.startsWith(u'"') && name.endsWith(u'"') && name.size() >= 2)
            name = name.mid(1, name.size() - 2).replace(u"\"\""_s, u"\""_s);
        const auto m = date.match(datePart);
        const auto error = [&](const QString &why) {
            return Error::invalid(u"line %1"_s.arg(i + 1), why);
        };
        if (!m.hasMatch())
            return error(QCoreApplication::translate(
                             "fouad::Holidays", "\"%1\" is not a Jalali date such as 1405/01/01.")
                             .arg(datePart.trimmed()));
        const bool everyYear = m.captured(1) == u"*";
        const int year =
            everyYear ? 1403 : m.captured(1).toInt(); // 1403 is leap: 30 Esfand is accepted
        const int month = m.captured(2).toInt();
        const int day = m.captured(3).toInt();
        if (!jalali.dateFromParts(year, month, day).isValid())
            return error(QCoreApplication::translate("fouad::Holidays",
                                                     "%1 is not a day of the Jalali calendar.")
                             .arg(datePart.trimmed()));
        out.append({ 0, everyYear ? 0 : year, month, day, PersianText::normalize(name), true });
    }
    return out;
}

} // namespace fouad::Holidays
