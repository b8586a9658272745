#pragma once

#include "ctl/command.h"
#include "domain/user.h"

namespace fouad::ctl {

struct NewUser
{
    QString name;
    QString fullName;
    Role role = Role::Operator;
    QString password;
    QString actor; // --as; empty: the system actor, which counts as an administrator
};

// user add NAME --role ROLE [--full-name TEXT] [--as ADMIN]: a console account,
// through the AdministrationService; the password is the first line of standard input.
class UserAddCommand final : public DatabaseCommand<NewUser>
{
public:
    UserAddCommand();

protected:
    Result<NewUser> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const NewUser &user) const override;
};

} // namespace fouad::ctl
