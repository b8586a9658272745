#include "storage/userrepository.h"

#include "storage/database.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

Result<User> UserRepository::add(const QString &name, const QString &fullName, Role role,
                                 const QString &passwordHash, const QDateTime &now)
{
    static const QRegularExpression validName(u"^[a-z][a-z0-9._-]{1,31}$"_s);
    if (!validName.match(name).hasMatch())
        return Error::invalid(u"NAME"_s, tr("A user name is 2 to 32 lower-case Latin letters, digits, "
                                            "dots, dashes or underscores, starting with a letter."));
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO users (name, full_name, role, password_hash, created_at)"
                  " VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(name);
    query.addBindValue(fullName.trimmed().isEmpty() ? name : fullName.trimmed());
    query.addBindValue(code(role));
    query.addBindValue(passwordHash);
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
    query.prepare(u"SELECT id, name, full_name, role, created_at FROM users WHERE name = ?"_s);
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
    return user;
}

Result<qint64> UserRepository::count()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT COUNT(*) FROM users"_s) || !query.next())
        return sqlError(query.lastError());
    return query.value(0).toLongLong();
}

} // namespace fouad
