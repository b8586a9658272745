#pragma once

#include "core/result.h"
#include "domain/referencedata.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// Provinces, agencies, categories, cities and offices as the database holds them.
class ReferenceRepository final
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceRepository)

public:
    explicit ReferenceRepository(Database &database)
        : m_database(database)
    {
    }

    Result<ReferenceCatalog> load();

    // An administrator's edits: a new or renamed agency, a category's titles.
    // Codes are lower-case Latin letters, digits and underscores; names are required.
    Result<void> saveAgency(const Agency &agency);
    Result<void> saveCategoryNames(const QString &code, const QString &name, const QString &nameEn);

private:
    Database &m_database;
};

} // namespace fouad
