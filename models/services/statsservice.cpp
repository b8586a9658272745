#include "services/statsservice.h"

#include "domain/jalali.h"
#include "storage/database.h"
#include "storage/statsrepository.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

using Measures = StatsRepository::Measures;

std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
}

ScorecardRow rowOf(const Measures &m)
{
    ScorecardRow r;
    r.complaints = m.complaints;
    r.foundedShare = ratio(m.founded, m.outcomes);
    r.slaCompliance = ratio(m.withinTarget, m.resolved);
    r.averageResolutionSeconds = ratio(m.resolutionSeconds, m.resolved);
    r.reopenRate = ratio(m.reopened, m.everClosed);
    r.averageSatisfaction = ratio(m.satisfactionSum, m.satisfactionCount);
    return r;
}

GroupFigures groupOf(const QString &code, const Measures &m)
{
    return { code, m.complaints, m.open, m.resolved, ratio(m.withinTarget, m.resolved) };
}

// Ranked by score (best first; ties: fewer complaints, then code), then the
// rows without a score in code order.
void rank(QList<ScorecardRow> &rows)
{
    for (auto &row : rows)
        row.score = Scorecard::scoreOf(row);
    std::stable_sort(rows.begin(), rows.end(), [](const ScorecardRow &a, const ScorecardRow &b) {
        if (a.score.has_value() != b.score.has_value())
            return a.score.has_value();
        if (a.score && *a.score != *b.score)
            return *a.score > *b.score;
        if (a.score && a.complaints != b.complaints)
            return a.complaints < b.complaints;
        return a.code < b.code;
    });
    int next = 1;
    for (auto &row : rows)
        if (row.score)
            row.rank = next++;
}

// The Tehran day an hour bucket of StatsRepository::perTehranHour falls in.
QDate tehranDayOf(qint64 hour)
{
    const qint64 msecs = hour * 3600000 - 12600000;
    return QDateTime::fromMSecsSinceEpoch(msecs, Jalali::tehran()).date();
}

StatsRepository::GroupBy groupOf(ScorecardLevel level)
{
    using GroupBy = StatsRepository::GroupBy;
    switch (level) {
    case ScorecardLevel::Agency:
        return GroupBy::Agency;
    case ScorecardLevel::Province:
        return GroupBy::Province;
    case ScorecardLevel::Directorate:
        return GroupBy::AgencyProvince;
    case ScorecardLevel::Office:
        break;
    }
    return GroupBy::Office;
}

// The scorecard of a level from its groups' measures (StatsRepository::measures
// grouped by groupOf(level)): the catalogue's rows the filter leaves in, with
// or without complaints, ranked.
Result<Scorecard> scorecardOf(StatsRepository &stats, const StatsFilter &filter,
                              ScorecardLevel level, const QList<Measures> &measured)
{
    Scorecard card;
    card.level = level;

    // Every row of the catalogue the filter leaves in, complaints or none.
    QList<ScorecardRow> rows;
    QHash<QString, qsizetype> index;
    const auto add = [&](const QString &code, const QString &agency, const QString &province) {
        if (index.contains(code))
            return;
        ScorecardRow row;
        row.code = code;
        row.agency = agency;
        row.province = province;
        index.insert(code, rows.size());
        rows << row;
    };
    const auto kept = [&](const QString &agency, const QString &province) {
        return (filter.agency.isEmpty() || agency.isEmpty() || agency == filter.agency)
            && (filter.province.isEmpty() || province.isEmpty() || province == filter.province);
    };
    switch (level) {
    case ScorecardLevel::Agency: {
        auto all = stats.agencies();
        if (!all)
            return all.error();
        for (const QString &a : all.value())
            if (kept(a, {}))
                add(a, a, {});
        break;
    }
    case ScorecardLevel::Province: {
        auto all = stats.provinces();
        if (!all)
            return all.error();
        for (const QString &p : all.value())
            if (kept({}, p))
                add(p, {}, p);
        break;
    }
    case ScorecardLevel::Directorate:
    case ScorecardLevel::Office: {
        // A directorate is there when it has an office (or complaints, below).
        auto all = stats.offices();
        if (!all)
            return all.error();
        for (const auto &[office, agency, province] : all.value()) {
            if (!kept(agency, province) || (!filter.office.isEmpty() && office != filter.office))
                continue;
            if (level == ScorecardLevel::Office)
                add(office, agency, province);
            else
                add(agency + u'/' + province, agency, province);
        }
        break;
    }
    }

    QHash<QString, std::pair<QString, QString>> officeOwners;
    if (level == ScorecardLevel::Office) {
        for (const auto &row : std::as_const(rows))
            officeOwners.insert(row.code, { row.agency, row.province });
    }
    for (const Measures &m : measured) {
        QString code, agency, province;
        switch (level) {
        case ScorecardLevel::Agency:
            code = agency = m.key.value(0);
            break;
        case ScorecardLevel::Province:
            code = province = m.key.value(0);
            break;
        case ScorecardLevel::Directorate:
            agency = m.key.value(0);
            province = m.key.value(1);
            code = agency + u'/' + province;
            break;
        case ScorecardLevel::Office:
            code = m.key.value(0);
            std::tie(agency, province) = officeOwners.value(code);
            break;
        }
        add(code, agency, province); // a code no longer in the catalogue
        ScorecardRow &row = rows[index.value(code)];
        const ScorecardRow figures = rowOf(m);
        row.complaints = figures.complaints;
        row.foundedShare = figures.foundedShare;
        row.slaCompliance = figures.slaCompliance;
        row.averageResolutionSeconds = figures.averageResolutionSeconds;
        row.reopenRate = figures.reopenRate;
        row.averageSatisfaction = figures.averageSatisfaction;
    }
    rank(rows);
    card.rows = rows;
    return card;
}

} // namespace

Result<KeyFigures> StatsService::keyFigures(const StatsFilter &filter)
{
    return StatsRepository(m_database).keyFigures(filter);
}

Result<Scorecard> StatsService::scorecard(const StatsFilter &filter, ScorecardLevel level)
{
    StatsRepository stats(m_database);
    auto measured = stats.measures(filter, groupOf(level));
    if (!measured)
        return measured.error();
    return scorecardOf(stats, filter, level, measured.value());
}

Result<DashboardData> StatsService::dashboard(const StatsFilter &filter)
{
    StatsRepository stats(m_database);
    DashboardData d;
    d.filter = filter;
    auto figures = stats.keyFigures(filter);
    if (!figures)
        return figures.error();
    d.figures = figures.value();

    auto hours = stats.perTehranHour(filter);
    if (!hours)
        return hours.error();
    QMap<QDate, qint64> days;
    for (const auto &[hour, n] : hours.value())
        days[tehranDayOf(hour)] += n;
    // Every day of the period, zeros too: from its first Tehran day (or the
    // first complaint's) to its last (or the newest complaint's).
    QDate first = filter.from ? filter.from->toTimeZone(Jalali::tehran()).date()
                              : (days.isEmpty() ? QDate() : days.firstKey());
    QDate last = filter.to ? filter.to->addMSecs(-1).toTimeZone(Jalali::tehran()).date()
                           : (days.isEmpty() ? QDate() : days.lastKey());
    if (first.isValid() && last.isValid() && first.daysTo(last) <= 366 * 20) {
        for (QDate day = first; day <= last; day = day.addDays(1))
            d.perDay.append({ day, days.value(day) });
    }

    auto byAgency = stats.measures(filter, StatsRepository::GroupBy::Agency);
    if (!byAgency)
        return byAgency.error();
    for (const Measures &m : byAgency.value())
        d.agencies << groupOf(m.key.value(0), m);
    std::stable_sort(
        d.agencies.begin(), d.agencies.end(), [](const GroupFigures &a, const GroupFigures &b) {
            return a.complaints != b.complaints ? a.complaints > b.complaints : a.code < b.code;
        });

    auto byProvince = stats.measures(filter, StatsRepository::GroupBy::Province);
    if (!byProvince)
        return byProvince.error();
    QHash<QString, GroupFigures> provinces;
    for (const Measures &m : byProvince.value())
        provinces.insert(m.key.value(0), groupOf(m.key.value(0), m));
    auto catalogue = stats.provinces();
    if (!catalogue)
        return catalogue.error();
    for (const QString &p : catalogue.value()) {
        if (!filter.province.isEmpty() && p != filter.province)
            continue;
        GroupFigures g = provinces.take(p);
        g.code = p;
        d.provinces << g;
    }
    for (const auto &g : std::as_const(provinces))
        d.provinces << g; // a code no longer in the catalogue

    // Half hours up to the target's double, the rest in the last bucket.
    const int buckets = int(2 * d.targetSeconds / d.resolutionBucketSeconds) + 1;
    auto histogram = stats.resolutionHistogram(filter, d.resolutionBucketSeconds, buckets);
    if (!histogram)
        return histogram.error();
    d.resolutionHistogram = histogram.value();
    auto satisfaction = stats.satisfaction(filter);
    if (!satisfaction)
        return satisfaction.error();
    d.satisfaction = satisfaction.value();

    auto card = scorecardOf(stats, filter, ScorecardLevel::Agency, byAgency.value());
    if (!card)
        return card.error();
    d.scorecard = card.value();
    return d;
}

} // namespace fouad
