#pragma once

#include "core/result.h"
#include "domain/referencedata.h"

namespace fouad {

class Database;

// Provinces, agencies and categories as the database holds them.
class ReferenceRepository final
{
public:
    explicit ReferenceRepository(Database &database) : m_database(database) { }

    Result<ReferenceCatalog> load();

private:
    Database &m_database;
};

} // namespace fouad
