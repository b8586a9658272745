#pragma once

#include "storage/userrepository.h"

#include <QDateTime>

namespace fouad::test {

// A user for a test, as the database keeps them: on SQLite a cheap hash (the
// hash's cost is PasswordHasher's own test), on PostgreSQL a login with a SCRAM
// verifier (migration 13). Logins belong to the whole server: TestDatabase drops
// them with the database, and tests that make them hold ctest's pg_logins lock.
inline Result<User> addTestUser(Database &db, const QString &name, Role role, const QDateTime &now,
                                const QString &password = QStringLiteral("a-long-password"))
{
    UserRepository users(db);
    auto secret = users.secretFor(name, password, 1000);
    if (!secret)
        return secret.error();
    return users.add(name, {}, role, secret.value(), now);
}

} // namespace fouad::test
