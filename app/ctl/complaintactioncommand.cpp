#include "ctl/complaintactioncommand.h"

#include "ctl/complaintoutput.h"
#include "domain/persiantext.h"
#include "domain/workflow.h"
#include "storage/database.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

ComplaintActionCommand::ComplaintActionCommand()
    : DatabaseCommand(u"complaint"_s,
                      u"Take an action on a complaint; prints the complaint after it as JSON.\n"
                      "The checks run in this order: malformed code, unknown complaint or\n"
                      "user, role, status and data, version."_s)
{
    addPositional(u"ACTION"_s, actionCodes());
    addPositional(u"CODE"_s, u"the tracking code, in any digit form"_s);
    addOption(QCommandLineOption(
        u"as"_s,
        u"the user taking the action: required, except under a staff login, whose name is "
        "the default and the only one allowed"_s,
        u"USER"_s));
    addOption(QCommandLineOption(u"note"_s, u"a note for the history"_s, u"TEXT"_s));
    addOption(QCommandLineOption(u"to"_s, u"assign: the new assignee"_s, u"USER"_s));
    addOption(QCommandLineOption(u"inspector"_s, u"inspect, by a supervisor: the inspector sent"_s,
                                 u"USER"_s));
    addOption(QCommandLineOption(u"action-taken"_s, u"resolve: what the agency did"_s, u"TEXT"_s));
    addOption(QCommandLineOption(u"result"_s, u"verify: "_s + verifyResultCodes(), u"RESULT"_s));
    addOption(
        QCommandLineOption(u"satisfaction"_s, u"verify: the citizen's rating, 1 to 5"_s, u"N"_s));
    addOption(QCommandLineOption(u"outcome"_s, u"close: "_s + outcomeCodes(), u"OUTCOME"_s));
    addOption(QCommandLineOption(u"reason"_s, u"wait, reopen, reject, escalate: why"_s, u"TEXT"_s));
    addOption(
        QCommandLineOption(u"into"_s, u"merge: the complaint this one duplicates"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"expect-version"_s,
                                 u"refuse (exit 4) if the complaint is no longer at this version"_s,
                                 u"N"_s));
    addOption(QCommandLineOption(u"json"_s, u"accepted; the output is always JSON"_s));
}

bool ComplaintActionCommand::take(QStringList &words) const
{
    if (words.size() < 2 || words.at(0) != u"complaint" || !actionFromCode(words.at(1)))
        return false;
    words.removeFirst();
    return true;
}

QString ComplaintActionCommand::nextWordHint() const
{
    return u"an action (%1)"_s.arg(actionCodes());
}

Result<ActionRequest> ComplaintActionCommand::readInput(Context &,
                                                        const QCommandLineParser &args) const
{
    ActionRequest request;
    request.action = *actionFromCode(args.positionalArguments().at(0));
    request.code = args.positionalArguments().at(1);
    request.actor = args.value(u"as"_s);
    request.note = args.value(u"note"_s);
    request.to = args.value(u"to"_s);
    request.inspector = args.value(u"inspector"_s);
    request.actionTaken = args.value(u"action-taken"_s);
    request.result = args.value(u"result"_s);
    request.satisfaction = args.value(u"satisfaction"_s);
    request.outcome = args.value(u"outcome"_s);
    request.reason = args.value(u"reason"_s);
    request.into = args.value(u"into"_s);
    if (args.isSet(u"expect-version"_s)) {
        bool ok = false;
        const int v = PersianText::toLatinDigits(args.value(u"expect-version"_s)).toInt(&ok);
        if (!ok || v < 1)
            return Error::invalid(u"--expect-version"_s,
                                  u"expected a version number (1 or more)"_s);
        request.expectVersion = v;
    }
    return request;
}

Result<void> ComplaintActionCommand::runWith(Context &ctx, Database &db,
                                             const ActionRequest &request) const
{
    // Under a staff login the login acts (--as may only name it).
    auto actor = db.actorFor(request.actor);
    if (!actor)
        return actor.error();
    if (actor->isEmpty())
        return Error::invalid(u"--as"_s, u"required: the user taking the action"_s);
    ActionRequest asActor = request;
    asActor.actor = actor.value();
    WorkflowService workflow(db, ctx.clock);
    auto done = workflow.perform(asActor);
    if (!done)
        return done.error();
    return printWithClocks(ctx, db, done.value());
}

} // namespace fouad::ctl
