#include "ctl/reportcommand.h"

#include "ctl/period.h"
#include "domain/jalali.h"
#include "reportexporter.h"
#include "storage/database.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

ReportCommand::ReportCommand()
    : DatabaseCommand(u"report"_s,
                      u"A management report of the complaints received in a period (Tehran\n"
                      "days, both included): key figures, scorecards and charts (pdf), or\n"
                      "those with one row per complaint (xlsx, csv). Personal data is masked\n"
                      "(phone as 0912***4567, no name or national ID) unless\n"
                      "--include-personal, for supervisors and administrators."_s)
{
    for (const QCommandLineOption &option : periodOptions())
        addOption(option, u"required: a Jalali date such as 1405/09/01"_s);
    addOption(QCommandLineOption(u"format"_s, u"pdf, xlsx or csv"_s, u"FORMAT"_s),
              u"required: pdf, xlsx or csv"_s);
    addOption(QCommandLineOption(u"output"_s, u"the file to write"_s, u"FILE"_s),
              u"required: the file to write"_s);
    addOption(QCommandLineOption(u"province"_s, u"only this province"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"agency"_s, u"only this agency"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"include-personal"_s,
                                 u"with names, phones and national IDs (supervisors, admins)"_s));
    addOption(QCommandLineOption(u"as"_s, u"the user asking (required with --include-personal)"_s,
                                 u"USER"_s));
}

Result<ReportInput> ReportCommand::readInput(Context &, const QCommandLineParser &args) const
{
    ReportInput input;
    auto period = readPeriod(args);
    if (!period)
        return period.error();
    // Both are required (addOption); the report names the Tehran days.
    const QTimeZone tehran = Jalali::tehran();
    input.request.fromDay = period.value().fromUtc->toTimeZone(tehran).date();
    input.request.toDay = period.value().toUtc->toTimeZone(tehran).date().addDays(-1);
    const auto format = reportFormatFromCode(args.value(u"format"_s).toLower());
    if (!format)
        return Error::invalid(u"--format"_s, u"expected pdf, xlsx or csv"_s);
    input.request.format = *format;
    input.request.outputPath = QFileInfo(args.value(u"output"_s)).absoluteFilePath();
    input.request.province = args.value(u"province"_s);
    input.request.agency = args.value(u"agency"_s);
    input.request.includePersonal = args.isSet(u"include-personal"_s);
    input.actor = args.value(u"as"_s);
    return input;
}

Result<void> ReportCommand::runWith(Context &ctx, Database &db, const ReportInput &input) const
{
    User requester = systemActor();
    if (input.request.includePersonal) {
        // Who asks decides whether personal data may be included: never the
        // system actor by default.
        auto name = db.actorFor(input.actor);
        if (!name)
            return name.error();
        if (name->isEmpty())
            return Error::invalid(u"--as"_s, u"required with --include-personal: who asks"_s);
        auto user = administrator(db, name.value());
        if (!user)
            return user.error();
        requester = user.value();
    }
    auto outcome = ReportExporter(db).run(input.request, requester, ctx.clock.nowUtc());
    if (!outcome) {
        Error e = outcome.error();
        if (e.kind == ErrorKind::InvalidInput && !e.field.isEmpty() && !e.field.startsWith(u'-'))
            e.field = u"--"_s + e.field; // the core names the field, we name its flag
        return e;
    }
    ctx.out << "wrote " << code(input.request.format) << ' ' << outcome->path << ": "
            << outcome->rows << " complaints";
    if (outcome->pages > 0)
        ctx.out << ", " << outcome->pages << " pages";
    ctx.out << '\n';
    ctx.out.flush();
    return {};
}

} // namespace fouad::ctl
