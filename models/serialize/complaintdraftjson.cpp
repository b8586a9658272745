#include "serialize/complaintdraftjson.h"

#include "domain/jalali.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace fouad::ComplaintJson {

namespace {

// Reads one text member; absent and null are "not given", anything but a string is an error.
std::optional<Error> readText(const QJsonObject &object, const QString &key, const QString &field,
                              QString *out)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        return Error::invalid(field, u"must be a string"_s);
    *out = v.toString();
    return std::nullopt;
}

} // namespace

Result<ComplaintDraft> draftFromJson(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalid(u"json"_s,
                              u"malformed JSON at offset %1: %2"_s.arg(parseError.offset)
                                  .arg(parseError.errorString()));
    if (!doc.isObject())
        return Error::invalid(u"json"_s, u"expected a JSON object"_s);
    const QJsonObject o = doc.object();

    // Required keys first, named as in the input, in the order of the form.
    const QString required[] = { u"channel"_s,  u"citizen"_s,  u"province"_s,   u"agency"_s,
                                 u"category"_s, u"priority"_s, u"description"_s };
    for (const QString &key : required) {
        if (!o.contains(key) || o.value(key).isNull())
            return Error::invalid(key, u"required"_s);
    }
    if (!o.value(u"citizen").isObject())
        return Error::invalid(u"citizen"_s,
                              u"must be an object with name, phone, national_id, share_identity"_s);
    const QJsonObject citizen = o.value(u"citizen").toObject();
    for (const QString &key : { u"name"_s, u"phone"_s }) {
        if (!citizen.contains(key) || citizen.value(key).isNull())
            return Error::invalid(u"citizen."_s + key, u"required"_s);
    }

    ComplaintDraft d;
    const std::tuple<const QJsonObject *, QString, QString, QString *> texts[] = {
        { &o, u"channel"_s, u"channel"_s, &d.channel },
        { &citizen, u"name"_s, u"citizen.name"_s, &d.citizenName },
        { &citizen, u"phone"_s, u"citizen.phone"_s, &d.phone },
        { &citizen, u"national_id"_s, u"citizen.national_id"_s, &d.nationalId },
        { &o, u"province"_s, u"province"_s, &d.province },
        { &o, u"agency"_s, u"agency"_s, &d.agency },
        { &o, u"category"_s, u"category"_s, &d.category },
        { &o, u"priority"_s, u"priority"_s, &d.priority },
        { &o, u"description"_s, u"description"_s, &d.description },
        { &o, u"city"_s, u"city"_s, &d.city },
        { &o, u"office"_s, u"office"_s, &d.office },
        { &o, u"service_desk"_s, u"service_desk"_s, &d.serviceDesk },
    };
    for (const auto &[object, key, field, target] : texts) {
        if (auto error = readText(*object, key, field, target))
            return *error;
    }
    const QJsonValue share = citizen.value(u"share_identity");
    if (!share.isUndefined() && !share.isNull()) {
        if (!share.isBool())
            return Error::invalid(u"citizen.share_identity"_s, u"must be true or false"_s);
        d.shareIdentity = share.toBool();
    }
    QString receivedAt;
    if (auto error = readText(o, u"received_at"_s, u"received_at"_s, &receivedAt))
        return *error;
    if (!receivedAt.isEmpty()) {
        const auto parsed = Jalali::parseIsoWithOffset(receivedAt);
        if (!parsed)
            return Error::invalid(u"received_at"_s,
                                  u"expected ISO 8601 with an offset, "
                                  "such as 2026-11-22T11:00:00+03:30"_s);
        d.receivedAt = *parsed;
    }
    if (auto error = readText(o, u"client_key"_s, u"client_key"_s, &d.clientKey))
        return *error;
    if (o.contains(u"client_key") && !o.value(u"client_key").isNull()
        && !isValidClientKey(d.clientKey))
        return Error::invalid(
            u"client_key"_s,
            u"expected 1 to %1 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'"_s.arg(
                MaxClientKeyLength));
    return d;
}

QByteArray draftToJson(const ComplaintDraft &d)
{
    QJsonObject o {
        { u"channel"_s, d.channel },
        { u"citizen"_s,
          QJsonObject { { u"name"_s, d.citizenName },
                        { u"phone"_s, d.phone },
                        { u"national_id"_s, d.nationalId },
                        { u"share_identity"_s, d.shareIdentity } } },
        { u"province"_s, d.province },
        { u"agency"_s, d.agency },
        { u"category"_s, d.category },
        { u"priority"_s, d.priority },
        { u"description"_s, d.description },
    };
    for (const auto &[key, value] :
         { std::pair { u"city"_s, &d.city }, std::pair { u"office"_s, &d.office },
           std::pair { u"service_desk"_s, &d.serviceDesk } }) {
        if (!value->isEmpty())
            o.insert(key, *value);
    }
    if (!d.clientKey.isEmpty())
        o.insert(u"client_key"_s, d.clientKey);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace fouad::ComplaintJson
