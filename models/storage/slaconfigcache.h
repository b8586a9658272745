#pragma once

#include "core/result.h"
#include "sla/slaconfig.h"

#include <QMutex>

#include <memory>

namespace fouad {

class Database;

// The one SlaConfig of a Database, shared by every service and window that
// uses it (intake, workflow, sweeps, the complaint window, the wallboard).
// Before each use it reads the configuration version (one single-row read by
// primary key); only when another console, fouadctl or this one changed the
// configuration does it load it again. Safe to use from several threads.
class SlaConfigCache final
{
public:
    explicit SlaConfigCache(Database &database)
        : m_database(database)
    {
    }

    // The configuration as the database holds it now. The snapshot stays valid
    // (and unchanged) for as long as the caller keeps it.
    Result<std::shared_ptr<const SlaConfig>> get();

private:
    Database &m_database;
    QMutex m_mutex;
    qint64 m_version = -1;
    std::shared_ptr<const SlaConfig> m_config;
};

} // namespace fouad
