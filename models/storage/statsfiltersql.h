#pragma once

#include "stats/keyfigures.h"

#include <QString>
#include <QVariantList>

namespace fouad {

// The WHERE clause of a StatsFilter, its values bound in order: received_at in
// [from, to), then the province, agency, office, category and channel given.
// Figures and report rows select with it, so a report lists exactly the
// complaints its figures count.
struct StatsFilterSql
{
    QString where; // " WHERE …", or empty for every complaint
    QVariantList values;

    static StatsFilterSql of(const StatsFilter &filter);
};

} // namespace fouad
