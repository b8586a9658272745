#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace fouad {

struct Category;

// One SLA target: how long, and whether only working time counts.
struct SlaTarget
{
    qint64 seconds = 0;
    bool working = true;

    SlaTarget scaled(double factor) const { return { qint64(double(seconds) * factor), working }; }
    friend bool operator==(const SlaTarget &, const SlaTarget &) = default;
};

// The three clocks' targets for a category (optionally a province).
struct SlaPolicy
{
    SlaTarget acknowledge;
    SlaTarget resolve;
    SlaTarget verify; // counted from the agency's resolution

    // DESIGN §3 and issue 4: urgent categories 3 working hours to resolve,
    // complex ones 48 wall-clock hours; acknowledgement half of that on the same
    // kind of clock; verification 3 working hours (urgent) or 24 wall-clock hours.
    // Migration 3 wrote these for every category, and a category without a
    // policy of its own falls back to them.
    static SlaPolicy defaultFor(bool urgentCategory);
    friend bool operator==(const SlaPolicy &, const SlaPolicy &) = default;
};

// A rung of the escalation ladder: once `fraction` of the resolution target has
// passed (measured from received_at on the resolution clock) the complaint is
// at least at `level`; with onlyIfUnacknowledged, only while the agency has not
// acknowledged it by then.
struct EscalationRung
{
    int level = 1;
    double fraction = 1.0;
    bool onlyIfUnacknowledged = false;
    QString notify; // who is told, for people: "agency manager", ...

    // DESIGN §3: the agency manager at half the target if unacknowledged, the
    // centre supervisor and provincial manager at the target, inspection
    // headquarters at twice it. A new database's ladder (migration 3) is this.
    static const QList<EscalationRung> &defaultLadder();
    friend bool operator==(const EscalationRung &, const EscalationRung &) = default;
};

} // namespace fouad
