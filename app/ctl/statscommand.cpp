#include "ctl/statscommand.h"

#include "domain/jalali.h"
#include "storage/statsrepository.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

StatsCommand::StatsCommand()
    : DatabaseCommand(u"stats"_s,
                      u"The key figures of the complaints received in a period (all when not\n"
                      "given): how many, open, resolved and within target, resolution times,\n"
                      "founded share, satisfaction, reopenings, open by escalation level, by\n"
                      "status and by category. A Jalali day runs from midnight to midnight in\n"
                      "Tehran; both days are included."_s)
{
    addOption(QCommandLineOption(u"from"_s, u"from this day, such as 1405/09/01"_s, u"JALALI"_s));
    addOption(QCommandLineOption(u"to"_s, u"up to and including this day"_s, u"JALALI"_s));
    addOption(QCommandLineOption(u"json"_s, u"as a JSON object"_s));
}

Result<StatsRequest> StatsCommand::readInput(Context &, const QCommandLineParser &args) const
{
    StatsRequest request;
    request.json = args.isSet(u"json"_s);
    // --to includes its day.
    for (const auto &[option, target, nextDay] :
         { std::tuple { u"from"_s, &request.fromUtc, false },
           std::tuple { u"to"_s, &request.toUtc, true } }) {
        if (!args.isSet(option))
            continue;
        const auto date = Jalali::parseDate(args.value(option));
        if (!date)
            return Error::invalid(u"--"_s + option, u"expected a Jalali date such as 1405/09/01"_s);
        *target =
            QDateTime(nextDay ? date->addDays(1) : *date, QTime(0, 0), Jalali::tehran()).toUTC();
    }
    if (request.fromUtc && request.toUtc && *request.fromUtc >= *request.toUtc)
        return Error::invalid(u"--to"_s, u"must not be before --from"_s);
    return request;
}

Result<void> StatsCommand::runWith(Context &ctx, Database &db, const StatsRequest &request) const
{
    StatsFilter filter;
    filter.from = request.fromUtc;
    filter.to = request.toUtc;
    auto result = StatsRepository(db).keyFigures(filter);
    if (!result)
        return result.error();
    const KeyFigures &k = result.value();
    if (!request.json) {
        const QLocale c = QLocale::c();
        auto number = [&c](const auto &value) {
            return value ? c.toString(double(*value), 'f', 3) : u"-"_s;
        };
        ctx.out << "total\t" << k.total << '\n'
                << "open\t" << k.open << '\n'
                << "resolved\t" << k.resolved << '\n'
                << "resolved_within_target_share\t" << number(k.resolvedWithinTargetShare) << '\n'
                << "average_resolution_seconds\t" << number(k.averageResolutionSeconds) << '\n'
                << "median_resolution_seconds\t"
                << (k.medianResolutionSeconds ? QString::number(*k.medianResolutionSeconds)
                                              : u"-"_s)
                << '\n'
                << "founded_share\t" << number(k.foundedShare) << '\n'
                << "average_satisfaction\t" << number(k.averageSatisfaction) << '\n'
                << "reopen_rate\t" << number(k.reopenRate) << '\n';
        for (const auto &[level, n] : k.openByEscalationLevel)
            ctx.out << "open_at_level\t" << level << '\t' << n << '\n';
        for (const auto &[key, n] : k.byStatus)
            ctx.out << "status\t" << key << '\t' << n << '\n';
        for (const auto &[key, n] : k.byCategory)
            ctx.out << "category\t" << key << '\t' << n << '\n';
        ctx.out.flush();
        return {};
    }
    auto timeOrNull = [](const std::optional<QDateTime> &t) {
        return t ? QJsonValue(Jalali::toIsoTehran(*t)) : QJsonValue(QJsonValue::Null);
    };
    QJsonObject o = k.toJson();
    o[u"from"] = timeOrNull(request.fromUtc);
    o[u"to"] = timeOrNull(request.toUtc);
    printJson(ctx, QJsonDocument(o));
    return {};
}

} // namespace fouad::ctl
