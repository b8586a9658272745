#include "serialize/officejson.h"

using namespace Qt::StringLiterals;

namespace fouad::OfficeJson {

QJsonObject toJson(const Office &o)
{
    return { { u"code"_s, o.code },
             { u"agency"_s, o.agencyCode },
             { u"province"_s, o.provinceCode },
             { u"city"_s, o.cityCode.isEmpty() ? QJsonValue(QJsonValue::Null) : o.cityCode },
             { u"name"_s, o.name } };
}

} // namespace fouad::OfficeJson
