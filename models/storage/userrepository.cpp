#include "storage/userrepository.h"

#include "auth/passwordhasher.h"
#include "domain/jalali.h"
#include "storage/database.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

Error UserRepository::wrongNameOrPassword()
{
    return Error::forbidden(tr("Wrong user name or password."));
}

Result<QString> UserRepository::secretFor(const QString &name, const QString &password,
                                          int iterations)
{
    if (m_database.dialect().isSQLite())
        return PasswordHasher(iterations).hash(password);
    return m_database.passwordVerifier(name, password);
}

Result<void> UserRepository::callLoginFunction(const QString &sql, const QVariantList &values,
                                               const QString &name)
{
    QSqlQuery query(m_database.connection());
    query.prepare(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (query.exec())
        return {};
    const QSqlError error = query.lastError();
    const QString state = error.nativeErrorCode();
    Error e;
    if (state == u"23505"_s)
        e = Error::invalid(u"NAME"_s, tr("A user named \"%1\" already exists.").arg(name));
    else if (state == u"42710"_s)
        e = Error::invalid(u"NAME"_s,
                           tr("The PostgreSQL server already has a login named \"%1\" (logins "
                              "belong to the whole server): choose another user name.")
                               .arg(name));
    else if (state == u"P0002"_s)
        e = Error::notFound(u"user"_s, tr("No user named \"%1\".").arg(name));
    else if (state == u"42501"_s)
        e = Error::forbidden(tr("The database refused: only an administrator changes the "
                                "logins of this centre's users."));
    else
        return sqlError(error);
    e.detail = error.databaseText();
    return e;
}

Result<User> UserRepository::add(const QString &name, const QString &fullName, Role role,
                                 const QString &secret, const QDateTime &now)
{
    static const QRegularExpression validName(u"^[a-z][a-z0-9._-]{1,31}$"_s);
    if (!validName.match(name).hasMatch())
        return Error::invalid(u"NAME"_s,
                              tr("A user name is 2 to 32 lower-case Latin letters, digits, "
                                 "dots, dashes or underscores, starting with a letter."));
    if (!m_database.dialect().isSQLite()) {
        const QString shown = fullName.trimmed().isEmpty() ? name : fullName.trimmed();
        if (auto made = callLoginFunction(
                u"SELECT fouad_create_login(?, ?, ?, ?, ?)"_s,
                { name, shown, code(role), secret, now.toMSecsSinceEpoch() }, name);
            !made)
            return made.error();
        return find(name);
    }
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO users (name, full_name, role, password_hash, created_at)"
                  " VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(name);
    query.addBindValue(fullName.trimmed().isEmpty() ? name : fullName.trimmed());
    query.addBindValue(code(role));
    query.addBindValue(secret);
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!query.exec()) {
        if (m_database.dialect().isUniqueViolation(query.lastError()))
            return Error::invalid(u"NAME"_s, tr("A user named \"%1\" already exists.").arg(name));
        return sqlError(query.lastError());
    }
    return find(name);
}

Result<User> UserRepository::find(const QString &name)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        u"SELECT id, name, full_name, role, created_at, active FROM users WHERE name = ?"_s);
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(query.lastError());
    if (!query.next())
        return Error::notFound(u"user"_s, tr("No user named \"%1\".").arg(name));
    User user;
    user.id = query.value(0).toLongLong();
    user.name = query.value(1).toString();
    user.fullName = query.value(2).toString();
    user.role = roleFromCode(query.value(3).toString()).value_or(Role::Operator);
    user.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
    user.active = query.value(5).toInt() != 0;
    return user;
}

Result<void> UserRepository::updateOne(QSqlQuery &query, const QString &name)
{
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(query.lastError());
    if (query.numRowsAffected() != 1)
        return Error::notFound(u"user"_s, tr("No user named \"%1\".").arg(name));
    return {};
}

Result<void> UserRepository::setRole(const QString &name, Role role)
{
    if (!m_database.dialect().isSQLite())
        return callLoginFunction(u"SELECT fouad_set_role(?, ?)"_s, { name, code(role) }, name);
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE users SET role = ? WHERE name = ?"_s);
    query.addBindValue(code(role));
    return updateOne(query, name);
}

Result<void> UserRepository::setActive(const QString &name, bool active)
{
    if (!m_database.dialect().isSQLite())
        return callLoginFunction(u"SELECT fouad_set_active(?, ?)"_s, { name, active }, name);
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE users SET active = ? WHERE name = ?"_s);
    query.addBindValue(active ? 1 : 0);
    return updateOne(query, name);
}

Result<void> UserRepository::setPassword(const QString &name, const QString &secret)
{
    if (!m_database.dialect().isSQLite())
        return callLoginFunction(u"SELECT fouad_reset_password(?, ?)"_s, { name, secret }, name);
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL"
                  " WHERE name = ?"_s);
    query.addBindValue(secret);
    return updateOne(query, name);
}

Result<qint64> UserRepository::countActiveAdministrators()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1"_s)
        || !query.next())
        return sqlError(query.lastError());
    return query.value(0).toLongLong();
}

Result<User> UserRepository::authenticate(const QString &name, const QString &password,
                                          const QDateTime &now)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        u"SELECT password_hash, failed_logins, locked_until FROM users WHERE name = ? AND active = 1"_s);
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(query.lastError());
    const Error wrong = wrongNameOrPassword();
    if (!query.next()) {
        // Spend the same time as for a real user, so timing does not tell names apart.
        static const QString dummy = PasswordHasher().hash(u"not a password"_s);
        PasswordHasher::verify(password, dummy);
        return wrong;
    }
    const QString stored = query.value(0).toString();
    const int failed = query.value(1).toInt();
    const QVariant lockedUntil = query.value(2);
    query.finish();
    if (!lockedUntil.isNull() && lockedUntil.toLongLong() > now.toMSecsSinceEpoch()) {
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(lockedUntil.toLongLong(), Qt::UTC);
        return Error::forbidden(tr("Too many wrong passwords: the account is locked until %1.")
                                    .arg(Jalali::formatDateTime(until)));
    }

    QSqlQuery update(m_database.connection());
    if (PasswordHasher::verify(password, stored)) {
        update.prepare(u"UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = ?"_s);
        update.addBindValue(name);
        if (!update.exec())
            return sqlError(update.lastError());
        return find(name);
    }
    const bool lock = failed + 1 >= MaxFailedLogins;
    update.prepare(u"UPDATE users SET failed_logins = ?, locked_until = ? WHERE name = ?"_s);
    update.addBindValue(lock ? 0 : failed + 1);
    update.addBindValue(lock ? QVariant(now.addSecs(LockoutMinutes * 60).toMSecsSinceEpoch())
                             : QVariant(QMetaType::fromType<qint64>()));
    update.addBindValue(name);
    if (!update.exec())
        return sqlError(update.lastError());
    return wrong;
}

Result<QList<User>> UserRepository::list()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT name FROM users ORDER BY name"_s))
        return sqlError(query.lastError());
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    QList<User> users;
    for (const QString &name : std::as_const(names)) {
        auto user = find(name);
        if (!user)
            return user.error();
        users << user.value();
    }
    return users;
}

Result<qint64> UserRepository::count()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT COUNT(*) FROM users"_s) || !query.next())
        return sqlError(query.lastError());
    return query.value(0).toLongLong();
}

} // namespace fouad
