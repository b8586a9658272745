#include "ctl/commands.h"

#include "ctl/backupcommand.h"
#include "ctl/callincomingcommand.h"
#include "ctl/citylistcommand.h"
#include "ctl/complaintactioncommand.h"
#include "ctl/complaintaddcommand.h"
#include "ctl/complaintlistcommand.h"
#include "ctl/complaintshowcommand.h"
#include "ctl/complaintstatuscommand.h"
#include "ctl/contactcommands.h"
#include "ctl/initdbcommand.h"
#include "ctl/notifyruncommand.h"
#include "ctl/officecommands.h"
#include "ctl/referencelistcommand.h"
#include "ctl/reportcommand.h"
#include "ctl/restorecommand.h"
#include "ctl/scorecardcommand.h"
#include "ctl/seeddemocommand.h"
#include "ctl/slasweepcommand.h"
#include "ctl/statscommand.h"
#include "ctl/useraddcommand.h"
#include "ctl/watchcommand.h"

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace fouad::ctl::Commands {

namespace {

std::vector<std::unique_ptr<const Command>> makeCommands()
{
    std::vector<std::unique_ptr<const Command>> commands;
    commands.push_back(std::make_unique<InitDbCommand>());
    commands.push_back(
        std::make_unique<ReferenceListCommand>(ReferenceListCommand::List::Provinces));
    commands.push_back(
        std::make_unique<ReferenceListCommand>(ReferenceListCommand::List::Agencies));
    commands.push_back(std::make_unique<CityListCommand>());
    commands.push_back(std::make_unique<UserAddCommand>());
    commands.push_back(std::make_unique<ContactAddCommand>());
    commands.push_back(std::make_unique<ContactListCommand>());
    commands.push_back(std::make_unique<ContactRemoveCommand>());
    commands.push_back(std::make_unique<OfficeAddCommand>());
    commands.push_back(std::make_unique<OfficeListCommand>());
    commands.push_back(std::make_unique<OfficeRemoveCommand>());
    commands.push_back(std::make_unique<OfficeImportCommand>());
    commands.push_back(std::make_unique<SeedDemoCommand>());
    commands.push_back(std::make_unique<ComplaintAddCommand>());
    commands.push_back(std::make_unique<ComplaintShowCommand>());
    commands.push_back(std::make_unique<ComplaintStatusCommand>());
    commands.push_back(std::make_unique<ComplaintListCommand>());
    commands.push_back(std::make_unique<ComplaintActionCommand>());
    commands.push_back(std::make_unique<StatsCommand>());
    commands.push_back(std::make_unique<ScorecardCommand>());
    commands.push_back(std::make_unique<ReportCommand>());
    commands.push_back(std::make_unique<SlaSweepCommand>());
    commands.push_back(std::make_unique<WatchCommand>());
    commands.push_back(std::make_unique<NotifyRunCommand>());
    commands.push_back(std::make_unique<CallIncomingCommand>());
    commands.push_back(std::make_unique<BackupCommand>());
    commands.push_back(std::make_unique<RestoreCommand>());
    return commands;
}

// The description's first sentence, on one line.
QString summary(const QString &description)
{
    QString text = QString(description).replace(u'\n', u' ');
    const qsizetype end = text.indexOf(u". "_s);
    return end < 0 ? text : text.left(end + 1);
}

} // namespace

const QList<const Command *> &all()
{
    static const auto commands = makeCommands();
    static const QList<const Command *> list = [] {
        QList<const Command *> out;
        for (const auto &c : commands)
            out.append(c.get());
        return out;
    }();
    return list;
}

const Command *take(QStringList &words)
{
    for (const Command *command : all()) {
        if (command->take(words))
            return command;
    }
    return nullptr;
}

QString globalHelp()
{
    QString text = uR"(Usage: fouadctl [--db URL] COMMAND ...
       fouadctl COMMAND --help      the command's arguments and options
  URL: sqlite:PATH | postgresql://user[:pass]@host[:port]/db  (or env FOUAD_DB;
       default: the console's own SQLite file)

Global options:
  --db URL     the database
  --version    the program's version
  --help       this text

Commands:
)"_s;
    for (const Command *command : all()) {
        text += wrapped(command->synopsisParts().mid(1), 2, 8);
        text += wrapped(words(summary(command->description())), 6, 6);
    }
    text += uR"(
Exit codes: 0 done, 1 runtime failure, 2 invalid input or usage, 3 not found,
4 conflict, 5 not permitted for this role.
)"_s;
    return text;
}

Error unknownCommand(const QStringList &words)
{
    if (words.isEmpty())
        return usageError(u"no command given"_s);
    const QString first = words.constFirst();
    QStringList next;
    for (const Command *command : all()) {
        if (command->name().section(u' ', 0, 0) == first)
            next << command->nextWordHint();
    }
    if (next.isEmpty())
        return usageError(u"unknown command \"%1\""_s.arg(first));
    const QString last = next.takeLast();
    return usageError(u"%1: expected %2"_s.arg(
        first, next.isEmpty() ? last : next.join(u", "_s) + u" or "_s + last));
}

} // namespace fouad::ctl::Commands
