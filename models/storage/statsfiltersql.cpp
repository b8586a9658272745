#include "storage/statsfiltersql.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fouad {

StatsFilterSql StatsFilterSql::of(const StatsFilter &filter)
{
    StatsFilterSql sql;
    QStringList conditions;
    if (filter.from) {
        conditions << u"received_at >= ?"_s;
        sql.values << filter.from->toMSecsSinceEpoch();
    }
    if (filter.to) {
        conditions << u"received_at < ?"_s;
        sql.values << filter.to->toMSecsSinceEpoch();
    }
    const std::pair<QString, QString> equal[] = {
        { u"province_code"_s, filter.province }, { u"agency_code"_s, filter.agency },
        { u"office_code"_s, filter.office },     { u"category_code"_s, filter.category },
        { u"channel"_s, filter.channel },
    };
    for (const auto &[column, value] : equal) {
        if (!value.isEmpty()) {
            conditions << column + u" = ?"_s;
            sql.values << value;
        }
    }
    if (!conditions.isEmpty())
        sql.where = u" WHERE "_s + conditions.join(u" AND "_s);
    return sql;
}

} // namespace fouad
