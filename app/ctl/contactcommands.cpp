#include "ctl/contactcommands.h"

#include "domain/persiantext.h"
#include "serialize/contactjson.h"
#include "services/administrationservice.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

ContactAddCommand::ContactAddCommand()
    : DatabaseCommand(u"contact add"_s,
                      u"Add someone who hears of complaints against an agency (or, with role\n"
                      "citizen_sms, the centre's SMS gateway for citizens). Messages are POSTed\n"
                      "to the webhook."_s)
{
    addOption(
        QCommandLineOption(u"agency"_s, u"the agency (required but for citizen_sms)"_s, u"CODE"_s));
    addOption(
        QCommandLineOption(u"province"_s, u"only this province (default: every one)"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"name"_s, u"the person's or office's name"_s, u"TEXT"_s),
              u"required"_s);
    addOption(QCommandLineOption(u"role"_s, u"one of: "_s + contactRoleCodes(), u"ROLE"_s),
              u"required"_s);
    addOption(QCommandLineOption(u"phone"_s, u"an Iranian phone number"_s, u"NUMBER"_s));
    addOption(
        QCommandLineOption(u"webhook"_s, u"an http(s) URL messages are POSTed to"_s, u"URL"_s));
    addOption(administratorOption());
}

Result<NewContact> ContactAddCommand::readInput(Context &, const QCommandLineParser &args) const
{
    const auto role = contactRoleFromCode(args.value(u"role"_s));
    if (!role)
        return Error::invalid(u"--role"_s, u"expected one of: "_s + contactRoleCodes());
    NewContact input;
    input.contact.agencyCode = args.value(u"agency"_s);
    input.contact.provinceCode = args.value(u"province"_s);
    input.contact.name = args.value(u"name"_s);
    input.contact.role = *role;
    input.contact.phone = args.value(u"phone"_s);
    input.contact.webhook = args.value(u"webhook"_s);
    input.actor = args.value(u"as"_s);
    return input;
}

Result<void> ContactAddCommand::runWith(Context &ctx, Database &db, const NewContact &input) const
{
    auto actor = administrator(db, input.actor);
    if (!actor)
        return actor.error();
    auto added = AdministrationService(db, ctx.clock).addContact(actor.value(), input.contact);
    if (!added) {
        Error e = added.error();
        if (!e.field.isEmpty() && !e.field.startsWith(u"--"_s))
            e.field = u"--"_s + e.field; // the flag that carried it
        return e;
    }
    printJson(ctx, QJsonDocument(ContactJson::toJson(added.value())));
    return {};
}

ContactListCommand::ContactListCommand()
    : DatabaseCommand(u"contact list"_s, u"The contacts, by agency, role and name."_s)
{
    addOption(QCommandLineOption(
        u"json"_s, u"as a JSON array of {id, agency, province, name, role, phone, webhook}"_s));
}

Result<bool> ContactListCommand::readInput(Context &, const QCommandLineParser &args) const
{
    return args.isSet(u"json"_s);
}

Result<void> ContactListCommand::runWith(Context &ctx, Database &db, const bool &json) const
{
    auto contacts = AdministrationService(db, ctx.clock).contacts();
    if (!contacts)
        return contacts.error();
    if (json) {
        QJsonArray array;
        for (const Contact &c : contacts.value())
            array.append(ContactJson::toJson(c));
        printJson(ctx, QJsonDocument(array));
        return {};
    }
    for (const Contact &c : contacts.value())
        ctx.out << c.id << '\t' << (c.agencyCode.isEmpty() ? u"-"_s : c.agencyCode) << '\t'
                << (c.provinceCode.isEmpty() ? u"*"_s : c.provinceCode) << '\t' << code(c.role)
                << '\t' << c.name << '\t' << c.phone << '\t' << c.webhook << '\n';
    ctx.out.flush();
    return {};
}

ContactRemoveCommand::ContactRemoveCommand()
    : DatabaseCommand(u"contact remove"_s,
                      u"Remove a contact; messages already written to it are still sent."_s)
{
    addPositional(u"ID"_s, u"the contact's id (contact list)"_s);
    addOption(administratorOption());
}

Result<ContactRemoval> ContactRemoveCommand::readInput(Context &,
                                                       const QCommandLineParser &args) const
{
    bool ok = false;
    const qint64 id = PersianText::toLatinDigits(args.positionalArguments().at(0)).toLongLong(&ok);
    if (!ok || id < 1)
        return Error::invalid(u"ID"_s, u"expected a contact's id, a whole number"_s);
    return ContactRemoval { id, args.value(u"as"_s) };
}

Result<void> ContactRemoveCommand::runWith(Context &ctx, Database &db,
                                           const ContactRemoval &input) const
{
    auto actor = administrator(db, input.actor);
    if (!actor)
        return actor.error();
    if (auto removed = AdministrationService(db, ctx.clock).removeContact(actor.value(), input.id);
        !removed)
        return removed.error();
    ctx.out << "contact " << input.id << " removed" << Qt::endl;
    return {};
}

} // namespace fouad::ctl
