// The screen pop's lookup: a caller's complaints, newest first
// (CallRepository::callerComplaints, as the console's feed and `fouadctl call
// incoming` run it), for a phone from the middle of the seeded table.
#include "benchdatabase.h"

#include "storage/callrepository.h"

#include <QSqlQuery>

#include <benchmark/benchmark.h>

using namespace fouad;

namespace {

void callerComplaints(benchmark::State &state, Database *database)
{
    if (!database) {
        state.SkipWithError("database not configured (scripts/bench sets it)");
        return;
    }
    QSqlQuery q(database->connection());
    if (!q.exec(
            QStringLiteral("SELECT citizen_phone FROM complaints WHERE id >= "
                           "(SELECT (MIN(id) + MAX(id)) / 2 FROM complaints) ORDER BY id LIMIT 1"))
        || !q.next()) {
        state.SkipWithError("no complaints");
        return;
    }
    const QString phone = q.value(0).toString();
    CallRepository calls(*database);
    qsizetype found = 0;
    for (auto _ : state) {
        auto complaints = calls.callerComplaints(phone);
        if (!complaints) {
            state.SkipWithError(qPrintable(complaints.error().message));
            break;
        }
        found = complaints->size();
    }
    state.counters["complaints"] = double(found);
}

void BM_CallerComplaints_SQLite(benchmark::State &state)
{
    callerComplaints(state, bench::sqliteDatabase().get());
}
void BM_CallerComplaints_PostgreSQL(benchmark::State &state)
{
    callerComplaints(state, bench::postgresDatabase().get());
}

BENCHMARK(BM_CallerComplaints_SQLite)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CallerComplaints_PostgreSQL)->Unit(benchmark::kMicrosecond);

} // namespace
