#include "serialize/complaintjson.h"

#include "domain/jalali.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fouad::ComplaintJson {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime &utc)
{
    return utc.isValid() ? QJsonValue(Jalali::toIsoTehran(utc)) : QJsonValue(QJsonValue::Null);
}

QJsonObject clocksJson(const SlaEngine::Clocks &clocks)
{
    auto clock = [](const SlaEngine::Clock &k) {
        return QJsonObject {
            { u"due_at"_s, timeOrNull(k.dueAt) },
            { u"remaining_seconds"_s,
              k.remainingSeconds ? QJsonValue(double(*k.remainingSeconds))
                                 : QJsonValue(QJsonValue::Null) },
            { u"state"_s, SlaEngine::code(k.state) },
        };
    };
    return { { u"acknowledge"_s, clock(clocks.acknowledge) },
             { u"resolve"_s, clock(clocks.resolve) },
             { u"verify"_s, clock(clocks.verify) } };
}

} // namespace

QJsonObject toJson(const HistoryEvent &event)
{
    QJsonObject o = event.data; // the action's own keys: note, reason, assignee, ...
    // A reminder's recipient was stored as "to" before it got its own key, and
    // "to" is the status the event led to.
    if (event.type == u"reminder" && o.contains(u"to") && !o.contains(u"recipient"))
        o[u"recipient"] = o.take(u"to");
    o[u"type"] = event.type;
    o[u"at"] = timeOrNull(event.at);
    o[u"actor"] = event.actor;
    o[u"from"] = textOrNull(event.fromStatus);
    o[u"to"] = textOrNull(event.toStatus);
    return o;
}

QJsonObject statusJson(const Complaint &c, const SlaEngine::Clocks &clocks)
{
    return {
        { u"tracking_code"_s, c.trackingCode },
        { u"status"_s, code(c.status) },
        { u"status_title"_s, persianTitle(c.status) },
        { u"sla"_s, clocksJson(clocks) },
        { u"sla_state"_s, SlaEngine::code(clocks.resolve.state) },
        { u"received_at"_s, timeOrNull(c.receivedAt) },
        { u"due_at"_s,
          timeOrNull(clocks.resolve.dueAt.isValid() ? clocks.resolve.dueAt : c.dueAt) },
        { u"channel"_s, code(c.channel) },
        { u"province"_s, c.provinceCode },
        { u"agency"_s, c.agencyCode },
        { u"city"_s, textOrNull(c.cityCode) },
        { u"office"_s, textOrNull(c.officeCode) },
        { u"category"_s, c.categoryCode },
        { u"priority"_s, code(c.priority) },
        { u"escalation_level"_s, c.escalationLevel },
        { u"outcome"_s, textOrNull(c.outcome) },
        { u"version"_s, c.version },
        { u"updated_at"_s, timeOrNull(c.updatedAt) },
        { u"merged_into"_s, textOrNull(c.mergedInto) },
        { u"closed_unverified"_s, c.closedUnverified },
    };
}

QJsonObject toJson(const Complaint &c, bool withHistory)
{
    QJsonObject citizen {
        { u"name"_s, c.citizen.name },
        { u"phone"_s, c.citizen.phone },
        { u"national_id"_s, textOrNull(c.citizen.nationalId) },
        { u"share_identity"_s, c.citizen.shareIdentity },
    };
    QJsonObject o {
        { u"tracking_code"_s, c.trackingCode },
        { u"status"_s, code(c.status) },
        { u"received_at"_s, timeOrNull(c.receivedAt) },
        { u"due_at"_s, timeOrNull(c.dueAt) },
        { u"channel"_s, code(c.channel) },
        { u"citizen"_s, citizen },
        { u"province"_s, c.provinceCode },
        { u"agency"_s, c.agencyCode },
        { u"category"_s, c.categoryCode },
        { u"priority"_s, code(c.priority) },
        { u"description"_s, c.description },
        { u"assignee"_s, textOrNull(c.assignee) },
        { u"escalation_level"_s, c.escalationLevel },
        { u"outcome"_s, textOrNull(c.outcome) },
        { u"satisfaction"_s,
          c.satisfaction ? QJsonValue(*c.satisfaction) : QJsonValue(QJsonValue::Null) },
        { u"version"_s, c.version },
        { u"created_by"_s, c.createdBy },
        { u"updated_at"_s, timeOrNull(c.updatedAt) },
        { u"inspector"_s, textOrNull(c.inspector) },
        { u"merged_into"_s, textOrNull(c.mergedInto) },
        { u"closed_unverified"_s, c.closedUnverified },
        { u"city"_s, textOrNull(c.cityCode) },
        { u"office"_s, textOrNull(c.officeCode) },
        { u"service_desk"_s, textOrNull(c.serviceDesk) },
    };
    if (withHistory) {
        o[u"merged_from"] = QJsonArray::fromStringList(c.mergedFrom);
        QJsonArray history;
        for (const HistoryEvent &event : c.history)
            history.append(toJson(event));
        o[u"history"] = history;
    }
    return o;
}

QJsonObject toJson(const Complaint &c, bool withHistory, const SlaEngine::Clocks &clocks)
{
    QJsonObject o = toJson(c, withHistory);
    o[u"sla"] = clocksJson(clocks);
    if (clocks.resolve.dueAt.isValid())
        o[u"due_at"] = timeOrNull(clocks.resolve.dueAt);
    return o;
}

} // namespace fouad::ComplaintJson
