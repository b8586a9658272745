// The key figures (StatsRepository::keyFigures) of the newest month and of the
// whole seeded year, on the complaints scripts/bench seeds over 365 days.
#include "benchdatabase.h"

#include "storage/statsrepository.h"

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
