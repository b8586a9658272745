#pragma once

#include "core/result.h"
#include "sla/slaconfig.h"

namespace fouad {

class Database;

// SLA policies, the escalation ladder and work calendars as the database holds them.
class SlaRepository final
{
public:
    explicit SlaRepository(Database &database) : m_database(database) { }

    Result<SlaConfig> load();

private:
    Database &m_database;
};

} // namespace fouad
