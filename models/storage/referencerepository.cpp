#include "storage/referencerepository.h"

#include "storage/database.h"

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
        provinces.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString() });

    QList<Agency> agencies;
    if (!query.exec(u"SELECT code, name, name_en, parent_code FROM agencies ORDER BY sort_order, code"_s))
        return sqlError(query.lastError());
    while (query.next())
        agencies.append({ query.value(0).toString(), query.value(1).toString(),
                          query.value(2).toString(), query.value(3).toString() });

    QList<Category> categories;
    if (!query.exec(u"SELECT code, name, name_en, urgent FROM categories ORDER BY sort_order, code"_s))
        return sqlError(query.lastError());
    while (query.next())
        categories.append({ query.value(0).toString(), query.value(1).toString(),
                            query.value(2).toString(), query.value(3).toInt() != 0 });

    return ReferenceCatalog(std::move(provinces), std::move(agencies), std::move(categories));
}

} // namespace fouad
