#include "notify/outbox.h"

#include "domain/contact.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "storage/contactrepository.h"
#include "storage/outboxrepository.h"
#include "storage/referencerepository.h"

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

QString outcomeText(const QString &outcome)
{
    if (outcome == u"founded")
        return u"شکایت شما وارد دانسته شد و رسیدگی انجام شد"_s;
    if (outcome == u"partly_founded")
        return u"شکایت شما تا اندازه‌ای وارد دانسته شد"_s;
    if (outcome == u"unfounded")
        return u"شکایت شما پس از بررسی وارد دانسته نشد"_s;
    return u"رسیدگی به شکایت شما پایان یافت"_s;
}

} // namespace

Outbox::Outbox(Database &database, const Clock &clock, const ReferenceCatalog *catalog)
    : m_database(database)
    , m_clock(clock)
    , m_catalog(catalog)
{
}

Result<const ReferenceCatalog *> Outbox::catalog()
{
    if (m_catalog)
        return m_catalog;
    auto loaded = ReferenceRepository(m_database).load();
    if (!loaded)
        return loaded.error();
    m_loaded = std::move(loaded).value();
    m_catalog = &*m_loaded;
    return m_catalog;
}

int Outbox::levelOf(const HistoryEvent &event)
{
    if (event.type == u"refer")
        return 1;
    if (event.type == u"escalated")
        return std::max(1, event.data.value(u"level").toInt());
    return 0;
}

QJsonObject Outbox::agencyPayload(const Complaint &c, const ReferenceCatalog &catalog,
                                  const HistoryEvent &event)
{
    const Category *category = catalog.category(c.categoryCode);
    const Agency *agency = catalog.agency(c.agencyCode);
    const Province *province = catalog.province(c.provinceCode);
    // Names from the catalogue only: the description is the citizen's own words,
    // which may name them.
    const QString what = event.type == u"refer"
        ? u"ارجاع شکایت %1"_s.arg(c.trackingCode)
        : u"پیگیری سطح %1 شکایت %2"_s.arg(QString::number(levelOf(event)), c.trackingCode);
    const QString summary = PersianText::toPersianDigits(u"%1: «%2» از %3، استان %4"_s.arg(
        what, category ? category->name : c.categoryCode, agency ? agency->name : c.agencyCode,
        province ? province->name : c.provinceCode));
    QJsonObject o {
        { u"tracking_code"_s, c.trackingCode },
        { u"category"_s, c.categoryCode },
        { u"agency"_s, c.agencyCode },
        { u"province"_s, c.provinceCode },
        { u"status"_s, code(c.status) },
        { u"escalation_level"_s, c.escalationLevel },
        { u"due_at"_s,
          c.dueAt.isValid() ? QJsonValue(Jalali::toIsoTehran(c.dueAt))
                            : QJsonValue(QJsonValue::Null) },
        { u"summary"_s, summary },
    };
    if (c.citizen.shareIdentity) {
        const auto phone = PhoneNumber::parse(c.citizen.phone);
        o.insert(
            u"citizen"_s,
            QJsonObject { { u"name"_s, c.citizen.name },
                          { u"phone"_s, phone ? phone->e164() : c.citizen.phone },
                          { u"national_id"_s,
                            c.citizen.nationalId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(c.citizen.nationalId) } });
    }
    return o;
}

QJsonObject Outbox::citizenPayload(const Complaint &c, const QString &text)
{
    const auto phone = PhoneNumber::parse(c.citizen.phone);
    if (!phone || !phone->isMobile())
        return {};
    return { { u"to"_s, phone->e164() },
             { u"text"_s, text },
             { u"tracking_code"_s, c.trackingCode } };
}

QString Outbox::registeredText(const Complaint &c)
{
    return PersianText::toPersianDigits(
        u"شکایت شما در سامانه ۱۲۸ (فواد) ثبت شد. کد رهگیری: %1"_s.arg(c.trackingCode));
}

QString Outbox::closedText(const Complaint &c)
{
    return PersianText::toPersianDigits(
        u"شکایت %1 بسته شد: %2. سامانه ۱۲۸ (فواد)"_s.arg(c.trackingCode, outcomeText(c.outcome)));
}

Result<int> Outbox::write(const Complaint &c, const QList<HistoryEvent> &events)
{
    ContactRepository contacts(m_database);
    OutboxRepository outbox(m_database);
    const QDateTime now = m_clock.nowUtc();
    int written = 0;
    auto send = [&](const Contact &to, const QJsonObject &payload) -> Result<void> {
        auto added = outbox.append({ c.id, to.id, to.name, to.webhook, payload }, now);
        if (!added)
            return added.error();
        ++written;
        return {};
    };
    auto toCitizen = [&](const QString &text) -> Result<void> {
        const QJsonObject payload = citizenPayload(c, text);
        if (payload.isEmpty())
            return {};
        auto gateways = contacts.recipients({}, c.provinceCode, { ContactRole::CitizenSms });
        if (!gateways)
            return gateways.error();
        for (const Contact &gateway : gateways.value()) {
            if (auto sent = send(gateway, payload); !sent)
                return sent;
        }
        return {};
    };
    for (const HistoryEvent &event : events) {
        if (event.type == u"registered") {
            if (auto sent = toCitizen(registeredText(c)); !sent)
                return sent.error();
        }
        if (const int level = levelOf(event); level > 0) {
            auto to = contacts.recipients(c.agencyCode, c.provinceCode, rolesNotified(level));
            if (!to)
                return to.error();
            if (to->isEmpty())
                continue;
            auto names = catalog();
            if (!names)
                return names.error();
            const QJsonObject payload = agencyPayload(c, *names.value(), event);
            for (const Contact &contact : to.value()) {
                if (auto sent = send(contact, payload); !sent)
                    return sent.error();
            }
        }
        if (event.toStatus == code(Status::Closed) && event.fromStatus != code(Status::Closed)) {
            if (auto sent = toCitizen(closedText(c)); !sent)
                return sent.error();
        }
    }
    return written;
}

} // namespace fouad
