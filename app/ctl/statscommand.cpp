#include "ctl/statscommand.h"

#include "ctl/period.h"
#include "domain/jalali.h"
#include "services/statsservice.h"

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
    for (const QCommandLineOption &option : periodOptions())
        addOption(option);
    addOption(QCommandLineOption(u"json"_s, u"as a JSON object"_s));
}

Result<StatsRequest> StatsCommand::readInput(Context &, const QCommandLineParser &args) const
{
    StatsRequest request;
    request.json = args.isSet(u"json"_s);
    auto period = readPeriod(args);
    if (!period)
        return period.error();
    request.fromUtc = period->fromUtc;
    request.toUtc = period->toUtc;
    return request;
}

Result<void> StatsCommand::runWith(Context &ctx, Database &db, const StatsRequest &request) const
{
    StatsFilter filter;
    filter.from = request.fromUtc;
    filter.to = request.toUtc;
    auto result = StatsService(db).keyFigures(filter);
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
