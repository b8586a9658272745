#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace fouad {

struct Province
{
    QString code;
    QString name; // Persian
    QString nameEn;
};

struct Agency
{
    QString code;
    QString name;
    QString nameEn;
    QString parentCode; // empty for a national body
};

struct Category
{
    QString code;
    QString name;
    QString nameEn;
    bool urgent = true; // urgent categories run on working hours (DESIGN §3)
};

// A city of a province: where a complaint happened (issue 10).
struct City
{
    QString code;
    QString provinceCode;
    QString name;
    QString nameEn;
};

// An agency's office (branch) in a province, DESIGN §2: national body →
// provincial directorate → office. Administrators keep them.
struct Office
{
    QString code;
    QString agencyCode;
    QString provinceCode;
    QString cityCode; // empty: not tied to one city
    QString name; // Persian
};

// The name people read in the current UI language: English when the default
// locale is English, Persian otherwise.
QString localizedName(const QString &persian, const QString &english);
template<typename T> QString localizedName(const T &item)
{
    return localizedName(item.name, item.nameEn);
}

// Provinces, agencies, categories, cities and offices, looked up by code. Loaded
// from the database (ReferenceRepository) or, for init-db, from the built-in data
// in resources/reference (which has no offices: administrators keep those).
class ReferenceCatalog final
{
public:
    ReferenceCatalog() = default;
    ReferenceCatalog(QList<Province> provinces, QList<Agency> agencies, QList<Category> categories,
                     QList<City> cities = {}, QList<Office> offices = {});

    // The reference data shipped with the program (:/reference/*.json).
    static ReferenceCatalog builtIn();

    const QList<Province> &provinces() const { return m_provinces; }
    const QList<Agency> &agencies() const { return m_agencies; }
    const QList<Category> &categories() const { return m_categories; }
    const QList<City> &cities() const { return m_cities; }
    const QList<Office> &offices() const { return m_offices; }

    const Province *province(const QString &code) const;
    const Agency *agency(const QString &code) const;
    const Category *category(const QString &code) const;
    const City *city(const QString &code) const;
    const Office *office(const QString &code) const;

    // A province's cities, its capital first; an agency's offices in a province, by name.
    QList<City> citiesOf(const QString &province) const;
    QList<Office> officesOf(const QString &agency, const QString &province) const;

    bool isEmpty() const { return m_provinces.isEmpty(); }

private:
    QList<Province> m_provinces;
    QList<Agency> m_agencies;
    QList<Category> m_categories;
    QList<City> m_cities;
    QList<Office> m_offices;
    QHash<QString, qsizetype> m_provinceIndex;
    QHash<QString, qsizetype> m_agencyIndex;
    QHash<QString, qsizetype> m_categoryIndex;
    QHash<QString, qsizetype> m_cityIndex;
    QHash<QString, qsizetype> m_officeIndex;
};

} // namespace fouad
