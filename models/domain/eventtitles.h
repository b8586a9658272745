#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace fouad {

// The types of history event the core writes, beside one per action (code(Action)).
namespace EventType {
inline constexpr char16_t Registered[] = u"registered";
inline constexpr char16_t Escalated[] = u"escalated";
inline constexpr char16_t Reminder[] = u"reminder";
// The dispatcher's outcomes for one message of the outbox (actor "system").
inline constexpr char16_t NotificationAttemptFailed[] = u"notification_attempt_failed";
inline constexpr char16_t NotificationDelivered[] = u"notification_delivered";
inline constexpr char16_t NotificationFailed[] = u"notification_failed";
// A supervisor sent a failed message again (actor: that person).
inline constexpr char16_t NotificationRetried[] = u"notification_retried";
} // namespace EventType

// What people read for the codes stored in the history: an event's type and the
// codes its data carries (an escalation's reason, a verification call's result).
// One place, so that no view shows "reminder" or "sla" in a Persian window.
class EventTitles final
{
    Q_DECLARE_TR_FUNCTIONS(EventTitles)

public:
    // "Registered", an action's title, "Escalated", "Reminder sent"; an
    // unknown type (a newer console's) as it is stored.
    static QString eventTitle(const QString &type);
    // "sla" → "SLA deadline passed", "manual", "not_fixed", "confirmed",
    // "unreachable"; any other text (a reason someone typed) unchanged.
    static QString reasonTitle(const QString &reason);

    // Every event type the core writes.
    static QStringList eventTypes();
    // Every reason or result code the core writes into an event.
    static QStringList reasonCodes();
};

} // namespace fouad
