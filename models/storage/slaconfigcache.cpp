#include "storage/slaconfigcache.h"

#include "storage/adminchangerepository.h"
#include "storage/database.h"
#include "storage/slarepository.h"

namespace fouad {

Result<std::shared_ptr<const SlaConfig>> SlaConfigCache::get()
{
    auto version = AdminChangeRepository(m_database).configVersion();
    if (!version)
        return version.error();
    {
        QMutexLocker lock(&m_mutex);
        if (m_config && m_version == version.value())
            return m_config;
    }
    // Loaded outside the lock: another thread's read need not wait for this one.
    // The version was read first, so a change committed meanwhile is at worst
    // loaded again next time, never missed.
    auto loaded = SlaRepository(m_database).load();
    if (!loaded)
        return loaded.error();
    auto config = std::make_shared<const SlaConfig>(std::move(loaded).value());
    QMutexLocker lock(&m_mutex);
    if (version.value() >= m_version) {
        m_version = version.value();
        m_config = config;
    }
    return config;
}

// Defined here rather than in database.cpp: the cache is created on first use,
// once per Database.
SlaConfigCache &Database::slaConfig()
{
    std::call_once(m_slaConfigOnce,
                   [this] { m_slaConfig = std::make_shared<SlaConfigCache>(*this); });
    return *m_slaConfig;
}

} // namespace fouad
