#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace fouad {

enum class Role { Operator, Inspector, Supervisor, Admin };

QString code(Role role);
std::optional<Role> roleFromCode(QStringView code);
QString title(Role role);
QString roleCodes();

struct User
{
    qint64 id = 0;
    QString name; // login name
    QString fullName;
    Role role = Role::Operator;
    QDateTime createdAt;
    bool active = true; // a disabled user cannot sign in
};

} // namespace fouad
