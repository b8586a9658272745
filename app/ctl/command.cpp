#include "ctl/command.h"

#include "domain/persiantext.h"
#include "storage/database.h"
#include "storage/userrepository.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

// Help columns: the name, then its description from this column on.
constexpr qsizetype HelpColumn = 24;
constexpr qsizetype HelpWidth = 79;

QString optionSynopsis(const QCommandLineOption &option)
{
    QString text = u"--"_s + option.names().constFirst();
    if (!option.valueName().isEmpty())
        text += u' ' + option.valueName();
    return text;
}

void appendColumns(QString &text, const QString &left, const QString &right)
{
    const QString name = u"  "_s + left;
    if (name.size() + 2 > HelpColumn)
        text += name + u'\n' + wrapped(words(right), HelpColumn, HelpColumn);
    else
        text += name.leftJustified(HelpColumn)
            + wrapped(words(right), HelpColumn, HelpColumn).mid(HelpColumn);
}

} // namespace

Command::Command(QString name, QString description)
    : m_name(std::move(name))
    , m_description(std::move(description))
{
}

bool Command::take(QStringList &words) const
{
    const QStringList mine = m_name.split(u' ');
    if (words.size() < mine.size())
        return false;
    for (qsizetype i = 0; i < mine.size(); ++i) {
        if (words.at(i) != mine.at(i))
            return false;
    }
    words.remove(0, mine.size());
    return true;
}

void Command::addOption(const QCommandLineOption &option, const QString &required)
{
    m_options.append({ option, required, !required.isEmpty() });
}

void Command::addPositional(const QString &name, const QString &description)
{
    m_positionals.append({ name, description });
}

void Command::markShownAsRequired(const QString &option)
{
    for (Option &o : m_options) {
        if (o.option.names().contains(option))
            o.shownAsRequired = true;
    }
}

QStringList Command::synopsisParts() const
{
    QStringList parts { u"fouadctl"_s, m_name };
    for (const Positional &p : m_positionals)
        parts << p.name;
    for (const Option &o : m_options)
        parts << (o.shownAsRequired ? optionSynopsis(o.option)
                                    : u'[' + optionSynopsis(o.option) + u']');
    return parts;
}

QString Command::synopsis() const
{
    return synopsisParts().join(u' ');
}

QString Command::helpText() const
{
    QString text = wrapped(QStringList { u"Usage:"_s } + synopsisParts(), 0, 7) + u'\n'
        + m_description + u'\n';
    if (!m_positionals.isEmpty()) {
        text += u"\nArguments:\n"_s;
        for (const Positional &p : m_positionals)
            appendColumns(text, p.name, p.description);
    }
    if (!m_options.isEmpty()) {
        text += u"\nOptions:\n"_s;
        for (const Option &o : m_options)
            appendColumns(text, optionSynopsis(o.option), o.option.description());
    }
    return text;
}

int Command::execute(Context &ctx, const QStringList &arguments) const
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList { u"h"_s, u"help"_s });
    parser.addOption(help);
    for (const Option &o : m_options)
        parser.addOption(o.option);
    if (!parser.parse(QStringList { u"fouadctl"_s } + arguments))
        return fail(ctx, usageError(parser.errorText() + u"; usage: "_s + synopsis()));
    if (parser.isSet(help)) {
        ctx.out << helpText();
        ctx.out.flush();
        return 0;
    }
    if (parser.positionalArguments().size() != m_positionals.size())
        return fail(ctx, usageError(u"usage: "_s + synopsis()));
    for (const Option &o : m_options) {
        if (!o.required.isEmpty() && !parser.isSet(o.option))
            return fail(ctx,
                        Error::invalid(optionSynopsis(o.option).section(u' ', 0, 0), o.required));
    }
    if (auto done = run(ctx, parser); !done)
        return fail(ctx, done.error());
    return 0;
}

int exitCode(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Runtime:
        return 1;
    case ErrorKind::InvalidInput:
        return 2;
    case ErrorKind::NotFound:
        return 3;
    case ErrorKind::Conflict:
        return 4;
    case ErrorKind::Forbidden:
        return 5;
    }
    return 1;
}

int fail(Context &ctx, const Error &error)
{
    ctx.err << "fouadctl: ";
    if (!error.field.isEmpty())
        ctx.err << error.field << ": ";
    ctx.err << error.message << Qt::endl;
    // The driver's words, for the administrator reading the log.
    if (!error.detail.isEmpty() && !error.message.contains(error.detail))
        ctx.err << "fouadctl: (" << error.detail << ")" << Qt::endl;
    return exitCode(error.kind);
}

Error usageError(const QString &message)
{
    return Error::invalid({}, message + u"\n(see fouadctl --help)"_s);
}

void printJson(Context &ctx, const QJsonDocument &doc)
{
    ctx.out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    ctx.out.flush();
}

QStringList words(const QString &text)
{
    return text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
}

QString wrapped(const QStringList &parts, qsizetype firstIndent, qsizetype indent)
{
    QString out;
    QString line(firstIndent, u' ');
    bool empty = true;
    for (const QString &part : parts) {
        if (!empty && line.size() + 1 + part.size() > HelpWidth) {
            out += line + u'\n';
            line = QString(indent, u' ');
            empty = true;
        }
        line += (empty ? QString() : u" "_s) + part;
        empty = false;
    }
    return out + line + u'\n';
}

Result<qint64> positiveNumber(const QCommandLineParser &args, const QString &option,
                              qint64 fallback, qint64 max)
{
    if (!args.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 n = PersianText::toLatinDigits(args.value(option)).toLongLong(&ok);
    if (!ok || n < 1 || n > max)
        return Error::invalid(u"--"_s + option, u"expected a whole number from 1 to %1"_s.arg(max));
    return n;
}

QCommandLineOption administratorOption()
{
    return QCommandLineOption(u"as"_s, u"the administrator making the change (default: system)"_s,
                              u"USER"_s);
}

Result<User> administrator(Database &db, const QString &requested)
{
    auto name = db.actorFor(requested);
    if (!name)
        return name.error();
    if (name->isEmpty())
        return systemActor();
    auto found = UserRepository(db).find(name.value());
    if (!found)
        return Error { found.error().kind, u"--as"_s, found.error().message };
    return found.value();
}

} // namespace fouad::ctl
