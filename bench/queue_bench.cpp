// The queue's first screen: ComplaintQueueModel::setQuery() until its first
// page of rows is in the model, per sort and with or without a status filter.
#include "benchdatabase.h"

#include "itemmodels/complaintqueuemodel.h"

#include <benchmark/benchmark.h>

using namespace fouad;

namespace {

void firstPage(benchmark::State &state, Database *database)
{
    if (!database) {
        state.SkipWithError("database not configured (scripts/bench sets it)");
        return;
    }
    std::shared_ptr<Database> db(database, [](Database *) {});
    ComplaintQueueModel model(db);
    ComplaintQuery query;
    query.sort = state.range(0) == 0 ? ComplaintQuery::Sort::ReceivedNewestFirst
                                     : ComplaintQuery::Sort::DueSoonestFirst;
    if (state.range(1) == 1)
        query.status = Status::InProgress;
    for (auto _ : state) {
        model.setQuery(query);
        if (model.rowCount() != ComplaintQueueModel::PageSize) {
            state.SkipWithError("first page not full");
            break;
        }
    }
    state.counters["rows_in_model"] = model.rowCount();
}

void BM_QueueFirstPage_SQLite(benchmark::State &state)
{
    firstPage(state, bench::sqliteDatabase().get());
}
void BM_QueueFirstPage_PostgreSQL(benchmark::State &state)
{
    firstPage(state, bench::postgresDatabase().get());
}

// Args: sort (0 received, 1 due), status filter (0 none, 1 in_progress).
BENCHMARK(BM_QueueFirstPage_SQLite)
    ->ArgsProduct({ { 0, 1 }, { 0, 1 } })
    ->ArgNames({ "sort_due", "status" })
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueueFirstPage_PostgreSQL)
    ->ArgsProduct({ { 0, 1 }, { 0, 1 } })
    ->ArgNames({ "sort_due", "status" })
    ->Unit(benchmark::kMillisecond);

} // namespace
