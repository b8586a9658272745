#include "ctl/ctl.h"

#include "ctl/commands.h"
#include "ctl/context.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

int run(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err)
{
    Context ctx(in, out, err);
    return run(arguments, ctx);
}

int run(const QStringList &arguments, Context &ctx)
{
    QStringList args = arguments.mid(1);

    // Global options come before the command.
    while (!args.isEmpty() && args.constFirst().startsWith(u"--")) {
        const QString option = args.takeFirst();
        if (option == u"--version") {
            ctx.out << "fouadctl " << FOUAD_VERSION << Qt::endl;
            return 0;
        }
        if (option == u"--help") {
            ctx.out << Commands::globalHelp();
            ctx.out.flush();
            return 0;
        }
        if (option == u"--db") {
            if (args.isEmpty())
                return fail(ctx, usageError(u"--db needs a URL"_s));
            ctx.databaseUrl = args.takeFirst();
        } else if (option.startsWith(u"--db=")) {
            ctx.databaseUrl = option.mid(5);
        } else {
            return fail(ctx, usageError(u"unknown option %1"_s.arg(option)));
        }
    }
    if (!args.isEmpty() && args.constFirst() == u"-h") {
        ctx.out << Commands::globalHelp();
        ctx.out.flush();
        return 0;
    }
    const QStringList words = args;
    if (const Command *command = Commands::take(args))
        return command->execute(ctx, args);
    return fail(ctx, Commands::unknownCommand(words));
}

bool needsGui(const QStringList &arguments)
{
    // The first word after the global options (--db takes a value).
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == u"--db")
            ++i;
        else if (!word.startsWith(u"--"))
            return word == u"report";
    }
    return false;
}

} // namespace fouad::ctl
