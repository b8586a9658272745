#include "sla/slaconfig.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fouad {

void SlaConfig::setPolicy(const QString &category, const QString &province, const SlaPolicy &policy)
{
    if (province.isEmpty())
        m_byCategory.insert(category, policy);
    else
        m_byCategoryAndProvince.insert(category + u'/' + province, policy);
}

void SlaConfig::setCalendar(const QString &province, std::shared_ptr<const WorkCalendar> calendar)
{
    m_calendars.insert(province, std::move(calendar));
}

void SlaConfig::setChannelCalendar(const QString &channel,
                                   std::shared_ptr<const WorkCalendar> calendar)
{
    m_channelCalendars.insert(channel, std::move(calendar));
}

const WorkCalendar &SlaConfig::calendarFor(const Complaint &complaint) const
{
    if (const auto it = m_channelCalendars.constFind(code(complaint.channel));
        it != m_channelCalendars.cend() && *it)
        return **it;
    return calendarFor(complaint.provinceCode);
}

SlaPolicy SlaConfig::policyFor(const QString &category, const QString &province) const
{
    if (const auto it = m_byCategoryAndProvince.constFind(category + u'/' + province);
        it != m_byCategoryAndProvince.cend())
        return *it;
    // A category without a policy is treated as complex rather than left without a clock.
    return m_byCategory.value(category, SlaPolicy::defaultFor(false));
}

const WorkCalendar &SlaConfig::calendarFor(const QString &province) const
{
    if (const auto it = m_calendars.constFind(province); it != m_calendars.cend() && *it)
        return **it;
    return m_defaultCalendar ? *m_defaultCalendar : WorkCalendar::defaultCalendar();
}

int SlaConfig::topLevel() const
{
    int top = 0;
    for (const EscalationRung &r : m_ladder)
        top = std::max(top, r.level);
    return top;
}

qint64 SlaConfig::earliestEscalationSecs() const
{
    if (m_ladder.isEmpty())
        return 0;
    double fraction = m_ladder.constFirst().fraction;
    for (const EscalationRung &r : m_ladder)
        fraction = std::min(fraction, r.fraction);
    // A category without a policy of its own runs on the complex default (policyFor).
    qint64 shortest = SlaPolicy::defaultFor(false).resolve.seconds;
    for (const SlaPolicy &p : m_byCategory)
        shortest = std::min(shortest, p.resolve.seconds);
    for (const SlaPolicy &p : m_byCategoryAndProvince)
        shortest = std::min(shortest, p.resolve.seconds);
    return std::max<qint64>(0, qint64(double(shortest) * std::max(0.0, fraction)));
}

SlaEngine::Clocks SlaConfig::clocks(const Complaint &c, const QDateTime &now) const
{
    return SlaEngine::clocks(c, policyFor(c.categoryCode, c.provinceCode), calendarFor(c), now);
}

QDateTime SlaConfig::resolutionDue(const Complaint &c, const QDateTime &now) const
{
    const auto facts = SlaEngine::factsOf(c);
    return SlaEngine::due(c.receivedAt, policyFor(c.categoryCode, c.provinceCode).resolve,
                          calendarFor(c), facts.pauses, now);
}

void SlaConfig::settleResolution(Complaint &c) const
{
    const auto facts = SlaEngine::factsOf(c);
    c.resolvedAt = facts.resolvedAt;
    c.resolutionSeconds.reset();
    c.resolvedWithinTarget = false;
    if (facts.resolvedAt.isValid()) {
        const SlaTarget target = policyFor(c.categoryCode, c.provinceCode).resolve;
        const qint64 taken = SlaEngine::counted(c.receivedAt, facts.resolvedAt, target,
                                                calendarFor(c), facts.pauses);
        c.resolutionSeconds = taken;
        c.resolvedWithinTarget = taken <= target.seconds;
    }
    c.reopenCount = int(std::count_if(c.history.cbegin(), c.history.cend(),
                                      [](const HistoryEvent &e) { return e.type == u"reopen"; }));
}

int SlaConfig::requiredLevel(const Complaint &c, const QDateTime &now) const
{
    return SlaEngine::requiredLevel(c, policyFor(c.categoryCode, c.provinceCode), calendarFor(c),
                                    m_ladder, now);
}

QList<SlaEngine::FiredRung> SlaConfig::firedRungs(const Complaint &c, const QDateTime &now) const
{
    return SlaEngine::firedRungs(c, policyFor(c.categoryCode, c.provinceCode), calendarFor(c),
                                 m_ladder, now);
}

} // namespace fouad
