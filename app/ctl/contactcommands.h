#pragma once

#include "ctl/command.h"
#include "domain/contact.h"

namespace fouad::ctl {

struct NewContact
{
    Contact contact;
    QString actor; // --as
};

// contact add [--agency CODE] [--province CODE] --name TEXT --role ROLE [--phone N]
// [--webhook URL] [--as ADMIN]: through the AdministrationService.
class ContactAddCommand final : public DatabaseCommand<NewContact>
{
public:
    ContactAddCommand();

protected:
    Result<NewContact> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const NewContact &input) const override;
};

// contact list [--json]: a JSON array of {id, agency, province, name, role, phone, webhook}.
class ContactListCommand final : public DatabaseCommand<bool>
{
public:
    ContactListCommand();

protected:
    Result<bool> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const bool &json) const override;
};

struct ContactRemoval
{
    qint64 id = 0;
    QString actor;
};

// contact remove ID [--as ADMIN].
class ContactRemoveCommand final : public DatabaseCommand<ContactRemoval>
{
public:
    ContactRemoveCommand();

protected:
    Result<ContactRemoval> readInput(Context &ctx, const QCommandLineParser &args) const override;
    Result<void> runWith(Context &ctx, Database &db, const ContactRemoval &input) const override;
};

} // namespace fouad::ctl
