#include "sla/slapolicy.h"

namespace fouad {

SlaPolicy SlaPolicy::defaultFor(bool urgentCategory)
{
    constexpr qint64 Hour = 3600;
    SlaPolicy p;
    p.resolve = urgentCategory ? SlaTarget { 3 * Hour, true } : SlaTarget { 48 * Hour, false };
    p.acknowledge = p.resolve.scaled(0.5);
    p.verify = urgentCategory ? SlaTarget { 3 * Hour, true } : SlaTarget { 24 * Hour, false };
    return p;
}

const QList<EscalationRung> &EscalationRung::defaultLadder()
{
    static const QList<EscalationRung> ladder = {
        { 1, 0.5, true, QStringLiteral("agency manager") },
        { 2, 1.0, false, QStringLiteral("centre supervisor, provincial manager") },
        { 3, 2.0, false, QStringLiteral("inspection headquarters") },
    };
    return ladder;
}

} // namespace fouad
