#include "ctl/useraddcommand.h"

#include "auth/passwordhasher.h"
#include "services/administrationservice.h"
#include "storage/database.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

UserAddCommand::UserAddCommand()
    : DatabaseCommand(u"user add"_s,
                      u"Add a console account. The password is the first line of standard\n"
                      "input, at least %1 characters."_s.arg(PasswordHasher::MinimumPasswordLength))
{
    addPositional(u"NAME"_s, u"the login name"_s);
    addOption(QCommandLineOption(u"role"_s, u"one of: "_s + roleCodes(), u"ROLE"_s));
    markShownAsRequired(u"role"_s);
    addOption(QCommandLineOption(u"full-name"_s, u"the name shown in the console"_s, u"TEXT"_s));
    addOption(
        QCommandLineOption(u"as"_s, u"the administrator adding it (default: system)"_s, u"USER"_s));
}

Result<NewUser> UserAddCommand::readInput(Context &ctx, const QCommandLineParser &args) const
{
    const auto role = roleFromCode(args.value(u"role"_s));
    if (!role)
        return Error::invalid(u"--role"_s, u"expected one of: "_s + roleCodes());
    NewUser user { args.positionalArguments().at(0), args.value(u"full-name"_s), *role,
                   ctx.in.readLine(), args.value(u"as"_s) };
    // The service's rule, told in the CLI's words (where the password comes from).
    if (!AdministrationService::checkPassword(user.password))
        return Error::invalid(u"password"_s,
                              u"at least %1 characters, given on the first line "
                              "of standard input"_s.arg(PasswordHasher::MinimumPasswordLength));
    return user;
}

Result<void> UserAddCommand::runWith(Context &ctx, Database &db, const NewUser &user) const
{
    auto actor = administrator(db, user.actor);
    if (!actor)
        return actor.error();
    auto added = AdministrationService(db, ctx.clock)
                     .addUser(actor.value(), user.name, user.fullName, user.role, user.password);
    if (!added)
        return added.error();
    ctx.out << "user " << added->name << " added as " << code(added->role) << Qt::endl;
    return {};
}

} // namespace fouad::ctl
