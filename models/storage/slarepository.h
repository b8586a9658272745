#pragma once

#include "core/result.h"
#include "sla/slaconfig.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// SLA policies, the escalation ladder and work calendars as the database holds them.
class SlaRepository final
{
    Q_DECLARE_TR_FUNCTIONS(SlaRepository)

public:
    explicit SlaRepository(Database &database)
        : m_database(database)
    {
    }

    Result<SlaConfig> load();

    // The category's targets (everywhere, or in one province). Each target is
    // positive and at most 30 days. Writes run inside the caller's transaction
    // (AdministrationService's).
    Result<void> savePolicy(const QString &category, const QString &province,
                            const SlaPolicy &policy);
    // Levels 1, 2, ... in order, each at a larger share of the resolution target.
    Result<void> saveLadder(const QList<EscalationRung> &ladder);

private:
    Database &m_database;
};

} // namespace fouad
