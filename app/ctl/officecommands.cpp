#include "ctl/officecommands.h"

#include "serialize/officejson.h"
#include "services/administrationservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

// The flag that carried a field the service names ("agency" → "--agency").
Error onFlag(Error e)
{
    if (!e.field.isEmpty() && !e.field.startsWith(u"--"_s) && !e.field.startsWith(u"line"_s))
        e.field = u"--"_s + e.field;
    return e;
}

} // namespace

OfficeAddCommand::OfficeAddCommand()
    : DatabaseCommand(u"office add"_s,
                      u"Add an agency's office (branch) in a province, which complaints may name.\n"
                      "The city, if given, is one of that province (province list, city codes\n"
                      "in the reference data)."_s)
{
    addOption(QCommandLineOption(u"code"_s,
                                 u"the office's code: lower-case Latin letters, digits, _ and -"_s,
                                 u"CODE"_s),
              u"required"_s);
    addOption(QCommandLineOption(u"agency"_s, u"the agency (agency list)"_s, u"CODE"_s),
              u"required"_s);
    addOption(QCommandLineOption(u"province"_s, u"the province (province list)"_s, u"CODE"_s),
              u"required"_s);
    addOption(QCommandLineOption(u"city"_s, u"the city the office is in"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"name"_s, u"the office's Persian name"_s, u"TEXT"_s),
              u"required"_s);
    addOption(administratorOption());
}

Result<NewOffice> OfficeAddCommand::readInput(Context &, const QCommandLineParser &args) const
{
    NewOffice input;
    input.office = { args.value(u"code"_s), args.value(u"agency"_s), args.value(u"province"_s),
                     args.value(u"city"_s), args.value(u"name"_s) };
    input.actor = args.value(u"as"_s);
    return input;
}

Result<void> OfficeAddCommand::runWith(Context &ctx, Database &db, const NewOffice &input) const
{
    auto actor = administrator(db, input.actor);
    if (!actor)
        return actor.error();
    auto added = AdministrationService(db, ctx.clock).addOffice(actor.value(), input.office);
    if (!added)
        return onFlag(added.error());
    printJson(ctx, QJsonDocument(OfficeJson::toJson(added.value())));
    return {};
}

OfficeListCommand::OfficeListCommand()
    : DatabaseCommand(u"office list"_s, u"The offices, by agency, province and name."_s)
{
    addOption(QCommandLineOption(u"agency"_s, u"only this agency's"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"province"_s, u"only those in this province"_s, u"CODE"_s));
    addOption(QCommandLineOption(u"json"_s,
                                 u"as a JSON array of {code, agency, province, city, name}"_s));
}

Result<OfficeFilter> OfficeListCommand::readInput(Context &, const QCommandLineParser &args) const
{
    return OfficeFilter { args.value(u"agency"_s), args.value(u"province"_s),
                          args.isSet(u"json"_s) };
}

Result<void> OfficeListCommand::runWith(Context &ctx, Database &db,
                                        const OfficeFilter &filter) const
{
    auto offices = AdministrationService(db, ctx.clock).offices(filter.agency, filter.province);
    if (!offices)
        return offices.error();
    if (filter.json) {
        QJsonArray array;
        for (const Office &o : offices.value())
            array.append(OfficeJson::toJson(o));
        printJson(ctx, QJsonDocument(array));
        return {};
    }
    for (const Office &o : offices.value())
        ctx.out << o.code << '\t' << o.agencyCode << '\t' << o.provinceCode << '\t'
                << (o.cityCode.isEmpty() ? u"-"_s : o.cityCode) << '\t' << o.name << '\n';
    ctx.out.flush();
    return {};
}

OfficeRemoveCommand::OfficeRemoveCommand()
    : DatabaseCommand(u"office remove"_s,
                      u"Remove an office; refused while a complaint names it."_s)
{
    addPositional(u"CODE"_s, u"the office's code (office list)"_s);
    addOption(administratorOption());
}

Result<OfficeRemoval> OfficeRemoveCommand::readInput(Context &,
                                                     const QCommandLineParser &args) const
{
    return OfficeRemoval { args.positionalArguments().at(0).trimmed(), args.value(u"as"_s) };
}

Result<void> OfficeRemoveCommand::runWith(Context &ctx, Database &db,
                                          const OfficeRemoval &input) const
{
    auto actor = administrator(db, input.actor);
    if (!actor)
        return actor.error();
    if (auto removed = AdministrationService(db, ctx.clock).removeOffice(actor.value(), input.code);
        !removed) {
        Error e = removed.error();
        if (e.field == u"code")
            e.field = u"CODE"_s;
        return e;
    }
    ctx.out << "office " << input.code << " removed" << Qt::endl;
    return {};
}

OfficeImportCommand::OfficeImportCommand()
    : DatabaseCommand(u"office import"_s,
                      u"Add or update offices from a UTF-8 CSV file with the header\n"
                      "code,agency,province,city,name (the city may be empty). Every row is\n"
                      "checked first: one bad row imports nothing, and the error names its\n"
                      "line and field."_s)
{
    addPositional(u"FILE"_s, u"the CSV file, or - for standard input"_s);
    addOption(administratorOption());
    addOption(QCommandLineOption(u"json"_s, u"print {added, updated, unchanged} as JSON"_s));
}

Result<OfficeFile> OfficeImportCommand::readInput(Context &ctx,
                                                  const QCommandLineParser &args) const
{
    OfficeFile input;
    const QString source = args.positionalArguments().at(0);
    if (source == u"-") {
        input.csv = ctx.in.readAll().toUtf8();
    } else {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return Error::invalid(u"FILE"_s,
                                  u"cannot read %1: %2"_s.arg(source, file.errorString()));
        input.csv = file.readAll();
    }
    input.actor = args.value(u"as"_s);
    input.json = args.isSet(u"json"_s);
    return input;
}

Result<void> OfficeImportCommand::runWith(Context &ctx, Database &db, const OfficeFile &input) const
{
    auto actor = administrator(db, input.actor);
    if (!actor)
        return actor.error();
    auto imported = AdministrationService(db, ctx.clock).importOffices(actor.value(), input.csv);
    if (!imported)
        return imported.error();
    if (input.json) {
        printJson(ctx,
                  QJsonDocument(QJsonObject { { u"added"_s, imported->added },
                                              { u"updated"_s, imported->updated },
                                              { u"unchanged"_s, imported->unchanged } }));
        return {};
    }
    ctx.out << imported->added << " added, " << imported->updated << " updated, "
            << imported->unchanged << " unchanged" << Qt::endl;
    return {};
}

} // namespace fouad::ctl
