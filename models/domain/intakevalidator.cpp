#include "domain/intakevalidator.h"

#include "domain/jalali.h"
#include "domain/nationalid.h"
#include "domain/persiantext.h"
#include "domain/phonenumber.h"

using namespace Qt::StringLiterals;

namespace fouad {

IntakeValidator::IntakeValidator(ReferenceCatalog catalog, const Clock &clock)
    : m_catalog(std::move(catalog))
    , m_clock(clock)
{
}

QString IntakeValidator::fieldName(Field field)
{
    switch (field) {
    case Field::Channel:
        return u"channel"_s;
    case Field::CitizenName:
        return u"citizen.name"_s;
    case Field::Phone:
        return u"citizen.phone"_s;
    case Field::NationalId:
        return u"citizen.national_id"_s;
    case Field::Province:
        return u"province"_s;
    case Field::Agency:
        return u"agency"_s;
    case Field::City:
        return u"city"_s;
    case Field::Office:
        return u"office"_s;
    case Field::ServiceDesk:
        return u"service_desk"_s;
    case Field::Category:
        return u"category"_s;
    case Field::Priority:
        return u"priority"_s;
    case Field::Description:
        return u"description"_s;
    case Field::ReceivedAt:
        return u"received_at"_s;
    }
    Q_UNREACHABLE();
}

std::optional<Error> IntakeValidator::check(Field field, const QString &value) const
{
    const QString name = fieldName(field);
    const QString trimmed = value.trimmed();
    auto invalid = [&](const QString &message) {
        return Error::invalid(name, message);
    };

    switch (field) {
    case Field::Channel:
        if (trimmed.isEmpty())
            return invalid(tr("Choose the channel the complaint came in on."));
        if (!channelFromCode(trimmed))
            return invalid(
                tr("Unknown channel \"%1\"; expected one of: %2.").arg(trimmed, channelCodes()));
        return std::nullopt;
    case Field::CitizenName: {
        const QString normalized = PersianText::normalize(value);
        if (normalized.isEmpty())
            return invalid(tr("Enter the citizen's name."));
        if (normalized.size() > MaxNameLength)
            return invalid(tr("The name is longer than %1 characters.").arg(MaxNameLength));
        bool hasLetter = false;
        for (const QChar c : normalized)
            hasLetter = hasLetter || c.isLetter();
        if (!hasLetter)
            return invalid(tr("The name must contain letters."));
        return std::nullopt;
    }
    case Field::Phone:
        if (trimmed.isEmpty())
            return invalid(tr("Enter a phone number to call the citizen back on."));
        if (!PhoneNumber::parse(value))
            return invalid(tr("Not a valid Iranian phone number: a mobile is 09 and 9 more digits, "
                              "a landline 0, a two-digit area code and 8 digits."));
        return std::nullopt;
    case Field::NationalId:
        if (trimmed.isEmpty())
            return std::nullopt; // optional
        if (!NationalId::isValid(value))
            return invalid(
                tr("Not a valid national ID: it has 10 digits and the last is a check digit."));
        return std::nullopt;
    case Field::Province:
        if (trimmed.isEmpty())
            return invalid(tr("Choose the province."));
        if (!m_catalog.province(trimmed))
            return invalid(tr("Unknown province \"%1\".").arg(trimmed));
        return std::nullopt;
    case Field::Agency:
        if (trimmed.isEmpty())
            return invalid(tr("Choose the agency complained about."));
        if (!m_catalog.agency(trimmed))
            return invalid(tr("Unknown agency \"%1\".").arg(trimmed));
        return std::nullopt;
    case Field::City:
        if (trimmed.isEmpty())
            return std::nullopt; // optional
        if (!m_catalog.city(trimmed))
            return invalid(tr("Unknown city \"%1\".").arg(trimmed));
        return std::nullopt;
    case Field::Office:
        if (trimmed.isEmpty())
            return std::nullopt; // optional
        if (!m_catalog.office(trimmed))
            return invalid(tr("Unknown office \"%1\".").arg(trimmed));
        return std::nullopt;
    case Field::ServiceDesk:
        if (PersianText::normalize(value).size() > MaxServiceDeskLength)
            return invalid(
                tr("The service or desk is longer than %1 characters.").arg(MaxServiceDeskLength));
        return std::nullopt;
    case Field::Category:
        if (trimmed.isEmpty())
            return invalid(tr("Choose the category."));
        if (!m_catalog.category(trimmed))
            return invalid(tr("Unknown category \"%1\".").arg(trimmed));
        return std::nullopt;
    case Field::Priority:
        if (trimmed.isEmpty())
            return invalid(tr("Choose the priority."));
        if (!priorityFromCode(trimmed))
            return invalid(
                tr("Unknown priority \"%1\"; expected one of: %2.").arg(trimmed, priorityCodes()));
        return std::nullopt;
    case Field::Description: {
        const QString normalized = PersianText::normalize(value);
        if (normalized.isEmpty())
            return invalid(tr("Describe what happened."));
        if (normalized.size() > MaxDescriptionLength)
            return invalid(
                tr("The description is longer than %1 characters.").arg(MaxDescriptionLength));
        return std::nullopt;
    }
    case Field::ReceivedAt:
        if (trimmed.isEmpty())
            return std::nullopt;
        {
            const auto parsed = Jalali::parseIsoWithOffset(trimmed);
            if (!parsed)
                return invalid(
                    tr("Not an ISO 8601 time with an offset, such as 2026-11-22T11:00:00+03:30."));
            return checkReceivedAt(parsed);
        }
    }
    Q_UNREACHABLE();
}

std::optional<Error>
IntakeValidator::checkReceivedAt(const std::optional<QDateTime> &receivedAt) const
{
    if (!receivedAt)
        return std::nullopt;
    if (!receivedAt->isValid())
        return Error::invalid(fieldName(Field::ReceivedAt),
                              tr("The received time is not a valid time."));
    // A little tolerance for clocks of integrations that run slightly ahead.
    if (*receivedAt > m_clock.nowUtc().addSecs(5 * 60))
        return Error::invalid(fieldName(Field::ReceivedAt),
                              tr("The received time is in the future."));
    return std::nullopt;
}

std::optional<Error> IntakeValidator::checkPlace(const QString &province, const QString &agency,
                                                 const QString &city, const QString &office) const
{
    const City *c = m_catalog.city(city.trimmed());
    if (c && c->provinceCode != province.trimmed()) {
        const Province *p = m_catalog.province(province.trimmed());
        return Error::invalid(
            fieldName(Field::City),
            tr("%1 is not a city of %2.").arg(localizedName(*c), p ? localizedName(*p) : province));
    }
    const Office *o = m_catalog.office(office.trimmed());
    if (!o)
        return std::nullopt;
    if (o->agencyCode != agency.trimmed() || o->provinceCode != province.trimmed())
        return Error::invalid(fieldName(Field::Office),
                              tr("%1 is not an office of the chosen agency in the chosen "
                                 "province.")
                                  .arg(o->name));
    if (c && !o->cityCode.isEmpty() && o->cityCode != c->code) {
        const City *officeCity = m_catalog.city(o->cityCode);
        return Error::invalid(fieldName(Field::Office),
                              tr("%1 is in %2, not in %3.")
                                  .arg(o->name,
                                       officeCity ? localizedName(*officeCity) : o->cityCode,
                                       localizedName(*c)));
    }
    return std::nullopt;
}

Result<Complaint> IntakeValidator::validate(const ComplaintDraft &draft) const
{
    const std::pair<Field, const QString *> fields[] = {
        { Field::Channel, &draft.channel },
        { Field::CitizenName, &draft.citizenName },
        { Field::Phone, &draft.phone },
        { Field::NationalId, &draft.nationalId },
        { Field::Province, &draft.province },
        { Field::Agency, &draft.agency },
        { Field::City, &draft.city },
        { Field::Office, &draft.office },
        { Field::ServiceDesk, &draft.serviceDesk },
        { Field::Category, &draft.category },
        { Field::Priority, &draft.priority },
        { Field::Description, &draft.description },
    };
    for (const auto &[field, value] : fields) {
        if (auto error = check(field, *value))
            return *error;
        // Province, agency, city and office each known: do they go together?
        if (field == Field::Office) {
            if (auto error = checkPlace(draft.province, draft.agency, draft.city, draft.office))
                return *error;
        }
    }
    if (auto error = checkReceivedAt(draft.receivedAt))
        return *error;

    Complaint c;
    c.channel = *channelFromCode(draft.channel.trimmed());
    c.citizen.name = PersianText::normalize(draft.citizenName);
    c.citizen.phone = PhoneNumber::parse(draft.phone)->e164();
    c.citizen.nationalId = NationalId::normalized(draft.nationalId).value_or(QString());
    c.citizen.shareIdentity = draft.shareIdentity;
    c.provinceCode = draft.province.trimmed();
    c.agencyCode = draft.agency.trimmed();
    c.categoryCode = draft.category.trimmed();
    c.officeCode = draft.office.trimmed();
    c.cityCode = draft.city.trimmed();
    if (const Office *office = m_catalog.office(c.officeCode); office && c.cityCode.isEmpty())
        c.cityCode = office->cityCode; // the office's city is where it happened
    c.serviceDesk = PersianText::normalize(draft.serviceDesk);
    c.priority = *priorityFromCode(draft.priority.trimmed());
    c.description = PersianText::normalize(draft.description);
    c.receivedAt = draft.receivedAt.value_or(m_clock.nowUtc()).toUTC();
    c.status = Status::Registered;
    return c;
}

} // namespace fouad
