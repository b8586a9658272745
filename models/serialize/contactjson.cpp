#include "serialize/contactjson.h"

using namespace Qt::StringLiterals;

namespace fouad::ContactJson {

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject toJson(const Contact &c)
{
    return { { u"id"_s, c.id },
             { u"agency"_s, orNull(c.agencyCode) },
             { u"province"_s, orNull(c.provinceCode) },
             { u"name"_s, c.name },
             { u"role"_s, code(c.role) },
             { u"phone"_s, orNull(c.phone) },
             { u"webhook"_s, orNull(c.webhook) } };
}

} // namespace fouad::ContactJson
