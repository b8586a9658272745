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
    // Where it happened, each optional (empty: not given): codes of a city of the
    // province and of an office of the agency there, and the service or desk named.
    QString city;
    QString office;
    QString serviceDesk;
    std::optional<QDateTime> receivedAt; // empty: now
    // Made by the client once per complaint and kept across its retries: a save
    // repeated with the same key returns the complaint already made. Empty: none.
    QString clientKey;
};

// A client key: 1 to MaxClientKeyLength of A-Z a-z 0-9 . _ : - (a UUID fits).
inline constexpr qsizetype MaxClientKeyLength = 100;
inline bool isValidClientKey(const QString &key)
{
    if (key.isEmpty() || key.size() > MaxClientKeyLength)
        return false;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u':' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace fouad
