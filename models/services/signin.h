#pragma once

#include "core/result.h"
#include "domain/user.h"
#include "storage/databaseurl.h"

#include <QCoreApplication>

#include <memory>

namespace fouad {

class Database;

// Signing in at the console on a shared PostgreSQL: each person connects as their
// own login (migration 12), so the database itself holds their rights and writes
// history in their name. The configured URL names the server and database; the
// person gives the name and password.
class SignIn final
{
    Q_DECLARE_TR_FUNCTIONS(SignIn)

public:
    struct Session
    {
        std::shared_ptr<Database> database; // connected as the person
        User user;
    };

    // Whether the console signs in by connecting: a PostgreSQL URL that carries no
    // password of its own. SQLite, and a connection configured with its own
    // credentials, keep the program's accounts (AdministrationService::signIn).
    static bool connectsAsPerson(const DatabaseUrl &url);

    // Connects to url's server and database as `name`. A wrong name or password,
    // a disabled login, or a login that is no user of this centre (the database's
    // owner included) is Forbidden with the same careful words as the program's
    // accounts; an unreachable server is Runtime. Slow (the network): not on the
    // GUI thread.
    static Result<Session> connect(const DatabaseUrl &url, const QString &name,
                                   const QString &password);
};

} // namespace fouad
