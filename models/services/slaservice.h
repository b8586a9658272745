#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "sla/slaconfig.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// The escalation ladder at work: a sweep raises every open complaint to the
// level its resolution clock requires. Each level raised is one "escalated"
// event (reason "sla"), and never twice: the raise is a compare-and-set on the
// row inside a transaction, so concurrent sweeps (consoles, fouadctl) on either
// database agree.
class SlaService final
{
    Q_DECLARE_TR_FUNCTIONS(SlaService)

public:
    explicit SlaService(Database &database, const Clock &clock = Clock::system());

    struct Escalation
    {
        QString trackingCode;
        int level = 0;
    };

    // now: the instant to judge by (fouadctl sla sweep --now); invalid: the clock's.
    Result<QList<Escalation>> sweep(const QDateTime &now = {});

    // Reminders about breached complaints: one "reminder" event (to those the
    // complaint's ladder level notifies) every ReminderWorkingSecs of working
    // time, and only while the complaint's calendar is at work, never at night
    // or on a holiday. Returns the codes reminded.
    Result<QStringList> remind(const QDateTime &now = {});
    static constexpr qint64 ReminderWorkingSecs = 2 * 3600;
    Result<const SlaConfig *> config();

private:
    Database &m_database;
    const Clock &m_clock;
    std::shared_ptr<const SlaConfig> m_config; // the database's shared cache, checked before use
};

} // namespace fouad
