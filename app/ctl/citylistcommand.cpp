#include "ctl/citylistcommand.h"

#include "storage/referencerepository.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

CityListCommand::CityListCommand()
    : DatabaseCommand(u"city list"_s,
                      u"The cities: code, province, Persian name, English name; by province,\n"
                      "each province's capital first."_s)
{
    addOption(QCommandLineOption(u"province"_s, u"only this province's cities"_s, u"CODE"_s));
    addOption(
        QCommandLineOption(u"json"_s, u"as a JSON array of {code, province, name, name_en}"_s));
}

Result<CityListRequest> CityListCommand::readInput(Context &, const QCommandLineParser &args) const
{
    return CityListRequest { args.value(u"province"_s).trimmed(), args.isSet(u"json"_s) };
}

Result<void> CityListCommand::runWith(Context &ctx, Database &db,
                                      const CityListRequest &request) const
{
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    if (!request.province.isEmpty() && !catalog->province(request.province))
        return Error::invalid(u"--province"_s,
                              u"no province has the code %1"_s.arg(request.province));
    QList<City> cities;
    for (const Province &p : catalog->provinces()) {
        if (request.province.isEmpty() || p.code == request.province)
            cities << catalog->citiesOf(p.code);
    }
    if (request.json) {
        QJsonArray array;
        for (const City &c : std::as_const(cities))
            array.append(QJsonObject { { u"code"_s, c.code },
                                       { u"province"_s, c.provinceCode },
                                       { u"name"_s, c.name },
                                       { u"name_en"_s, c.nameEn } });
        printJson(ctx, QJsonDocument(array));
        return {};
    }
    for (const City &c : std::as_const(cities))
        ctx.out << c.code << '\t' << c.provinceCode << '\t' << c.name << '\t' << c.nameEn << '\n';
    ctx.out.flush();
    return {};
}

} // namespace fouad::ctl
