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
    // fractionLeft: remaining over the whole target (wall-clock approximation).
    static Level level(qint64 remainingSeconds, double fractionLeft);
};

} // namespace fouad::ui
