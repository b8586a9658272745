#include "telephony/telephonysettings.h"

#include "domain/incomingcall.h"

using namespace Qt::StringLiterals;

namespace fouad {

Result<TelephonySettings> TelephonySettings::checked(const QString &extension,
                                                     const QString &dialUrl)
{
    TelephonySettings s;
    if (!extension.trimmed().isEmpty()) {
        const auto ext = IncomingCall::normalizedExtension(extension);
        if (!ext)
            return Error::invalid(u"extension"_s,
                                  tr("An extension is 1 to 32 letters, digits, dots, dashes or "
                                     "underscores."));
        s.extension = *ext;
    }
    if (!dialUrl.trimmed().isEmpty()) {
        const QUrl url(dialUrl.trimmed(), QUrl::StrictMode);
        if (!isHttpAddress(url))
            return Error::invalid(u"dial_url"_s,
                                  tr("The telephony endpoint is an http:// or https:// address."));
        s.dialUrl = url;
    }
    return s;
}

bool TelephonySettings::isHttpAddress(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https")
        && !url.host().isEmpty();
}

} // namespace fouad
