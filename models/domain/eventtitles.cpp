#include "domain/eventtitles.h"

#include "domain/workflow.h"

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

struct Entry
{
    const char16_t *code;
    const char *title;
};

constexpr Entry Reasons[] = {
    // Escalations: by the ladder's sweep, by hand, after a failed verification call.
    { u"sla", QT_TRANSLATE_NOOP("EventTitles", "SLA deadline reached") },
    { u"manual", QT_TRANSLATE_NOOP("EventTitles", "by hand") },
    { u"not_fixed", QT_TRANSLATE_NOOP("EventTitles", "not fixed") },
    // Verification call results.
    { u"confirmed", QT_TRANSLATE_NOOP("EventTitles", "fixed, confirmed by the citizen") },
    { u"unreachable", QT_TRANSLATE_NOOP("EventTitles", "citizen unreachable") },
};

} // namespace

QString EventTitles::eventTitle(const QString &type)
{
    if (type == QStringView(EventType::Registered))
        return tr("Registered");
    if (type == QStringView(EventType::Escalated))
        return tr("Escalated");
    if (type == QStringView(EventType::Reminder))
        return tr("Reminder sent");
    if (type == QStringView(EventType::NotificationAttemptFailed))
        return tr("Notification attempt failed");
    if (type == QStringView(EventType::NotificationDelivered))
        return tr("Notification delivered");
    if (type == QStringView(EventType::NotificationFailed))
        return tr("Notification failed");
    if (type == QStringView(EventType::NotificationRetried))
        return tr("Notification sent again on request");
    if (const auto action = actionFromCode(type))
        return title(*action);
    return type;
}

QString EventTitles::reasonTitle(const QString &reason)
{
    for (const Entry &e : Reasons) {
        if (reason == QStringView(e.code))
            return QCoreApplication::translate("EventTitles", e.title);
    }
    return reason;
}

QStringList EventTitles::eventTypes()
{
    QStringList types { QStringView(EventType::Registered).toString(),
                        QStringView(EventType::Escalated).toString(),
                        QStringView(EventType::Reminder).toString(),
                        QStringView(EventType::NotificationAttemptFailed).toString(),
                        QStringView(EventType::NotificationDelivered).toString(),
                        QStringView(EventType::NotificationFailed).toString(),
                        QStringView(EventType::NotificationRetried).toString() };
    for (Action action : allActions())
        types << code(action);
    return types;
}

QStringList EventTitles::reasonCodes()
{
    QStringList codes;
    for (const Entry &e : Reasons)
        codes << QStringView(e.code).toString();
    return codes;
}

} // namespace fouad
