#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace fouad {

// A complaint as typed or received, before validation: the intake form and
// `fouadctl complaint add` both fill one of these and hand it to IntakeService.
struct ComplaintDraft
{
    QString channel;
    QString citizenName;
    QString phone;
    QString nationalId; // empty: not given
    bool shareIdentity = false;
    QString province;
    QString agency;
    QString category;
    QString priority;
    QString description;
    std::optional<QDateTime> receivedAt; // empty: now
};

} // namespace fouad
