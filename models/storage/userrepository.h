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
    explicit UserRepository(Database &database) : m_database(database) { }

    // Adds a user with a PasswordHasher::hash(). A taken name is invalid input.
    Result<User> add(const QString &name, const QString &fullName, Role role,
                     const QString &passwordHash, const QDateTime &now);
    Result<User> find(const QString &name);
    Result<qint64> count();

private:
    Database &m_database;
};

} // namespace fouad
