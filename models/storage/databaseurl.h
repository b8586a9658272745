#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

#include <utility>

namespace fouad {

// Where the data lives: "sqlite:PATH" or "postgresql://user[:pass]@host[:port]/db".
struct DatabaseUrl
{
    enum class Kind { SQLite, PostgreSQL };

    Kind kind = Kind::SQLite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    // libpq connection parameters from the URL's query (sslmode, sslrootcert,
    // sslcert, sslkey, …), in order, passed to the driver as they are.
    QList<std::pair<QString, QString>> parameters;
    // The parameters the URL may carry: libpq's TLS and timeout settings.
    static bool isKnownParameter(const QString &name);

    static Result<DatabaseUrl> parse(const QString &url);
    static DatabaseUrl sqlite(const QString &path);

    // The console's own SQLite file in the user's data folder.
    static DatabaseUrl defaultUrl();

    // For people (status bar, logs): never shows the password.
    QString displayName() const;
    // Back to the URL form, password included (settings, child processes).
    QString toString() const;
};

} // namespace fouad
