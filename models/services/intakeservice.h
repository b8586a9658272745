#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/complaint.h"
#include "domain/complaintdraft.h"
#include "domain/referencedata.h"
#include "sla/slaconfig.h"
#include "storage/complaintrepository.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// Registering a complaint, the same for the intake form and `fouadctl complaint add`:
// who may register, validation and normalisation, the deadline, then one
// durable transaction.
class IntakeService final
{
    Q_DECLARE_TR_FUNCTIONS(IntakeService)

public:
    IntakeService(Database &database, ReferenceCatalog catalog,
                  const Clock &clock = Clock::system());

    // actorName empty: registered by "system" (integrations). Otherwise the user
    // must exist (NotFound) and be an operator or supervisor (Forbidden). A draft
    // whose clientKey was registered before gives the complaint made then.
    Result<Complaint> registerComplaint(const ComplaintDraft &draft, const QString &actorName = {});

    // Complaints from this phone about this agency in the last 24 hours; the form
    // warns about a possible duplicate but never refuses one.
    Result<qint64> recentFromSamePhone(const QString &phone, const QString &agencyCode);

    const ReferenceCatalog &catalog() const { return m_catalog; }
    const Clock &clock() const { return m_clock; }

private:
    Database &m_database;
    const ReferenceCatalog m_catalog; // a copy: cheap (implicitly shared), never dangling
    const Clock &m_clock;
    ComplaintRepository m_complaints;
    std::shared_ptr<const SlaConfig> m_sla; // the database's shared cache, checked before use
};

} // namespace fouad
