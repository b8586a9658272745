#include "storage/referencerepository.h"

#include "domain/persiantext.h"
#include "storage/database.h"

#include <QRegularExpression>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

Result<ReferenceCatalog> ReferenceRepository::load()
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);

    QList<Province> provinces;
    if (!query.exec(u"SELECT code, name, name_en FROM provinces ORDER BY sort_order, code"_s))
        return sqlError(query.lastError());
    while (query.next())
        provinces.append(
            { query.value(0).toString(), query.value(1).toString(), query.value(2).toString() });

    QList<Agency> agencies;
    if (!query.exec(
            u"SELECT code, name, name_en, parent_code FROM agencies ORDER BY sort_order, code"_s))
        return sqlError(query.lastError());
    while (query.next())
        agencies.append({ query.value(0).toString(), query.value(1).toString(),
                          query.value(2).toString(), query.value(3).toString() });

    QList<Category> categories;
    if (!query.exec(
            u"SELECT code, name, name_en, urgent FROM categories ORDER BY sort_order, code"_s))
        return sqlError(query.lastError());
    while (query.next())
        categories.append({ query.value(0).toString(), query.value(1).toString(),
                            query.value(2).toString(), query.value(3).toInt() != 0 });

    QList<City> cities;
    if (!query.exec(u"SELECT code, province_code, name, name_en FROM cities"
                    " ORDER BY province_code, sort_order, code"_s))
        return sqlError(query.lastError());
    while (query.next())
        cities.append({ query.value(0).toString(), query.value(1).toString(),
                        query.value(2).toString(), query.value(3).toString() });

    QList<Office> offices;
    if (!query.exec(u"SELECT code, agency_code, province_code, city_code, name FROM offices"
                    " ORDER BY agency_code, province_code, name_key, code"_s))
        return sqlError(query.lastError());
    while (query.next())
        offices.append({ query.value(0).toString(), query.value(1).toString(),
                         query.value(2).toString(), query.value(3).toString(),
                         query.value(4).toString() });

    return ReferenceCatalog(std::move(provinces), std::move(agencies), std::move(categories),
                            std::move(cities), std::move(offices));
}

Result<void> ReferenceRepository::saveAgency(const Agency &agency)
{
    static const QRegularExpression code(u"^[a-z][a-z0-9_]{1,63}$"_s);
    if (!code.match(agency.code).hasMatch())
        return Error::invalid(
            u"code"_s, tr("An agency code is lower-case Latin letters, digits and underscores."));
    if (agency.name.trimmed().isEmpty())
        return Error::invalid(u"name"_s, tr("Give the agency's Persian name."));
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO agencies (code, name, name_en, parent_code, sort_order)"
              " VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM agencies))"
              " ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,"
              " parent_code = excluded.parent_code"_s);
    q.addBindValue(agency.code);
    q.addBindValue(PersianText::normalize(agency.name));
    q.addBindValue(
        QString(agency.nameEn.trimmed() + u""_s)); // never a null QString: that binds NULL
    q.addBindValue(nullableText(agency.parentCode));
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<void> ReferenceRepository::saveCategoryNames(const QString &code, const QString &name,
                                                    const QString &nameEn)
{
    if (name.trimmed().isEmpty())
        return Error::invalid(u"name"_s, tr("Give the category's Persian title."));
    QSqlQuery q(m_database.connection());
    q.prepare(u"UPDATE categories SET name = ?, name_en = ? WHERE code = ?"_s);
    q.addBindValue(PersianText::normalize(name));
    q.addBindValue(QString(nameEn.trimmed() + u""_s)); // never a null QString: that binds NULL
    q.addBindValue(code);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return Error::notFound(u"code"_s, tr("No category \"%1\".").arg(code));
    return {};
}

} // namespace fouad
