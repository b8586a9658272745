#pragma once

#include "storage/database.h"

#include <memory>

namespace fouad::bench {

// The databases under measurement: FOUAD_BENCH_SQLITE (a path) and
// FOUAD_BENCH_PG (a URL), each already seeded by scripts/bench. Empty when the
// variable is unset, so the benchmark reports it skipped.
std::shared_ptr<Database> sqliteDatabase();
std::shared_ptr<Database> postgresDatabase();
// Where they are kept; main() empties them before the program's thread ends.
std::shared_ptr<Database> &sqliteSlot();
std::shared_ptr<Database> &postgresSlot();

} // namespace fouad::bench
