#include "benchdatabase.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <cstdio>

namespace fouad::bench {

namespace {

std::shared_ptr<Database> openFrom(const char *variable, bool isPath)
{
    const QString value = qEnvironmentVariable(variable);
    if (value.isEmpty())
        return nullptr;
    auto url = isPath ? Result<DatabaseUrl>(DatabaseUrl::sqlite(value)) : DatabaseUrl::parse(value);
    if (!url)
        return nullptr;
    auto db = Database::open(url.value());
    if (!db) {
        std::fprintf(stderr, "%s: %s\n", variable, qPrintable(db.error().message));
        return nullptr;
    }
    return db.value();
}

} // namespace

// Held until main() closes them: a Database's connection state is
// thread_local, which is gone before function statics are destroyed.
std::shared_ptr<Database> &sqliteSlot()
{
    static auto db = openFrom("FOUAD_BENCH_SQLITE", true);
    return db;
}

std::shared_ptr<Database> &postgresSlot()
{
    static auto db = openFrom("FOUAD_BENCH_PG", false);
    return db;
}

std::shared_ptr<Database> sqliteDatabase()
{
    return sqliteSlot();
}

std::shared_ptr<Database> postgresDatabase()
{
    return postgresSlot();
}

} // namespace fouad::bench

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    fouad::bench::sqliteSlot().reset();
    fouad::bench::postgresSlot().reset();
    return 0;
}
