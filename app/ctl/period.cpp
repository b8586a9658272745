#include "ctl/period.h"

#include "domain/jalali.h"

#include <tuple>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

QList<QCommandLineOption> periodOptions()
{
    return { QCommandLineOption(u"from"_s, u"from this day, such as 1405/09/01"_s, u"JALALI"_s),
             QCommandLineOption(u"to"_s, u"up to and including this day"_s, u"JALALI"_s) };
}

Result<Period> readPeriod(const QCommandLineParser &args)
{
    Period period;
    for (const auto &[option, target, nextDay] : { std::tuple { u"from"_s, &period.fromUtc, false },
                                                   std::tuple { u"to"_s, &period.toUtc, true } }) {
        if (!args.isSet(option))
            continue;
        const auto date = Jalali::parseDate(args.value(option));
        if (!date)
            return Error::invalid(u"--"_s + option, u"expected a Jalali date such as 1405/09/01"_s);
        *target =
            QDateTime(nextDay ? date->addDays(1) : *date, QTime(0, 0), Jalali::tehran()).toUTC();
    }
    if (period.fromUtc && period.toUtc && *period.fromUtc >= *period.toUtc)
        return Error::invalid(u"--to"_s, u"must not be before --from"_s);
    return period;
}

} // namespace fouad::ctl
