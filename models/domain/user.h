#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace fouad {

// Integration: a machine (IVR, web portal, PBX) that registers complaints and reads
// their status, nothing else.
enum class Role { Operator, Inspector, Supervisor, Admin, Integration };

QString code(Role role);
std::optional<Role> roleFromCode(QStringView code);
QString title(Role role);
QString roleCodes();
QList<Role> allRoles();

struct User
{
    qint64 id = 0;
    QString name; // login name
    QString fullName;
    Role role = Role::Operator;
    QDateTime createdAt;
    bool active = true; // a disabled user cannot sign in
};

// fouadctl without --as (and what the program does on nobody's behalf): no row of
// users, and counts as an administrator.
User systemActor();
bool isSystemActor(const User &actor);
// Whether this user administers the centre (users and the configuration): the
// console's Administration menu, the service's check, and the database's grants
// (migration 12) all ask this.
bool mayAdminister(const User &user);

} // namespace fouad
