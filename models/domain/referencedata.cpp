#include "domain/referencedata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

QJsonArray readArray(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("reference data missing from the build: %ls", qUtf16Printable(resource));
    return QJsonDocument::fromJson(file.readAll()).array();
}

template<typename T> QHash<QString, qsizetype> indexByCode(const QList<T> &items)
{
    QHash<QString, qsizetype> index;
    index.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i)
        index.insert(items.at(i).code, i);
    return index;
}

template<typename T>
const T *lookup(const QList<T> &items, const QHash<QString, qsizetype> &index, const QString &code)
{
    const auto it = index.constFind(code);
    return it == index.cend() ? nullptr : &items.at(*it);
}

} // namespace

QString localizedName(const QString &persian, const QString &english)
{
    return QLocale().language() == QLocale::English && !english.isEmpty() ? english : persian;
}

ReferenceCatalog::ReferenceCatalog(QList<Province> provinces, QList<Agency> agencies,
                                   QList<Category> categories, QList<City> cities,
                                   QList<Office> offices)
    : m_provinces(std::move(provinces))
    , m_agencies(std::move(agencies))
    , m_categories(std::move(categories))
    , m_cities(std::move(cities))
    , m_offices(std::move(offices))
    , m_provinceIndex(indexByCode(m_provinces))
    , m_agencyIndex(indexByCode(m_agencies))
    , m_categoryIndex(indexByCode(m_categories))
    , m_cityIndex(indexByCode(m_cities))
    , m_officeIndex(indexByCode(m_offices))
{
}

ReferenceCatalog ReferenceCatalog::builtIn()
{
    QList<Province> provinces;
    for (const QJsonValue v : readArray(u":/reference/provinces.json"_s)) {
        const QJsonObject o = v.toObject();
        provinces.append(
            { o[u"code"].toString(), o[u"name"].toString(), o[u"name_en"].toString() });
    }
    QList<Agency> agencies;
    for (const QJsonValue v : readArray(u":/reference/agencies.json"_s)) {
        const QJsonObject o = v.toObject();
        agencies.append({ o[u"code"].toString(), o[u"name"].toString(), o[u"name_en"].toString(),
                          o[u"parent"].toString() });
    }
    QList<Category> categories;
    for (const QJsonValue v : readArray(u":/reference/categories.json"_s)) {
        const QJsonObject o = v.toObject();
        categories.append({ o[u"code"].toString(), o[u"name"].toString(), o[u"name_en"].toString(),
                            o[u"urgent"].toBool() });
    }
    QList<City> cities;
    for (const QJsonValue v : readArray(u":/reference/cities.json"_s)) {
        const QJsonObject o = v.toObject();
        cities.append({ o[u"code"].toString(), o[u"province"].toString(), o[u"name"].toString(),
                        o[u"name_en"].toString() });
    }
    return ReferenceCatalog(std::move(provinces), std::move(agencies), std::move(categories),
                            std::move(cities));
}

const Province *ReferenceCatalog::province(const QString &code) const
{
    return lookup(m_provinces, m_provinceIndex, code);
}

const Agency *ReferenceCatalog::agency(const QString &code) const
{
    return lookup(m_agencies, m_agencyIndex, code);
}

const Category *ReferenceCatalog::category(const QString &code) const
{
    return lookup(m_categories, m_categoryIndex, code);
}

const City *ReferenceCatalog::city(const QString &code) const
{
    return lookup(m_cities, m_cityIndex, code);
}

const Office *ReferenceCatalog::office(const QString &code) const
{
    return lookup(m_offices, m_officeIndex, code);
}

QList<City> ReferenceCatalog::citiesOf(const QString &province) const
{
    QList<City> out;
    for (const City &c : m_cities) {
        if (c.provinceCode == province)
            out.append(c);
    }
    return out;
}

QList<Office> ReferenceCatalog::officesOf(const QString &agency, const QString &province) const
{
    QList<Office> out;
    for (const Office &o : m_offices) {
        if (o.agencyCode == agency && o.provinceCode == province)
            out.append(o);
    }
    return out;
}

} // namespace fouad
