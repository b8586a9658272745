#pragma once

#include "core/result.h"
#include "ctl/context.h"
#include "domain/user.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QList>
#include <QStringList>

#include <variant>

namespace fouad::ctl {

// One fouadctl command. It declares its words ("complaint list"), its positional
// arguments and its options; the synopsis, `fouadctl COMMAND --help` and the
// global `--help` are generated from those declarations, so no usage text is
// written by hand. execute() parses, runs and turns an Error into the exit code.
class Command
{
public:
    Command(QString name, QString description);
    virtual ~Command() = default;

    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    // The words that select it, as shown: "complaint list".
    const QString &name() const { return m_name; }
    const QString &description() const { return m_description; }

    // True if the command line starts with this command's words; removes them.
    virtual bool take(QStringList &words) const;

    // What follows the first word, for "complaint: expected add, show, ...".
    virtual QString nextWordHint() const { return m_name.section(u' ', 1, 1); }

    // "fouadctl complaint list [--status S] ...", on one line or as its parts.
    QString synopsis() const;
    QStringList synopsisParts() const;
    QString helpText() const;

    // The arguments after the command's words; returns the exit code.
    int execute(Context &ctx, const QStringList &arguments) const;

protected:
    // An option as shown in help; a non-empty `required` makes it mandatory, that
    // text being the error when it is missing.
    void addOption(const QCommandLineOption &option, const QString &required = {});
    void addPositional(const QString &name, const QString &description);
    // Only for the synopsis: an option checked by the command itself.
    void markShownAsRequired(const QString &option);

    virtual Result<void> run(Context &ctx, const QCommandLineParser &args) const = 0;

private:
    struct Option
    {
        QCommandLineOption option;
        QString required;
        bool shownAsRequired = false;
    };
    struct Positional
    {
        QString name;
        QString description;
    };

    QString m_name;
    QString m_description;
    QList<Option> m_options;
    QList<Positional> m_positionals;
};

// A command over the database: reads and checks its input first (so bad input
// is reported as such even when the database is unreachable), then opens the
// database once and runs with it.
template<typename Input> class DatabaseCommand : public Command
{
public:
    using Command::Command;

protected:
    virtual Result<Input> readInput(Context &ctx, const QCommandLineParser &args) const = 0;
    virtual Result<void> runWith(Context &ctx, Database &db, const Input &input) const = 0;
    // A command that only reads opens the database read-only (a replica will do).
    virtual bool readsOnly() const { return false; }
    // A command that takes the schema as it is never migrates it (a backup).
    virtual bool takesSchemaAsIs() const { return false; }

private:
    Result<void> run(Context &ctx, const QCommandLineParser &args) const final
    {
        auto input = readInput(ctx, args);
        if (!input)
            return input.error();
        auto db = ctx.database(readsOnly(), takesSchemaAsIs());
        if (!db)
            return db.error();
        return runWith(ctx, *db.value(), input.value());
    }
};

// The one way an error leaves fouadctl: "fouadctl: FIELD: message" on stderr,
// the error's kind as the exit code (0 ok, 1 runtime, 2 invalid or usage,
// 3 not found, 4 conflict, 5 not permitted).
int fail(Context &ctx, const Error &error);
int exitCode(ErrorKind kind);
// A usage error, pointing to the help.
Error usageError(const QString &message);

void printJson(Context &ctx, const QJsonDocument &doc);

// Help text: the parts filled into lines of at most 79 columns, the first line
// indented by firstIndent, the others by indent.
QString wrapped(const QStringList &parts, qsizetype firstIndent, qsizetype indent);
QStringList words(const QString &text);

// Who makes an administrator's change asked with --as `requested` (empty: not
// given): under a staff login that login, otherwise the user named, or the system
// actor; AdministrationService then checks they may.
Result<User> administrator(Database &db, const QString &requested);
// --as USER of an administrator's change, for administrator().
QCommandLineOption administratorOption();

// An option's value as a whole number from 1 to max (any digit form); fallback when not given.
Result<qint64> positiveNumber(const QCommandLineParser &args, const QString &option,
                              qint64 fallback, qint64 max);

} // namespace fouad::ctl
