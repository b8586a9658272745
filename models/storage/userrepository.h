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

    // What the database keeps of a password, for add() and setPassword(): on
    // SQLite a PasswordHasher hash (of `iterations`); on PostgreSQL the login's
    // SCRAM verifier, which only PostgreSQL keeps.
    Result<QString> secretFor(const QString &name, const QString &password, int iterations);

    // Adds a user with secretFor()'s secret. A taken name is invalid input. On
    // PostgreSQL the user is a login (migration 13's fouad_create_login), a
    // member of its role's group, and users keeps no password material.
    Result<User> add(const QString &name, const QString &fullName, Role role, const QString &secret,
                     const QDateTime &now);
    Result<User> find(const QString &name);

    // An administrator's changes (through AdministrationService, inside its
    // transaction). An unknown name is NotFound. On PostgreSQL they change the
    // login too (its group, LOGIN or NOLOGIN, its password), through the
    // database's functions: a staff login cannot write users itself.
    Result<void> setRole(const QString &name, Role role);
    Result<void> setActive(const QString &name, bool active);
    // Also clears a lockout: the user signs in with the new password at once. On
    // PostgreSQL a user from before logins existed gets its login here.
    Result<void> setPassword(const QString &name, const QString &secret);
    Result<qint64> countActiveAdministrators();

    // Checks a password. Five wrong ones in a row lock the account for fifteen
    // minutes; a right one resets the count. Every failure says only that the
    // name or password is wrong (or the account locked), never which.
    Result<User> authenticate(const QString &name, const QString &password, const QDateTime &now);
    Result<QList<User>> list();

    static constexpr int MaxFailedLogins = 5;
    static constexpr int LockoutMinutes = 15;
    Result<qint64> count();

    static Error wrongNameOrPassword();

private:
    Result<void> updateOne(QSqlQuery &query, const QString &name);
    // PostgreSQL: one of the login functions, its refusals in words.
    Result<void> callLoginFunction(const QString &sql, const QVariantList &values,
                                   const QString &name);

    Database &m_database;
};

} // namespace fouad
