#include "ctl/useraddcommand.h"

#include "auth/passwordhasher.h"
#include "storage/userrepository.h"

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
}

Result<NewUser> UserAddCommand::readInput(Context &ctx, const QCommandLineParser &args) const
{
    const auto role = roleFromCode(args.value(u"role"_s));
    if (!role)
        return Error::invalid(u"--role"_s, u"expected one of: "_s + roleCodes());
    NewUser user { args.positionalArguments().at(0), args.value(u"full-name"_s), *role,
                   ctx.in.readLine() };
    if (user.password.size() < PasswordHasher::MinimumPasswordLength)
        return Error::invalid(u"password"_s,
                              u"at least %1 characters, given on the first line "
                              "of standard input"_s.arg(PasswordHasher::MinimumPasswordLength));
    return user;
}

Result<void> UserAddCommand::runWith(Context &ctx, Database &db, const NewUser &user) const
{
    auto added = UserRepository(db).add(user.name, user.fullName, user.role,
                                        PasswordHasher().hash(user.password), ctx.clock.nowUtc());
    if (!added)
        return added.error();
    ctx.out << "user " << added->name << " added as " << code(added->role) << Qt::endl;
    return {};
}

} // namespace fouad::ctl
