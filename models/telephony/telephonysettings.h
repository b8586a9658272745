#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace fouad {

// What the console at one desk knows of its telephone (issue 9): the operator's
// extension, on which calls pop, and the centre's telephony endpoint that dials
// a citizen from that extension (click to call). Both are optional: without an
// extension nothing pops, without an endpoint nothing dials.
struct TelephonySettings
{
    Q_DECLARE_TR_FUNCTIONS(TelephonySettings)

public:
    QString extension;
    QUrl dialUrl;

    bool popsCalls() const { return !extension.isEmpty(); }
    bool dials() const { return !extension.isEmpty() && dialUrl.isValid(); }

    // From what was typed: the extension as IncomingCall::normalizedExtension
    // (field "extension"), the endpoint an http:// or https:// address (field
    // "dial_url"); either may be empty.
    static Result<TelephonySettings> checked(const QString &extension, const QString &dialUrl);
    // http:// or https:// with a host: a webhook, a telephony endpoint.
    static bool isHttpAddress(const QUrl &url);
};

} // namespace fouad
