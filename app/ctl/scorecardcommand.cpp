#include "ctl/scorecardcommand.h"

#include "services/statsservice.h"
#include "storage/referencerepository.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

ScorecardCommand::ScorecardCommand()
    : DatabaseCommand(
        u"scorecard"_s,
        u"The performance scorecard of the complaints received in a period (all when\n"
        "not given): for each agency, province, provincial directorate (an agency in a\n"
        "province) or office, its complaints, founded share, SLA compliance, average\n"
        "resolution time, reopen rate, average satisfaction, score and rank; those\n"
        "with no complaints are listed too, without a score. The score:\n"
        "40 x SLA compliance + 20 x (1 - founded share) + 20 x (satisfaction - 1) / 4\n"
        "+ 20 x (1 - reopen rate), undefined parts left out and the rest scaled to 100."_s)
{
    for (const QCommandLineOption &option : periodOptions())
        addOption(option);
    addOption(QCommandLineOption(
        u"by"_s, u"agency (the default), province, directorate or office"_s, u"LEVEL"_s));
    addOption(QCommandLineOption(u"province"_s, u"only this province's complaints"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"agency"_s, u"only this agency's complaints"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"json"_s, u"as a JSON array, one object per row"_s));
}

Result<ScorecardRequest> ScorecardCommand::readInput(Context &,
                                                     const QCommandLineParser &args) const
{
    ScorecardRequest request;
    auto period = readPeriod(args);
    if (!period)
        return period.error();
    request.period = period.value();
    if (args.isSet(u"by"_s)) {
        const auto level = scorecardLevelFromCode(args.value(u"by"_s).trimmed().toLower());
        if (!level)
            return Error::invalid(u"--by"_s, u"expected agency, province, directorate or office"_s);
        request.level = *level;
    }
    request.province = args.value(u"province"_s).trimmed();
    request.agency = args.value(u"agency"_s).trimmed();
    request.json = args.isSet(u"json"_s);
    return request;
}

Result<void> ScorecardCommand::runWith(Context &ctx, Database &db,
                                       const ScorecardRequest &request) const
{
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    if (!request.province.isEmpty() && !catalog->province(request.province))
        return Error::invalid(u"--province"_s,
                              u"no province has the code %1"_s.arg(request.province));
    if (!request.agency.isEmpty() && !catalog->agency(request.agency))
        return Error::invalid(u"--agency"_s, u"no agency has the code %1"_s.arg(request.agency));

    StatsFilter filter;
    filter.from = request.period.fromUtc;
    filter.to = request.period.toUtc;
    filter.province = request.province;
    filter.agency = request.agency;
    auto card = StatsService(db).scorecard(filter, request.level);
    if (!card)
        return card.error();
    if (request.json) {
        printJson(ctx, QJsonDocument(card->toJson()));
        return {};
    }
    const QLocale c = QLocale::c();
    const auto number = [&c](const std::optional<double> &value, int decimals) {
        return value ? c.toString(*value, 'f', decimals) : u"-"_s;
    };
    ctx.out << "rank\t" << code(request.level)
            << "\tcomplaints\tfounded_share\tsla_compliance\taverage_resolution_seconds"
               "\treopen_rate\taverage_satisfaction\tscore\n";
    for (const ScorecardRow &row : card->rows) {
        ctx.out << (row.rank ? QString::number(*row.rank) : u"-"_s) << '\t' << row.code << '\t'
                << row.complaints << '\t' << number(row.foundedShare, 3) << '\t'
                << number(row.slaCompliance, 3) << '\t' << number(row.averageResolutionSeconds, 0)
                << '\t' << number(row.reopenRate, 3) << '\t' << number(row.averageSatisfaction, 2)
                << '\t' << number(row.score, 1) << '\n';
    }
    ctx.out.flush();
    return {};
}

} // namespace fouad::ctl
