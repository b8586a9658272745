#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/complaint.h"
#include "domain/referencedata.h"

#include <QJsonObject>

#include <optional>

namespace fouad {

class Database;

// What a complaint's events tell people outside the centre (issue 9), written
// to the outbox in the transaction of those events: a committed referral always
// has its messages, a rolled-back one none. The dispatcher sends them later.
//  - a referral, and an escalation to level L (manual or the ladder's): the
//    agency's contacts of rolesNotified(L) for the complaint's province;
//  - registration, and closing: the citizen, through the centre's citizen_sms
//    gateway, if the citizen's phone is a mobile number.
// Messages are in Persian whatever the console's language: they are read by
// the agencies and by citizens.
class Outbox final
{
public:
    // catalog: the names for the agencies' summary line; null: read when needed.
    Outbox(Database &database, const Clock &clock, const ReferenceCatalog *catalog = nullptr);

    // How many messages were written. `complaint` as it is after `events`.
    Result<int> write(const Complaint &complaint, const QList<HistoryEvent> &events);

    // The level a referral or escalation event reaches (0: it notifies no agency).
    static int levelOf(const HistoryEvent &event);
    // The agency message: tracking_code, category, agency, province, status,
    // escalation_level, due_at, summary (one Persian line), and citizen {name,
    // phone, national_id} only if the citizen consented to share their identity.
    static QJsonObject agencyPayload(const Complaint &complaint, const ReferenceCatalog &catalog,
                                     const HistoryEvent &event);
    // The citizen's SMS: {"to": E.164, "text", "tracking_code"}; empty if the
    // phone is not a mobile number.
    static QJsonObject citizenPayload(const Complaint &complaint, const QString &text);
    static QString registeredText(const Complaint &complaint);
    static QString closedText(const Complaint &complaint);

private:
    Result<const ReferenceCatalog *> catalog();

    Database &m_database;
    const Clock &m_clock;
    const ReferenceCatalog *m_catalog;
    std::optional<ReferenceCatalog> m_loaded;
};

} // namespace fouad
