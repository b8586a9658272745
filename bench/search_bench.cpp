// The search box at a million complaints: the first page (50 rows, newest
// first) of ComplaintRepository::list() for each kind of text an operator
// types, beside the full scan the console ran before migration 8 (OR-ed
// LIKE '%…%' over the same columns), measured in the same run.
#include "benchdatabase.h"

#include "domain/persiantext.h"
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/referencerepository.h"

#include <QSqlError>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

using namespace fouad;

namespace {

enum Case {
    TrackingCode,
    WholePhone,
    PhonePart7, // seven digits from the middle of a number
    RareName, // a name three complaints carry
    FullName, // a seeded first and last name: ~1 in 900
    CommonName, // «زهرا»: ~1 in 30
    VeryCommonNamePart, // «محمد»: first and last names, ~1 in 15
    CaseCount,
};

const char *const CaseNames[] = { "code",      "whole_phone", "phone_part_7",    "rare_name",
                                  "full_name", "common_name", "very_common_part" };

constexpr char16_t RareNameText[] = u"ناصر خسروی";

// The texts to type, taken from the seeded data (and three complaints the
// benchmark registers once), so they exist in every database scripts/bench makes.
struct Texts
{
    QString text[CaseCount];
};

Result<Texts> textsFor(Database &db)
{
    ComplaintRepository repo(db);
    ComplaintQuery rare;
    rare.search = QStringView(RareNameText).toString();
    rare.limit = 3;
    auto found = repo.list(rare);
    if (!found)
        return found.error();
    if (found->size() < 3) {
        auto catalog = ReferenceRepository(db).load();
        if (!catalog)
            return catalog.error();
        IntakeService intake(db, catalog.value());
        for (qsizetype i = found->size(); i < 3; ++i) {
            ComplaintDraft d;
            d.channel = QStringLiteral("line128");
            d.citizenName = QStringView(RareNameText).toString();
            d.phone = QStringLiteral("02188776655");
            d.province = QStringLiteral("tehran");
            d.agency = QStringLiteral("tax");
            d.category = QStringLiteral("delay");
            d.priority = QStringLiteral("normal");
            d.description = QStringLiteral("پرونده معطل مانده است.");
            if (auto added = intake.registerComplaint(d); !added)
                return added.error();
        }
    }
    // A complaint from the middle of the table: its code and phone.
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT tracking_code, citizen_phone FROM complaints"
                               " WHERE id = (SELECT (MIN(id) + MAX(id)) / 2 FROM complaints)"))
        || !q.next())
        return Error::runtime(q.lastError().text());
    Texts t;
    t.text[TrackingCode] = q.value(0).toString();
    const QString phone = q.value(1).toString(); // +98912…
    t.text[WholePhone] = u'0' + phone.mid(3);
    t.text[PhonePart7] = phone.mid(5, 7);
    t.text[RareName] = QStringView(RareNameText).toString();
    t.text[FullName] = QStringLiteral("زهرا احمدی");
    t.text[CommonName] = QStringLiteral("زهرا");
    t.text[VeryCommonNamePart] = QStringLiteral("محمد");
    return t;
}

const Texts *texts(Database *db)
{
    static std::map<Database *, Texts> cache;
    auto it = cache.find(db);
    if (it == cache.end()) {
        auto made = textsFor(*db);
        if (!made)
            return nullptr;
        it = cache.emplace(db, made.value()).first;
    }
    return &it->second;
}

// The texts for this database, or nothing (the benchmark then reports why).
const Texts *textsOrSkip(benchmark::State &state, Database *db)
{
    if (!db) {
        state.SkipWithError("database not configured (scripts/bench sets it)");
        return nullptr;
    }
    const Texts *t = texts(db);
    if (!t)
        state.SkipWithError("could not prepare the search texts");
    return t;
}

void search(benchmark::State &state, Database *db)
{
    const Texts *t = textsOrSkip(state, db);
    if (!t)
        return;
    ComplaintRepository repo(*db);
    ComplaintQuery query;
    query.search = t->text[state.range(0)];
    query.limit = 50;
    qsizetype rows = 0;
    for (auto _ : state) {
        auto found = repo.list(query);
        if (!found) {
            state.SkipWithError(qPrintable(found.error().message));
            break;
        }
        rows = found->size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["rows"] = double(rows);
    state.SetLabel(CaseNames[state.range(0)]);
}

// What issue 2's search did, for the figures beside: every row's name, code and
// phone compared with LIKE '%…%', newest first.
void fullScan(benchmark::State &state, Database *db)
{
    const Texts *t = textsOrSkip(state, db);
    if (!t)
        return;
    const QString key = PersianText::searchKey(t->text[state.range(0)]);
    const QString like =
        db->dialect().isSQLite() ? QStringLiteral("LIKE") : QStringLiteral("ILIKE");
    QSqlQuery q(db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM complaints WHERE citizen_name_key %1 ? OR"
                             " tracking_code LIKE ? OR citizen_phone LIKE ?"
                             " ORDER BY received_at DESC, id DESC LIMIT 50")
                  .arg(like));
    const QString pattern = u'%' + key + u'%';
    for (auto _ : state) {
        q.bindValue(0, pattern);
        q.bindValue(1, pattern);
        q.bindValue(2, pattern);
        if (!q.exec()) {
            state.SkipWithError(qPrintable(q.lastError().text()));
            break;
        }
        int n = 0;
        while (q.next())
            ++n;
        benchmark::DoNotOptimize(n);
    }
    state.SetLabel(CaseNames[state.range(0)]);
}

void BM_Search_SQLite(benchmark::State &state)
{
    search(state, bench::sqliteDatabase().get());
}
void BM_Search_PostgreSQL(benchmark::State &state)
{
    search(state, bench::postgresDatabase().get());
}
void BM_SearchFullScanBefore_SQLite(benchmark::State &state)
{
    fullScan(state, bench::sqliteDatabase().get());
}
void BM_SearchFullScanBefore_PostgreSQL(benchmark::State &state)
{
    fullScan(state, bench::postgresDatabase().get());
}

BENCHMARK(BM_Search_SQLite)->DenseRange(0, CaseCount - 1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Search_PostgreSQL)->DenseRange(0, CaseCount - 1)->Unit(benchmark::kMillisecond);
// Three cases are enough to show the scan's cost; each takes most of a second.
BENCHMARK(BM_SearchFullScanBefore_SQLite)
    ->Arg(TrackingCode)
    ->Arg(RareName)
    ->Arg(CommonName)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchFullScanBefore_PostgreSQL)
    ->Arg(TrackingCode)
    ->Arg(RareName)
    ->Arg(CommonName)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

} // namespace
