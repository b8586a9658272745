// Due-time arithmetic on the default calendar: how many per second.
#include "sla/slaengine.h"
#include "sla/workcalendar.h"

#include <QRandomGenerator>

#include <benchmark/benchmark.h>

#include <vector>

using namespace fouad;

namespace {

std::vector<qint64> randomStarts(int n)
{
    QRandomGenerator rng(1405);
    const qint64 first = QDateTime(QDate(2025, 3, 21), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    std::vector<qint64> starts(static_cast<size_t>(n), 0);
    for (auto &s : starts)
        s = first + qint64(rng.bounded(2 * 365 * 24 * 60)) * 60;
    return starts;
}

void BM_DueTime_DefaultCalendar_3WorkingHours(benchmark::State &state)
{
    const WorkCalendar &calendar = WorkCalendar::defaultCalendar();
    const std::vector<qint64> starts = randomStarts(4096);
    size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(calendar.addWorkingSecs(starts[i++ & 4095], 3 * 3600));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueTime_DefaultCalendar_3WorkingHours);

// The whole resolution due time of a complaint with a pause, through the engine.
void BM_DueTime_EngineWithPause(benchmark::State &state)
{
    const WorkCalendar &calendar = WorkCalendar::defaultCalendar();
    const std::vector<qint64> starts = randomStarts(4096);
    const SlaTarget target { 3 * 3600, true };
    size_t i = 0;
    for (auto _ : state) {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(starts[i++ & 4095], Qt::UTC);
        const QList<SlaEngine::Pause> pauses = { { start.addSecs(1800), start.addSecs(5400) } };
        benchmark::DoNotOptimize(SlaEngine::due(start, target, calendar, pauses));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueTime_EngineWithPause);

} // namespace
