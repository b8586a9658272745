#include "ctl/referencelistcommand.h"

#include "storage/referencerepository.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

namespace {

template<typename T> void print(Context &ctx, const QList<T> &items, bool json)
{
    if (json) {
        QJsonArray array;
        for (const T &item : items)
            array.append(QJsonObject { { u"code"_s, item.code },
                                       { u"name"_s, item.name },
                                       { u"name_en"_s, item.nameEn } });
        printJson(ctx, QJsonDocument(array));
    } else {
        for (const T &item : items)
            ctx.out << item.code << '\t' << item.name << '\t' << item.nameEn << '\n';
        ctx.out.flush();
    }
}

} // namespace

ReferenceListCommand::ReferenceListCommand(List list)
    : DatabaseCommand(list == List::Provinces ? u"province list"_s : u"agency list"_s,
                      list == List::Provinces
                          ? u"The provinces: code, Persian name, English name."_s
                          : u"The agencies: code, Persian name, English name."_s)
    , m_list(list)
{
    addOption(QCommandLineOption(u"json"_s, u"as a JSON array of {code, name, name_en}"_s));
}

Result<bool> ReferenceListCommand::readInput(Context &, const QCommandLineParser &args) const
{
    return args.isSet(u"json"_s);
}

Result<void> ReferenceListCommand::runWith(Context &ctx, Database &db, const bool &json) const
{
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    if (m_list == List::Provinces)
        print(ctx, catalog->provinces(), json);
    else
        print(ctx, catalog->agencies(), json);
    return {};
}

} // namespace fouad::ctl
