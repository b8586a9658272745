#include "ctl/complaintaddcommand.h"

#include "ctl/complaintoutput.h"
#include "serialize/complaintdraftjson.h"
#include "services/intakeservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

ComplaintAddCommand::ComplaintAddCommand()
    : DatabaseCommand(u"complaint add"_s,
                      u"Register one complaint given as JSON; prints it as JSON with its clocks.\n"
                      "Another complaint from the same phone about the same agency in the\n"
                      "last 24 hours is a warning on standard error, never a refusal."_s)
{
    addOption(QCommandLineOption(u"json"_s,
                                 u"the complaint as JSON: a file, or - for standard input"_s,
                                 u"FILE|-"_s),
              u"required: a file, or - for standard input"_s);
    addOption(QCommandLineOption(u"as"_s, u"the registering user (default: system)"_s, u"USER"_s));
}

Result<NewComplaint> ComplaintAddCommand::readInput(Context &ctx,
                                                    const QCommandLineParser &args) const
{
    QByteArray bytes;
    const QString source = args.value(u"json"_s);
    if (source == u"-") {
        bytes = ctx.in.readAll().toUtf8();
    } else {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return Error::invalid(u"--json"_s,
                                  u"cannot read %1: %2"_s.arg(source, file.errorString()));
        bytes = file.readAll();
    }
    auto draft = ComplaintJson::draftFromJson(bytes);
    if (!draft)
        return draft.error();
    return NewComplaint { std::move(draft).value(), args.value(u"as"_s) };
}

Result<void> ComplaintAddCommand::runWith(Context &ctx, Database &db,
                                          const NewComplaint &input) const
{
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    IntakeService intake(db, catalog.value(), ctx.clock);
    auto actor = db.actorFor(input.actor); // a staff login registers in its own name
    if (!actor)
        return actor.error();
    auto registered = intake.registerComplaint(input.draft, actor.value());
    if (!registered)
        return registered.error();
    // Never refused as a duplicate; the integration is only told.
    if (auto recent = intake.recentFromSamePhone(registered->citizen.phone, registered->agencyCode);
        recent.ok() && recent.value() > 1)
        ctx.err << "fouadctl: warning: " << recent.value() - 1
                << " other complaint(s) from this phone about this agency in the last 24 hours"
                << Qt::endl;
    return printWithClocks(ctx, db, registered.value());
}

} // namespace fouad::ctl
