#pragma once

#include <QString>

#include <utility>

namespace fouad {

// The kinds match fouadctl's exit codes (DESIGN §7), so the CLI maps them 1:1.
enum class ErrorKind {
    Runtime = 1, // database unreachable, disk full, ...
    InvalidInput = 2, // bad input, usage, or an action not allowed now
    NotFound = 3,
    Conflict = 4, // someone else changed it
    Forbidden = 5, // not permitted for this role
};

struct Error
{
    // A constructor rather than an aggregate: `Error { kind, field, message }`
    // stays valid, with no detail.
    Error(ErrorKind k = ErrorKind::Runtime, QString inField = {}, QString text = {},
          QString technical = {})
        : kind(k)
        , field(std::move(inField))
        , message(std::move(text))
        , detail(std::move(technical))
    {
    }

    ErrorKind kind = ErrorKind::Runtime;
    // The input field concerned, as named in fouadctl's JSON ("citizen.phone"); may be empty.
    QString field;
    // Already translated: English for fouadctl, Persian in the console. Words for
    // the person at the desk, never a driver's text.
    QString message;
    // The technical reason (a database driver's text), untranslated, for the
    // administrator: the console shows it smaller, beside the message; may be empty.
    QString detail;

    static Error runtime(const QString &message) { return { ErrorKind::Runtime, {}, message }; }
    static Error invalid(const QString &field, const QString &message)
    {
        return { ErrorKind::InvalidInput, field, message };
    }
    static Error notFound(const QString &field, const QString &message)
    {
        return { ErrorKind::NotFound, field, message };
    }
    static Error forbidden(const QString &message) { return { ErrorKind::Forbidden, {}, message }; }
    static Error conflict(const QString &message) { return { ErrorKind::Conflict, {}, message }; }
};

} // namespace fouad
