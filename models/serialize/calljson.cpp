#include "serialize/calljson.h"

#include "domain/jalali.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fouad::CallJson {

QJsonObject toJson(const IncomingCall &call)
{
    QJsonArray complaints;
    for (const CallerComplaint &c : call.complaints) {
        complaints.append(QJsonObject { { u"tracking_code"_s, c.trackingCode },
                                        { u"status"_s, code(c.status) },
                                        { u"received_at"_s, Jalali::toIsoTehran(c.receivedAt) } });
    }
    return {
        { u"extension"_s, call.extension },
        { u"caller"_s, call.caller },
        { u"code"_s,
          call.keyedCode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(call.keyedCode) },
        { u"rang_at"_s, Jalali::toIsoTehran(call.rangAt) },
        { u"complaints"_s, complaints },
    };
}

} // namespace fouad::CallJson
