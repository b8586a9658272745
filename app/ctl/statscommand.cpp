#include "ctl/statscommand.h"

#include "domain/jalali.h"
#include "storage/complaintrepository.h"
#include "storage/referencerepository.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

StatsCommand::StatsCommand()
    : DatabaseCommand(u"stats"_s,
                      u"How many complaints were received, by status and by category;\n"
                      "a Jalali day runs from midnight to midnight in Tehran."_s)
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
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    QStringList statuses, categories;
    for (Status s : allStatuses())
        statuses << code(s);
    for (const Category &c : catalog->categories())
        categories << c.code;
    auto result =
        ComplaintRepository(db).stats(request.fromUtc, request.toUtc, statuses, categories);
    if (!result)
        return result.error();

    if (!request.json) {
        ctx.out << "total\t" << result->total << '\n';
        for (const auto &[key, n] : result->byStatus)
            ctx.out << "status\t" << key << '\t' << n << '\n';
        for (const auto &[key, n] : result->byCategory)
            ctx.out << "category\t" << key << '\t' << n << '\n';
        ctx.out.flush();
        return {};
    }
    QJsonObject byStatus, byCategory;
    for (const auto &[key, n] : result->byStatus)
        byStatus[key] = n;
    for (const auto &[key, n] : result->byCategory)
        byCategory[key] = n;
    auto timeOrNull = [](const std::optional<QDateTime> &t) {
        return t ? QJsonValue(Jalali::toIsoTehran(*t)) : QJsonValue(QJsonValue::Null);
    };
    printJson(ctx,
              QJsonDocument(QJsonObject { { u"total"_s, result->total },
                                          { u"by_status"_s, byStatus },
                                          { u"by_category"_s, byCategory },
                                          { u"from"_s, timeOrNull(request.fromUtc) },
                                          { u"to"_s, timeOrNull(request.toUtc) } }));
    return {};
}

} // namespace fouad::ctl
