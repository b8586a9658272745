#include "services/intakeservice.h"

#include "domain/intakevalidator.h"
#include "domain/phonenumber.h"
#include "domain/workflow.h"
#include "notify/outbox.h"
#include "storage/database.h"
#include "storage/slaconfigcache.h"
#include "storage/userrepository.h"

using namespace Qt::StringLiterals;

namespace fouad {

IntakeService::IntakeService(Database &database, ReferenceCatalog catalog, const Clock &clock)
    : m_database(database)
    , m_catalog(std::move(catalog))
    , m_clock(clock)
    , m_complaints(database)
{
}

Result<Complaint> IntakeService::registerComplaint(const ComplaintDraft &draft,
                                                   const QString &actorName)
{
    QString actor = QStringView(SystemActor).toString();
    if (!actorName.isEmpty()) {
        UserRepository users(m_database);
        const auto user = users.find(actorName);
        if (!user)
            return Error { user.error().kind, u"--as"_s, user.error().message };
        if (!Workflow::mayRegister(*user))
            return Error::forbidden(
                tr("%1 is %2: only operators and supervisors register complaints.")
                    .arg(user->name, title(user->role)));
        actor = user->name;
    }

    if (!draft.clientKey.isEmpty() && !isValidClientKey(draft.clientKey))
        return Error::invalid(u"client_key"_s, tr("The client key is malformed."));
    auto validated = IntakeValidator(m_catalog, m_clock).validate(draft);
    if (!validated)
        return validated.error();
    Complaint complaint = std::move(validated).value();
    complaint.clientKey = draft.clientKey;
    auto sla = m_database.slaConfig().get();
    if (!sla)
        return sla.error();
    m_sla = std::move(sla).value();
    // The resolution clock's due time, on the province's calendar.
    complaint.dueAt = m_sla->resolutionDue(complaint, complaint.receivedAt);
    // The citizen's SMS with the tracking code: in the registration's transaction.
    Outbox outbox(m_database, m_clock, &m_catalog);
    return m_complaints.registerComplaint(
        std::move(complaint), actor, [&outbox](const Complaint &registered) -> Result<void> {
            auto written = outbox.write(registered, registered.history);
            if (!written)
                return written.error();
            return {};
        });
}

Result<qint64> IntakeService::recentFromSamePhone(const QString &phone, const QString &agencyCode)
{
    const auto parsed = PhoneNumber::parse(phone);
    if (!parsed || agencyCode.isEmpty())
        return qint64(0);
    return m_complaints.countRecent(parsed->e164(), agencyCode,
                                    m_clock.nowUtc().addSecs(-24 * 60 * 60));
}

} // namespace fouad
