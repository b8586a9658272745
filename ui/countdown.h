#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace fouad::ui {

// How a countdown reads and looks: "۰۲:۱۵:۰۹", "۱ روز ۰۳:۰۰:۰۰", "−۰۰:۱۲:۰۵" once
// breached. Plenty of time, under a fifth left, or breached.
struct Countdown
{
    enum class Level { Plenty, Close, Breached };

    static QString text(qint64 remainingSeconds, const QLocale &locale);
    // targetSeconds: the whole target, due − received (a wall-clock approximation);
    // "close" is the core's near breach (ResolutionClock::isNearBreach).
    static Level level(qint64 remainingSeconds, qint64 targetSeconds);
};

} // namespace fouad::ui
