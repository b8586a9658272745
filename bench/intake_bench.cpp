// Registration cost: the core's path (validation, sequence, complaint and its
// "registered" event in one durable transaction) against a bare insert of the
// same two rows with plain prepared statements on the same connection.
#include "benchdatabase.h"

#include "domain/trackingcode.h"
#include "services/intakeservice.h"
#include "storage/complaintrows.h"
#include "storage/referencerepository.h"

#include <QSqlError>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

using namespace fouad;

namespace {

ComplaintDraft benchDraft()
{
    ComplaintDraft d;
    d.channel = QStringLiteral("line128");
    d.citizenName = QStringLiteral("زهرا احمدی");
    d.phone = QStringLiteral("09121234567");
    d.nationalId = QStringLiteral("0012345679");
    d.province = QStringLiteral("tehran");
    d.agency = QStringLiteral("social_security");
    d.category = QStringLiteral("absent_employee");
    d.priority = QStringLiteral("urgent");
    d.description = QStringLiteral("کارمند باجه از ساعت ۸ سر کار نیست.");
    return d;
}

void registerCore(benchmark::State &state, Database *db)
{
    if (!db) {
        state.SkipWithError("database not configured (scripts/bench sets it)");
        return;
    }
    IntakeService intake(*db, ReferenceRepository(*db).load().value());
    const ComplaintDraft draft = benchDraft();
    for (auto _ : state) {
        auto result = intake.registerComplaint(draft);
        if (!result) {
            state.SkipWithError(qPrintable(result.error().message));
            break;
        }
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}

// The same two rows, values prepared up front, no validation, no sequence.
void registerBare(benchmark::State &state, Database *db)
{
    if (!db) {
        state.SkipWithError("database not configured (scripts/bench sets it)");
        return;
    }
    QSqlDatabase conn = db->connection();
    QSqlQuery begin(conn), commit(conn);
    QSqlQuery insertComplaint(conn), insertEvent(conn);
    insertComplaint.prepare(ComplaintRows::insertComplaintsSql(1));
    insertEvent.prepare(ComplaintRows::insertEventsSql(1));
    const QString beginSql = db->dialect().beginWrite();
    const QString commitSql = QStringLiteral("COMMIT");

    // Ids far above the sequence, so the bare rows never collide with the core's.
    static qint64 nextId = 9'000'000'000 + qint64(db->dialect().isSQLite() ? 0 : 500'000'000);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto _ : state) {
        const qint64 id = nextId++;
        const QString code = TrackingCode::fromSequence(id);
        if (!begin.exec(beginSql)) {
            state.SkipWithError(qPrintable(begin.lastError().text()));
            break;
        }
        const QVariant values[] = {
            id,
            code,
            now.toMSecsSinceEpoch(),
            QStringLiteral("line128"),
            QStringLiteral("زهرا احمدی"),
            QStringLiteral("+989121234567"),
            QStringLiteral("0012345679"),
            0,
            QStringLiteral("tehran"),
            QStringLiteral("social_security"),
            QStringLiteral("absent_employee"),
            QStringLiteral("urgent"),
            QStringLiteral("کارمند باجه از ساعت ۸ سر کار نیست."),
            QStringLiteral("registered"),
            QVariant(QMetaType::fromType<QString>()),
            0,
            now.addSecs(10800).toMSecsSinceEpoch(),
            QVariant(QMetaType::fromType<QString>()),
            QVariant(QMetaType::fromType<int>()),
            1,
            QStringLiteral("system"),
            now.toMSecsSinceEpoch(),
            QVariant(QMetaType::fromType<qint64>()), // resolved_at
            QVariant(QMetaType::fromType<qint64>()), // resolution_seconds
            0, // resolved_within_target
            0, // reopen_count
            QStringLiteral("زهرا احمدی"), // citizen_name_key
            QVariant(QMetaType::fromType<QString>()), // inspector
            QVariant(QMetaType::fromType<QString>()), // city_code
            QVariant(QMetaType::fromType<QString>()), // office_code
            QVariant(QMetaType::fromType<QString>()), // service_desk
        };
        static_assert(std::size(values) == ComplaintRows::ComplaintColumnCount,
                      "the bare insert binds every column the core's insert writes");
        for (int i = 0; i < int(std::size(values)); ++i)
            insertComplaint.bindValue(i, values[i]);
        insertEvent.bindValue(0, id);
        insertEvent.bindValue(1, now.toMSecsSinceEpoch());
        insertEvent.bindValue(2, QStringLiteral("system"));
        insertEvent.bindValue(3, QStringLiteral("registered"));
        insertEvent.bindValue(4, QVariant(QMetaType::fromType<QString>()));
        insertEvent.bindValue(5, QStringLiteral("registered"));
        insertEvent.bindValue(6, QStringLiteral("{}"));
        if (!insertComplaint.exec() || !insertEvent.exec() || !commit.exec(commitSql)) {
            state.SkipWithError(qPrintable(insertComplaint.lastError().text()
                                           + insertEvent.lastError().text()
                                           + commit.lastError().text()));
            QSqlQuery(conn).exec(QStringLiteral("ROLLBACK"));
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_Register_Core_SQLite(benchmark::State &state)
{
    registerCore(state, bench::sqliteDatabase().get());
}
void BM_Register_Bare_SQLite(benchmark::State &state)
{
    registerBare(state, bench::sqliteDatabase().get());
}
void BM_Register_Core_PostgreSQL(benchmark::State &state)
{
    registerCore(state, bench::postgresDatabase().get());
}
void BM_Register_Bare_PostgreSQL(benchmark::State &state)
{
    registerBare(state, bench::postgresDatabase().get());
}

// Fixed iteration counts: each is a durable commit (an fsync), so time-based
// runs would vary too much in length.
BENCHMARK(BM_Register_Core_SQLite)->Iterations(400)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Register_Bare_SQLite)->Iterations(400)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Register_Core_PostgreSQL)
    ->Iterations(400)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
BENCHMARK(BM_Register_Bare_PostgreSQL)
    ->Iterations(400)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

} // namespace
