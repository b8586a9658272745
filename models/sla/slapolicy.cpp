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

} // namespace fouad
