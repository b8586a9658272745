#pragma once

#include "core/result.h"
#include "domain/user.h"

#include <QCoreApplication>

namespace fouad {

class Database;

class UserRepository final
{
    Q_DECLARE_TR_FUNCTIONS(UserRepository)

public:
    explicit UserRepository(Database &database)
        : m_database(database)
    {
    }

    // Adds a user with a PasswordHasher::hash(). A taken name is invalid input.
    Result<User> add(const QString &name, const QString &fullName, Role role,
                     const QString &passwordHash, const QDateTime &now);
    Result<User> find(const QString &name);

    // Checks a password. Five wrong ones in a row lock the account for fifteen
    // minutes; a right one resets the count. Every failure says only that the
    // name or password is wrong (or the account locked), never which.
    Result<User> authenticate(const QString &name, const QString &password, const QDateTime &now);
    Result<QList<User>> list();

    static constexpr int MaxFailedLogins = 5;
    static constexpr int LockoutMinutes = 15;
    Result<qint64> count();

private:
    Database &m_database;
};

} // namespace fouad
