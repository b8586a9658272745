// The queue's per-second countdown tick with 10,000 open complaints: the cost of
// one tick (repaint of the visible countdown cells), as a share of a second.
#include "itemmodels/complaintqueuemodel.h"
#include "queueview.h"
#include "seed/demoseeder.h"
#include "storage/database.h"
#include "storage/referencerepository.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace fouad;

namespace {

void BM_QueueCountdownTick_10000Open(benchmark::State &state)
{
    QTemporaryDir dir;
    auto db =
        Database::open(DatabaseUrl::sqlite(dir.filePath(QStringLiteral("tick.sqlite")))).value();
    const ReferenceCatalog catalog = ReferenceRepository(*db).load().value();
    DemoSeeder::Options options;
    options.count = 12000;
    options.days = 1; // a day's complaints: nearly all still open
    if (!DemoSeeder(*db, catalog).run(options)) {
        state.SkipWithError("seeding failed");
        return;
    }
    ui::QueueView view(db, catalog, Clock::system());
    view.resize(1366, 768);
    view.reload();
    while (view.model()->canFetchMore({}))
        view.model()->fetchMore({}); // every row loaded: the worst case for a tick
    view.show();
    QApplication::processEvents();
    state.counters["rows"] = view.model()->rowCount();

    QElapsedTimer cpu;
    cpu.start();
    for (auto _ : state) {
        view.tick();
        QApplication::processEvents(); // the repaint the tick asked for
    }
    // Share of one core at one tick per second: seconds per tick × 100.
    const double secondsPerTick = double(cpu.nsecsElapsed()) / 1e9 / double(state.iterations());
    state.counters["core_share_percent"] = secondsPerTick * 100.0;
}
BENCHMARK(BM_QueueCountdownTick_10000Open)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
