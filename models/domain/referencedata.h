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

// The name people read in the current UI language: English when the default
// locale is English, Persian otherwise.
QString localizedName(const QString &persian, const QString &english);
template<typename T> QString localizedName(const T &item)
{
    return localizedName(item.name, item.nameEn);
}

// Provinces, agencies and categories, looked up by code. Loaded from the database
// (ReferenceRepository) or, for init-db, from the built-in data in resources/reference.
class ReferenceCatalog final
{
public:
    ReferenceCatalog() = default;
    ReferenceCatalog(QList<Province> provinces, QList<Agency> agencies, QList<Category> categories);

    // The reference data shipped with the program (:/reference/*.json).
    static ReferenceCatalog builtIn();

    const QList<Province> &provinces() const { return m_provinces; }
    const QList<Agency> &agencies() const { return m_agencies; }
    const QList<Category> &categories() const { return m_categories; }

    const Province *province(const QString &code) const;
    const Agency *agency(const QString &code) const;
    const Category *category(const QString &code) const;

    bool isEmpty() const { return m_provinces.isEmpty(); }

private:
    QList<Province> m_provinces;
    QList<Agency> m_agencies;
    QList<Category> m_categories;
    QHash<QString, qsizetype> m_provinceIndex;
    QHash<QString, qsizetype> m_agencyIndex;
    QHash<QString, qsizetype> m_categoryIndex;
};

} // namespace fouad
