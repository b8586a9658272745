// The key figures (StatsRepository::keyFigures) of the newest month and of the
// whole seeded year, on the complaints scripts/bench seeds over 365 days.
#include "benchdatabase.h"

#include "services/statsservice.h"
#include "storage/statsrepository.h"

#include <QTimeZone>

#include <QSqlQuery>

#include <benchmark/benchmark.h>

using namespace fouad;

namespace {

void keyFigures(benchmark::State &state, Database *database)
{
    if (!database) {
        state.SkipWithError("database not configured (scripts/bench sets it)");
        return;
    }
    QSqlQuery q(database->connection());
    if (!q.exec(QStringLiteral("SELECT MAX(received_at) FROM complaints")) || !q.next()) {
        state.SkipWithError("no complaints");
        return;
    }
    const QDateTime newest = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
    StatsFilter filter;
    filter.to = newest.addSecs(1);
    filter.from = newest.addDays(state.range(0) == 0 ? -30 : -365);
    StatsRepository stats(*database);
    qint64 total = 0;
    for (auto _ : state) {
        auto k = stats.keyFigures(filter);
        if (!k) {
            state.SkipWithError("keyFigures failed");
            break;
        }
        total = k->total;
    }
    state.counters["complaints"] = double(total);
}

void BM_KeyFigures_SQLite(benchmark::State &state)
{
    keyFigures(state, bench::sqliteDatabase().get());
}
void BM_KeyFigures_PostgreSQL(benchmark::State &state)
{
    keyFigures(state, bench::postgresDatabase().get());
}

// Arg: 0 the newest 30 days, 1 the whole year.
BENCHMARK(BM_KeyFigures_SQLite)->Arg(0)->Arg(1)->ArgName("year")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KeyFigures_PostgreSQL)->Arg(0)->Arg(1)->ArgName("year")->Unit(benchmark::kMillisecond);

} // namespace

namespace {

// What the dashboard computes for one filter (StatsService::dashboard: key
// figures, every chart, the agencies' scorecard) plus the province and office
// scorecards its other tab shows: issue 10's "a month's key figures, charts and
// scorecard together". Whole Tehran days, as the console's date range gives them.
void dashboard(benchmark::State &state, Database *database)
{
    if (!database) {
        state.SkipWithError("database not configured (scripts/bench sets it)");
        return;
    }
    QSqlQuery q(database->connection());
    if (!q.exec(QStringLiteral("SELECT MAX(received_at) FROM complaints")) || !q.next()) {
        state.SkipWithError("no complaints");
        return;
    }
    const QTimeZone tehran("Asia/Tehran");
    const QDate last =
        QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC).toTimeZone(tehran).date();
    StatsFilter filter;
    filter.to = QDateTime(last.addDays(1), QTime(0, 0), tehran).toUTC();
    filter.from =
        QDateTime(last.addDays(state.range(0) == 0 ? -29 : -364), QTime(0, 0), tehran).toUTC();
    // summary:0 starts a second after midnight, so everything is read from the
    // complaints as before migration 21: the same work, side by side.
    if (state.range(1) == 0)
        filter.from = filter.from->addSecs(1);
    // filter: 1 the office, 2 the category with the most complaints (the
    // slowest of each; the summary keeps the office, not the category with
    // the agency or province).
    if (state.range(2) != 0) {
        const bool office = state.range(2) == 1;
        const QString column =
            office ? QStringLiteral("office_code") : QStringLiteral("category_code");
        if (!q.exec(QStringLiteral("SELECT %1 FROM complaints WHERE %1 IS NOT NULL GROUP BY %1"
                                   " ORDER BY COUNT(*) DESC LIMIT 1")
                        .arg(column))
            || !q.next()) {
            state.SkipWithError("no office or category");
            return;
        }
        (office ? filter.office : filter.category) = q.value(0).toString();
    }
    StatsService stats(*database);
    qint64 total = 0;
    for (auto _ : state) {
        auto d = stats.dashboard(filter);
        auto provinces = stats.scorecard(filter, ScorecardLevel::Province);
        auto offices = stats.scorecard(filter, ScorecardLevel::Office);
        if (!d || !provinces || !offices) {
            state.SkipWithError("dashboard failed");
            break;
        }
        total = d->figures.total;
    }
    state.counters["complaints"] = double(total);
}

void BM_Dashboard_SQLite(benchmark::State &state)
{
    dashboard(state, bench::sqliteDatabase().get());
}
void BM_Dashboard_PostgreSQL(benchmark::State &state)
{
    dashboard(state, bench::postgresDatabase().get());
}

// year: 0 the newest 30 Tehran days, 1 the newest 365; summary: 1 whole days
// (complaint_days), 0 not (the complaints); filter: 0 none, 1 an office, 2 a
// category.
BENCHMARK(BM_Dashboard_SQLite)
    ->ArgsProduct({ { 0, 1 }, { 1, 0 }, { 0, 1, 2 } })
    ->ArgNames({ "year", "summary", "filter" })
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Dashboard_PostgreSQL)
    ->ArgsProduct({ { 0, 1 }, { 1, 0 }, { 0, 1, 2 } })
    ->ArgNames({ "year", "summary", "filter" })
    ->Unit(benchmark::kMillisecond);

} // namespace
