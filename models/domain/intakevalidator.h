#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/complaint.h"
#include "domain/complaintdraft.h"
#include "domain/referencedata.h"

#include <QCoreApplication>

#include <optional>

namespace fouad {

// The intake rules, in one place: which fields are required, what each accepts,
// and how it is normalised. The form checks field by field as the operator types;
// IntakeService and fouadctl check the whole draft before anything is written.
class IntakeValidator final
{
    Q_DECLARE_TR_FUNCTIONS(IntakeValidator)

public:
    enum class Field {
        Channel,
        CitizenName,
        Phone,
        NationalId,
        Province,
        Agency,
        City,
        Office,
        ServiceDesk,
        Category,
        Priority,
        Description,
        ReceivedAt,
    };

    IntakeValidator(ReferenceCatalog catalog, const Clock &clock);

    // The field's name in fouadctl's JSON: "citizen.phone".
    static QString fieldName(Field field);

    // Checks one typed value; an Error names the field and says why.
    std::optional<Error> check(Field field, const QString &value) const;
    std::optional<Error> checkReceivedAt(const std::optional<QDateTime> &receivedAt) const;
    // Where it happened, against the complaint's province and agency (each part
    // optional): a city of that province; an office of that agency in that
    // province and, when the office is in a city, that city.
    std::optional<Error> checkPlace(const QString &province, const QString &agency,
                                    const QString &city, const QString &office) const;

    // The whole draft, normalised into a complaint ready to register (no code yet),
    // or the first problem in the order of the form.
    Result<Complaint> validate(const ComplaintDraft &draft) const;

    static constexpr int MaxNameLength = 200;
    static constexpr int MaxDescriptionLength = 4000;
    static constexpr int MaxServiceDeskLength = 200;

private:
    const ReferenceCatalog m_catalog; // a copy: implicitly shared, never dangling
    const Clock &m_clock;
};

} // namespace fouad
