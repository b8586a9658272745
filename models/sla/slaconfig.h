#pragma once

#include "domain/complaint.h"
#include "sla/slaengine.h"
#include "sla/slapolicy.h"
#include "sla/workcalendar.h"

#include <QHash>

#include <memory>

namespace fouad {

// Everything the SLA engine needs about the centre: a policy per category
// (optionally per province), a calendar per province, the escalation ladder.
// Loaded from the database by SlaRepository.
class SlaConfig final
{
public:
    void setPolicy(const QString &category, const QString &province, const SlaPolicy &policy);
    void setCalendar(const QString &province, std::shared_ptr<const WorkCalendar> calendar);
    // A channel's calendar wins over the province's (the abroad line around the clock).
    void setChannelCalendar(const QString &channel, std::shared_ptr<const WorkCalendar> calendar);
    void setDefaultCalendar(std::shared_ptr<const WorkCalendar> calendar)
    {
        m_defaultCalendar = std::move(calendar);
    }
    void setLadder(QList<EscalationRung> ladder) { m_ladder = std::move(ladder); }

    SlaPolicy policyFor(const QString &category, const QString &province) const;
    const WorkCalendar &calendarFor(const QString &province) const;
    const WorkCalendar &calendarFor(const Complaint &complaint) const;
    const QList<EscalationRung> &ladder() const { return m_ladder; }
    int topLevel() const;
    // The least time, in wall-clock seconds from received_at, before any rung
    // can fire for any complaint: the smallest fraction of the shortest
    // resolution target (working time never runs faster than the wall clock).
    qint64 earliestEscalationSecs() const;

    // The complaint's clocks now, and the resolution due time they imply.
    SlaEngine::Clocks clocks(const Complaint &complaint, const QDateTime &now) const;
    QDateTime resolutionDue(const Complaint &complaint, const QDateTime &now) const;
    int requiredLevel(const Complaint &complaint, const QDateTime &now) const;
    QList<SlaEngine::FiredRung> firedRungs(const Complaint &complaint, const QDateTime &now) const;
    // Sets resolvedAt, resolutionSeconds, resolvedWithinTarget and reopenCount
    // from the complaint's history (every writer calls it before it writes).
    void settleResolution(Complaint &complaint) const;

private:
    QHash<QString, SlaPolicy> m_byCategory;
    QHash<QString, SlaPolicy> m_byCategoryAndProvince; // "category/province"
    QHash<QString, std::shared_ptr<const WorkCalendar>> m_calendars; // by province
    QHash<QString, std::shared_ptr<const WorkCalendar>> m_channelCalendars; // by channel code
    std::shared_ptr<const WorkCalendar> m_defaultCalendar;
    QList<EscalationRung> m_ladder;
};

} // namespace fouad
