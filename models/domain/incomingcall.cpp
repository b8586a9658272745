#include "domain/incomingcall.h"

#include "domain/persiantext.h"

namespace fouad {

std::optional<QString> IncomingCall::normalizedExtension(const QString &input)
{
    const QString extension = PersianText::toLatinDigits(input.trimmed());
    if (extension.isEmpty() || extension.size() > 32)
        return std::nullopt;
    for (const QChar c : extension) {
        const bool allowed = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z')
            || (c >= u'A' && c <= u'Z') || c == u'.' || c == u'_' || c == u'-';
        if (!allowed)
            return std::nullopt;
    }
    return extension;
}

} // namespace fouad
