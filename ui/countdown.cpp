#include "countdown.h"

#include "domain/persiantext.h"
#include "sla/resolutionclock.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fouad::ui {

QString Countdown::text(qint64 remainingSeconds, const QLocale &locale)
{
    const bool negative = remainingSeconds < 0;
    qint64 s = negative ? -remainingSeconds : remainingSeconds;
    const qint64 days = s / 86400;
    s %= 86400;
    const QString clock = u"%1:%2:%3"_s.arg(s / 3600, 2, 10, QChar(u'0'))
                              .arg((s % 3600) / 60, 2, 10, QChar(u'0'))
                              .arg(s % 60, 2, 10, QChar(u'0'));
    QString out = days > 0
        ? QCoreApplication::translate("fouad::ui::Countdown", "%1 d %2").arg(days).arg(clock)
        : clock;
    if (negative)
        out.prepend(QChar(0x2212)); // a real minus sign
    return PersianText::localizeDigits(out, locale);
}

Countdown::Level Countdown::level(qint64 remainingSeconds, qint64 targetSeconds)
{
    if (remainingSeconds < 0)
        return Level::Breached;
    return ResolutionClock::isNearBreach(remainingSeconds, targetSeconds) ? Level::Close
                                                                          : Level::Plenty;
}

} // namespace fouad::ui
