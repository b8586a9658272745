#pragma once

#include "core/result.h"
#include "domain/user.h"

#include <QCoreApplication>
#include <QSqlQuery>

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

    // An administrator's changes (through AdministrationService, inside its
    // transaction). An unknown name is NotFound.
    Result<void> setRole(const QString &name, Role role);
    Result<void> setActive(const QString &name, bool active);
    // Also clears a lockout: the user signs in with the new password at once.
    Result<void> setPasswordHash(const QString &name, const QString &passwordHash);
    Result<qint64> countActiveAdministrators();

    // Checks a password. Five wrong ones in a row lock the account for fifteen
    // minutes; a right one resets the count. Every failure says only that the
    // name or password is wrong (or the account locked), never which.
    Result<User> authenticate(const QString &name, const QString &password, const QDateTime &now);
    Result<QList<User>> list();

    static constexpr int MaxFailedLogins = 5;
    static constexpr int LockoutMinutes = 15;
    Result<qint64> count();

private:
    Result<void> updateOne(QSqlQuery &query, const QString &name);

    Database &m_database;
};

} // namespace fouad
