// The search box's one definition (SearchTerm) against the database's plans:
// every query, under every plan the repository may choose, returns exactly
// what a brute-force filter of all rows returns, in the same order, on SQLite
// and on PostgreSQL alike.
#include "domain/persiantext.h"
#include "domain/searchterm.h"
#include "seed/demoseeder.h"
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QHash>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

// A few thousand demo complaints and some a test can name, on one database.
struct SearchData
{
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    MockClock clock { QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC) };
    QStringList someCodes;
    QStringList somePhones;

    ::testing::AssertionResult make(Backend backend, qint64 count)
    {
        QString whyNot;
        testDb = TestDatabase::create(backend, &whyNot);
        if (!testDb)
            return ::testing::AssertionFailure() << whyNot.toStdString();
        auto opened = Database::open(testDb->url());
        if (!opened)
            return ::testing::AssertionFailure() << opened.error().message.toStdString();
        db = opened.value();
        auto catalog = ReferenceRepository(*db).load();
        if (!catalog)
            return ::testing::AssertionFailure() << catalog.error().message.toStdString();
        DemoSeeder::Options options;
        options.count = count;
        options.days = 20;
        if (auto seeded = DemoSeeder(*db, catalog.value(), clock).run(options); !seeded)
            return ::testing::AssertionFailure() << seeded.error().message.toStdString();
        // Through the intake path: typed with Arabic letters, a ZWNJ, Latin, a landline.
        IntakeService intake(*db, catalog.value(), clock);
        const std::pair<QString, QString> people[] = {
            { s(u"ناصر خسروی"), s(u"02188776655") },
            { s(u"علي كريمي"), s(u"09351112233") },
            { s(u"رضا مهدی\u200cپور"), s(u"۰۹۱۲۷۶۵۴۳۲۱") },
            { s(u"John Smith"), s(u"+989121234567") },
            { s(u"ناصر خسروی"), s(u"02188776655") },
        };
        for (const auto &[name, phone] : people) {
            ComplaintDraft d = sampleDraft();
            d.citizenName = name;
            d.phone = phone;
            auto added = intake.registerComplaint(d);
            if (!added)
                return ::testing::AssertionFailure() << added.error().message.toStdString();
            clock.advanceSecs(61);
        }
        ComplaintQuery all;
        auto rows = ComplaintRepository(*db).list(all);
        if (!rows)
            return ::testing::AssertionFailure() << rows.error().message.toStdString();
        for (qsizetype i = 0; i < rows->size(); i += rows->size() / 7) {
            someCodes << rows->at(i).trackingCode;
            somePhones << rows->at(i).citizen.phone;
        }
        return ::testing::AssertionSuccess();
    }
};

// What the box is typed with: names (common, rare, Arabic letters, Latin, short),
// digits (code prefixes, whole codes, phone parts in every written form).
QStringList queries(const SearchData &data)
{
    QStringList q = {
        s(u"زهرا"),
        s(u"زهرا احمدی"),
        s(u"احمد"),
        s(u"خسروی"),
        s(u"ناصر خسرو"),
        s(u"علي"),
        s(u"كريمي"),
        s(u"مهدیپور"),
        s(u"مهدی\u200cپور"),
        s(u"john"),
        s(u"SMITH"),
        s(u"زه"),
        s(u"ی"),
        s(u"نیست‌درفهرست"),
        s(u"1"),
        s(u"100"),
        s(u"1001"),
        s(u"۱۰۰۰۰"),
        s(u"99"),
        s(u"0912"),
        s(u"0912 123"),
        s(u"912-1234"),
        s(u"021 8877"),
        s(u"۰۲۱۸۸۷۷"),
        s(u"+98912"),
        s(u"0098935"),
        s(u"09121234567"),
        s(u"۰۹۱۲۱۲۳۴۵۶۷"),
        s(u"+98 21 8877 6655"),
        s(u"12345671"), // a valid check digit, yet no complaint has it: a prefix then
    };
    for (const QString &code : data.someCodes) {
        q << code << code.left(5) << PersianText::toPersianDigits(code);
    }
    for (const QString &phone : data.somePhones) {
        q << phone << u'0' + phone.mid(3) << phone.mid(5, 7);
    }
    return q;
}

// Every row in the query's order and filter, without the search.
QList<Complaint> allRows(ComplaintRepository &repo, const ComplaintQuery &query)
{
    ComplaintQuery all = query;
    all.search.clear();
    all.limit = -1;
    all.after.reset();
    const auto rows = repo.list(all);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows.value() : QList<Complaint>();
}

// SearchTerm::matches on each of those rows: no index, no plan. `everyRow` is
// every complaint (a whole code counts only if some complaint has it).
QStringList bruteForce(const QList<Complaint> &rows, const QList<Complaint> &everyRow,
                       const QString &typed)
{
    const SearchTerm term = SearchTerm::parse(typed);
    bool wholeCodeExists = false;
    for (const Complaint &c : everyRow)
        wholeCodeExists = wholeCodeExists || (term.wholeCode && c.trackingCode == *term.wholeCode);
    QStringList out;
    for (const Complaint &c : rows) {
        if (term.matches(c.trackingCode, c.citizen.phone, PersianText::searchKey(c.citizen.name),
                         wholeCodeExists))
            out << c.trackingCode;
    }
    return out;
}

QStringList codes(const Result<QList<Complaint>> &rows)
{
    QStringList out;
    if (rows)
        for (const Complaint &c : rows.value())
            out << c.trackingCode;
    return out;
}

ComplaintQuery::Position positionOf(const Complaint &c, ComplaintQuery::Sort sort)
{
    using Sort = ComplaintQuery::Sort;
    const bool byDue = sort == Sort::DueSoonestFirst || sort == Sort::DueLatestFirst;
    return { (byDue ? c.dueAt : c.receivedAt).toMSecsSinceEpoch(), c.id };
}

class ComplaintSearchTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::PostgreSQL && !TestDatabase::postgresRequired()
            && qEnvironmentVariableIsEmpty("FOUAD_TEST_PG"))
            GTEST_SKIP() << "FOUAD_TEST_PG not set";
        ASSERT_TRUE(data.make(GetParam(), 1500));
    }
    SearchData data;
};

// Tiny limits drive the walk and the fallback on a small table; the defaults
// answer these from the candidates; zero candidates always walk.
const ComplaintRepository::SearchLimits AllLimits[] = { {}, { 30, 200 }, { 0, 60 }, { 5, 1 } };

TEST_P(ComplaintSearchTest, EveryPlanReturnsWhatABruteForceFilterReturns)
{
    ComplaintRepository repo(*data.db);
    using Sort = ComplaintQuery::Sort;
    int nonEmpty = 0;
    QHash<int, QList<Complaint>> bySort;
    for (const Sort sort : { Sort::ReceivedNewestFirst, Sort::DueSoonestFirst,
                             Sort::ReceivedOldestFirst, Sort::DueLatestFirst }) {
        ComplaintQuery query;
        query.sort = sort;
        bySort.insert(int(sort), allRows(repo, query));
    }
    const QList<Complaint> everyRow = bySort.value(int(Sort::ReceivedNewestFirst));
    for (const QString &typed : queries(data)) {
        for (const Sort sort : { Sort::ReceivedNewestFirst, Sort::DueSoonestFirst,
                                 Sort::ReceivedOldestFirst, Sort::DueLatestFirst }) {
            ComplaintQuery query;
            query.search = typed;
            query.sort = sort;
            const QStringList expected = bruteForce(bySort.value(int(sort)), everyRow, typed);
            nonEmpty += expected.isEmpty() ? 0 : 1;
            for (const auto &limits : AllLimits) {
                repo.setSearchLimits(limits);
                SCOPED_TRACE(QStringLiteral("search «%1», sort %2, limits %3/%4")
                                 .arg(typed)
                                 .arg(int(sort))
                                 .arg(limits.candidateCap)
                                 .arg(limits.walkRows)
                                 .toStdString());
                query.limit = -1;
                query.after.reset();
                EXPECT_EQ(codes(repo.list(query)), expected);

                // The queue's pages: the first 20, then the next 20 after the last.
                query.limit = 20;
                const auto first = repo.list(query);
                ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
                EXPECT_EQ(codes(first), expected.mid(0, 20));
                if (first->size() == 20) {
                    query.after = positionOf(first->constLast(), sort);
                    EXPECT_EQ(codes(repo.list(query)), expected.mid(20, 20));
                }
            }
        }
    }
    EXPECT_GT(nonEmpty, 100); // the queries do find things
}

TEST_P(ComplaintSearchTest, SearchCombinesWithTheStatusAndTheAssignee)
{
    ComplaintRepository repo(*data.db);
    repo.setSearchLimits({ 10, 50 });
    const QList<Complaint> everyRow = allRows(repo, {});
    for (const QString &typed : { s(u"زهرا"), s(u"0912"), s(u"خسروی"), s(u"100") }) {
        ComplaintQuery query;
        query.search = typed;
        query.status = Status::InProgress;
        query.limit = 15;
        QStringList expected = bruteForce(allRows(repo, query), everyRow, typed);
        EXPECT_EQ(codes(repo.list(query)), expected.mid(0, 15)) << typed.toStdString();
        query.status.reset();
        query.assignee = s(u"op.karimi");
        expected = bruteForce(allRows(repo, query), everyRow, typed);
        EXPECT_EQ(codes(repo.list(query)), expected.mid(0, 15)) << typed.toStdString();
    }
}

TEST_P(ComplaintSearchTest, WholeCodesAndPhonesFindExactlyTheirComplaints)
{
    ComplaintRepository repo(*data.db);
    const QString code = data.someCodes.at(2);
    ComplaintQuery query;
    query.search = PersianText::toPersianDigits(code);
    EXPECT_EQ(codes(repo.list(query)), QStringList { code });

    query.search = s(u"۰۲۱-۸۸۷۷-۶۶۵۵");
    const auto landline = repo.list(query);
    ASSERT_TRUE(landline.ok());
    ASSERT_EQ(landline->size(), 2);
    for (const Complaint &c : landline.value())
        EXPECT_EQ(c.citizen.phone, s(u"+982188776655"));

    query.search = s(u"علي كريمي"); // typed with Arabic letters, stored with Persian ones
    const auto arabic = repo.list(query);
    ASSERT_TRUE(arabic.ok());
    ASSERT_FALSE(arabic->isEmpty());
    bool typedOne = false;
    for (const Complaint &c : arabic.value()) {
        EXPECT_EQ(c.citizen.name, s(u"علی کریمی"));
        typedOne = typedOne || c.citizen.phone == s(u"+989351112233");
    }
    EXPECT_TRUE(typedOne);
}

INSTANTIATE_TEST_SUITE_P(Backends, ComplaintSearchTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &info) { return backendName(info.param); });

// The same seeded data gives the same answers on both databases.
TEST(ComplaintSearch, SQLiteAndPostgreSQLAgree)
{
    if (!TestDatabase::postgresRequired() && qEnvironmentVariableIsEmpty("FOUAD_TEST_PG"))
        GTEST_SKIP() << "FOUAD_TEST_PG not set";
    SearchData sqlite;
    SearchData postgres;
    ASSERT_TRUE(sqlite.make(Backend::SQLite, 1200));
    ASSERT_TRUE(postgres.make(Backend::PostgreSQL, 1200));
    ASSERT_EQ(sqlite.someCodes, postgres.someCodes);
    ComplaintRepository a(*sqlite.db);
    ComplaintRepository b(*postgres.db);
    for (const QString &typed : queries(sqlite)) {
        ComplaintQuery query;
        query.search = typed;
        query.limit = 50;
        const auto fromSqlite = a.list(query);
        const auto fromPostgres = b.list(query);
        ASSERT_TRUE(fromSqlite.ok() && fromPostgres.ok()) << typed.toStdString();
        EXPECT_EQ(codes(fromSqlite), codes(fromPostgres)) << typed.toStdString();
    }
}

} // namespace
