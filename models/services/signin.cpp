#include "services/signin.h"

#include "storage/database.h"
#include "storage/userrepository.h"

using namespace Qt::StringLiterals;

namespace fouad {

bool SignIn::connectsAsPerson(const DatabaseUrl &url)
{
    return url.kind == DatabaseUrl::Kind::PostgreSQL && url.password.isEmpty();
}

Result<SignIn::Session> SignIn::connect(const DatabaseUrl &url, const QString &name,
                                        const QString &password)
{
    const QString login = name.trimmed();
    if (login.isEmpty() || password.isEmpty())
        return UserRepository::wrongNameOrPassword();
    DatabaseUrl as = url;
    as.user = login;
    as.password = password;
    auto opened = Database::open(as);
    if (!opened) {
        if (Database::refusedLogin(opened.error())) {
            Error wrong = UserRepository::wrongNameOrPassword();
            wrong.detail = opened.error().detail;
            return wrong;
        }
        return opened.error();
    }
    std::shared_ptr<Database> database = opened.value();
    if (!database->session().staff)
        return Error::forbidden(
            tr("%1 owns the database: its login is for \"fouadctl init-db\" and for adding "
               "users. Sign in with your own login.")
                .arg(login));
    auto user = UserRepository(*database).find(database->session().login);
    if (!user) {
        if (user.error().kind != ErrorKind::NotFound)
            return user.error();
        return Error::forbidden(
            tr("%1 is a login on the database server but no user of this centre. An "
               "administrator adds users with \"fouadctl user add\" or the Users window.")
                .arg(login));
    }
    if (!user->active)
        return UserRepository::wrongNameOrPassword();
    database->closeConnection(); // the caller's threads open their own
    return Session { database, user.value() };
}

} // namespace fouad
