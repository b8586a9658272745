#pragma once

#include "storage/userrepository.h"

#include <QDateTime>
#include <QtGlobal>

namespace fouad::test {

// A user for a test, as the database keeps them: on SQLite a cheap hash (the
// hash's cost is PasswordHasher's own test), on PostgreSQL a login with a SCRAM
// verifier (migration 13). Logins belong to the whole server: TestDatabase drops
// them with the database, and tests that make them hold ctest's pg_logins lock.
inline Result<User> addTestUser(Database &db, const QString &name, Role role, const QDateTime &now,
                                const QString &password = QStringLiteral("a-long-password"))
{
    // ctest marks the tests it runs without the lock (tests/CMakeLists.txt): one
    // of them making a login could collide with another test's at any time, so
    // it fails every time instead, saying why.
    if (!db.dialect().isSQLite() && qEnvironmentVariable("FOUAD_PG_LOGINS") == u"unlocked")
        return Error::runtime(QStringLiteral(
            "this test makes a PostgreSQL login without ctest's pg_logins lock: its name"
            " must contain \"PostgreSQL\" (name the instantiation with backendName)"));
    UserRepository users(db);
    auto secret = users.secretFor(name, password, 1000);
    if (!secret)
        return secret.error();
    return users.add(name, {}, role, secret.value(), now);
}

} // namespace fouad::test
