// The scorecards and the dashboard's charts (issue 10) against independent
// answers: each row and each bar by a plain SQL count of its own over
// generated data, on SQLite and PostgreSQL.
#include "services/statsservice.h"

#include "seed/demoseeder.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

class StatsServiceTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        DemoSeeder::Options options;
        options.count = 2500;
        options.days = 40;
        const auto seeded = DemoSeeder(*db, catalog, clock).run(options);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString() << " ("
                                 << seeded.error().detail.toStdString() << ")";
    }

    // A plain query of its own: the independent answer.
    double scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.prepare(sql)) << sql.toStdString();
        for (qsizetype i = 0; i < values.size(); ++i)
            q.bindValue(int(i), values.at(i));
        EXPECT_TRUE(q.exec() && q.next()) << sql.toStdString();
        return q.value(0).toDouble();
    }
    qint64 count(const QString &where, const QVariantList &values = {})
    {
        return qint64(scalar(u"SELECT COUNT(*) FROM complaints WHERE "_s + where, values));
    }
    QStringList codes(const QString &sql)
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    // Every figure of a row equals the counts of the complaints `where` selects.
    void expectRowMatches(const ScorecardRow &row, const QString &where, const QVariantList &values)
    {
        SCOPED_TRACE(row.code.toStdString());
        const auto share = [&](const QString &part, const QString &whole) {
            const qint64 w = count(where + u" AND "_s + whole, values);
            return w ? std::optional(double(count(where + u" AND "_s + part, values)) / double(w))
                     : std::nullopt;
        };
        const auto near = [](std::optional<double> a, std::optional<double> b) {
            EXPECT_EQ(a.has_value(), b.has_value());
            if (a && b) {
                EXPECT_NEAR(*a, *b, 1e-9);
            }
        };
        EXPECT_EQ(row.complaints, count(where, values));
        near(row.foundedShare,
             share(u"outcome IN ('founded', 'partly_founded')"_s, u"outcome IS NOT NULL"_s));
        near(row.slaCompliance,
             share(u"resolved_within_target = 1"_s, u"resolved_at IS NOT NULL"_s));
        near(row.reopenRate,
             share(u"reopen_count > 0"_s, u"(status = 'closed' OR reopen_count > 0)"_s));
        const qint64 resolved = count(where + u" AND resolved_at IS NOT NULL"_s, values);
        near(row.averageResolutionSeconds,
             resolved ? std::optional(scalar(u"SELECT AVG(resolution_seconds) FROM complaints"
                                             " WHERE "_s
                                                 + where,
                                             values))
                      : std::nullopt);
        const qint64 rated = count(where + u" AND satisfaction IS NOT NULL"_s, values);
        near(row.averageSatisfaction,
             rated ? std::optional(
                 scalar(u"SELECT AVG(satisfaction) FROM complaints WHERE "_s + where, values))
                   : std::nullopt);
        EXPECT_EQ(row.score, Scorecard::scoreOf(row));
    }

    // Ranks 1..n down the scored rows, the unscored after them.
    static void expectRanked(const Scorecard &card)
    {
        int expected = 1;
        std::optional<double> previous;
        bool unscored = false;
        for (const ScorecardRow &row : card.rows) {
            if (!row.score) {
                unscored = true;
                EXPECT_FALSE(row.rank.has_value()) << row.code.toStdString();
                continue;
            }
            EXPECT_FALSE(unscored) << "a scored row after an unscored one";
            EXPECT_EQ(row.rank, expected++);
            if (previous) {
                EXPECT_LE(*row.score, *previous);
            }
            previous = row.score;
        }
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock { tehran(2026, 11, 22, 10) };
};

TEST_P(StatsServiceTest, AgencyScorecardListsEveryAgencyWithIndependentFigures)
{
    // An agency of the catalogue that receives nothing: listed, unscored.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(u"INSERT INTO agencies (code, name) VALUES ('zz_quiet', 'بی‌شکایت')"_s));
    auto card = StatsService(*db).scorecard({}, ScorecardLevel::Agency);
    ASSERT_TRUE(card.ok()) << card.error().message.toStdString();
    const QStringList agencies = codes(u"SELECT code FROM agencies"_s);
    ASSERT_EQ(card->rows.size(), agencies.size());
    bool quietSeen = false;
    for (const ScorecardRow &row : card->rows) {
        EXPECT_TRUE(agencies.contains(row.code));
        expectRowMatches(row, u"agency_code = ?"_s, { row.code });
        if (row.code == u"zz_quiet"_s) {
            quietSeen = true;
            EXPECT_EQ(row.complaints, 0);
            EXPECT_FALSE(row.score.has_value());
        }
    }
    EXPECT_TRUE(quietSeen);
    expectRanked(card.value());
    EXPECT_TRUE(card->rows.first().rank == 1);
}

TEST_P(StatsServiceTest, ProvinceDirectorateAndOfficeScorecardsFollowTheFilter)
{
    StatsFilter period;
    period.from = clock.nowUtc().addDays(-20);
    period.to = clock.nowUtc().addDays(-5);
    const QString in = u"received_at >= ? AND received_at < ?"_s;
    const QVariantList bounds { period.from->toMSecsSinceEpoch(), period.to->toMSecsSinceEpoch() };

    auto provinces = StatsService(*db).scorecard(period, ScorecardLevel::Province);
    ASSERT_TRUE(provinces.ok()) << provinces.error().message.toStdString();
    EXPECT_EQ(provinces->rows.size(), qsizetype(scalar(u"SELECT COUNT(*) FROM provinces"_s)));
    for (const ScorecardRow &row : provinces->rows)
        expectRowMatches(row, in + u" AND province_code = ?"_s, bounds + QVariantList { row.code });
    expectRanked(provinces.value());

    auto directorates = StatsService(*db).scorecard(period, ScorecardLevel::Directorate);
    ASSERT_TRUE(directorates.ok());
    qint64 sum = 0;
    for (const ScorecardRow &row : directorates->rows) {
        EXPECT_EQ(row.code, row.agency + u'/' + row.province);
        expectRowMatches(row, in + u" AND agency_code = ? AND province_code = ?"_s,
                         bounds + QVariantList { row.agency, row.province });
        sum += row.complaints;
    }
    EXPECT_EQ(sum, count(in, bounds)) << "every complaint has a directorate";
    expectRanked(directorates.value());

    // One agency's offices only.
    const QString agency = codes(u"SELECT agency_code FROM complaints WHERE office_code IS NOT NULL"
                                 " GROUP BY agency_code ORDER BY COUNT(*) DESC"_s)
                               .value(0);
    ASSERT_FALSE(agency.isEmpty()) << "the seeder names offices";
    StatsFilter ofAgency = period;
    ofAgency.agency = agency;
    auto offices = StatsService(*db).scorecard(ofAgency, ScorecardLevel::Office);
    ASSERT_TRUE(offices.ok());
    EXPECT_EQ(
        offices->rows.size(),
        qsizetype(scalar(u"SELECT COUNT(*) FROM offices WHERE agency_code = ?"_s, { agency })));
    qint64 withOffice = 0;
    for (const ScorecardRow &row : offices->rows) {
        EXPECT_EQ(row.agency, agency);
        expectRowMatches(row, in + u" AND office_code = ?"_s, bounds + QVariantList { row.code });
        withOffice += row.complaints;
    }
    EXPECT_GT(withOffice, 0);
    EXPECT_EQ(withOffice,
              count(in + u" AND agency_code = ? AND office_code IS NOT NULL"_s,
                    bounds + QVariantList { agency }));
    expectRanked(offices.value());
}

TEST_P(StatsServiceTest, DashboardChartsEqualIndependentCounts)
{
    const auto busiest = [&](const char16_t *column) {
        return codes(u"SELECT %1 FROM complaints WHERE %1 IS NOT NULL"
                     " GROUP BY %1 ORDER BY COUNT(*) DESC, %1"_s.arg(QStringView(column)))
            .value(0);
    };
    // The daily summary keeps every filter but the channel, each in rows of
    // its own kind; what it cannot answer is read from the complaints.
    const struct
    {
        const char *name;
        QString StatsFilter::*field;
        const char16_t *column;
    } filters[] = {
        { "every province", nullptr, nullptr },
        { "one province", &StatsFilter::province, u"province_code" },
        { "one office", &StatsFilter::office, u"office_code" },
        { "one category", &StatsFilter::category, u"category_code" },
        { "one channel", &StatsFilter::channel, u"channel" },
    };
    // Fifteen whole Tehran days, as the console's date range gives them.
    const QDate firstDay(2026, 11, 1);
    const QDate lastDay(2026, 11, 15);
    for (const auto &filter : filters) {
        SCOPED_TRACE(filter.name);
        const bool filtered = filter.field == &StatsFilter::province;
        StatsFilter f;
        f.from = QDateTime(firstDay, QTime(0, 0), QTimeZone("Asia/Tehran")).toUTC();
        f.to = QDateTime(lastDay.addDays(1), QTime(0, 0), QTimeZone("Asia/Tehran")).toUTC();
        QString where = u"received_at >= ? AND received_at < ?"_s;
        QVariantList values { f.from->toMSecsSinceEpoch(), f.to->toMSecsSinceEpoch() };
        if (filter.field) {
            const QString code = busiest(filter.column);
            ASSERT_FALSE(code.isEmpty());
            f.*filter.field = code;
            where += u" AND %1 = ?"_s.arg(QStringView(filter.column));
            values << code;
        }
        auto d = StatsService(*db).dashboard(f);
        ASSERT_TRUE(d.ok()) << d.error().message.toStdString();
        EXPECT_EQ(d->figures.total, count(where, values));
        ASSERT_GT(d->figures.total, 0) << "a filter that selects some";

        // Every day, zeros too, each counted between its Tehran midnights.
        ASSERT_EQ(d->perDay.size(), 15);
        qint64 days = 0;
        for (qsizetype i = 0; i < d->perDay.size(); ++i) {
            const auto &[day, n] = d->perDay.at(i);
            EXPECT_EQ(day, firstDay.addDays(i));
            const qint64 start =
                QDateTime(day, QTime(0, 0), QTimeZone("Asia/Tehran")).toMSecsSinceEpoch();
            const qint64 end = QDateTime(day.addDays(1), QTime(0, 0), QTimeZone("Asia/Tehran"))
                                   .toMSecsSinceEpoch();
            EXPECT_EQ(n,
                      count(where + u" AND received_at >= ? AND received_at < ?"_s,
                            values + QVariantList { start, end }))
                << day.toString(Qt::ISODate).toStdString();
            days += n;
        }
        EXPECT_EQ(days, d->figures.total);

        // Agencies, most complaints first; provinces in catalogue order.
        qint64 agencies = 0;
        for (qsizetype i = 0; i < d->agencies.size(); ++i) {
            const GroupFigures &g = d->agencies.at(i);
            if (i > 0) {
                EXPECT_GE(d->agencies.at(i - 1).complaints, g.complaints);
            }
            EXPECT_EQ(g.complaints,
                      count(where + u" AND agency_code = ?"_s, values + QVariantList { g.code }));
            EXPECT_EQ(g.open,
                      count(where + u" AND agency_code = ? AND status <> 'closed'"_s,
                            values + QVariantList { g.code }));
            agencies += g.complaints;
        }
        EXPECT_EQ(agencies, d->figures.total);
        const QStringList catalogue =
            codes(u"SELECT code FROM provinces ORDER BY sort_order, code"_s);
        ASSERT_EQ(d->provinces.size(), filtered ? 1 : catalogue.size());
        for (const GroupFigures &g : d->provinces) {
            EXPECT_TRUE(catalogue.contains(g.code));
            EXPECT_EQ(g.complaints,
                      count(where + u" AND province_code = ?"_s, values + QVariantList { g.code }));
            EXPECT_EQ(g.resolved,
                      count(where + u" AND province_code = ? AND resolved_at IS NOT NULL"_s,
                            values + QVariantList { g.code }));
        }

        // The resolution times and the satisfaction, bucket by bucket.
        const qint64 width = d->resolutionBucketSeconds;
        const qsizetype buckets = d->resolutionHistogram.size();
        ASSERT_GT(buckets * width, d->targetSeconds) << "the target is inside the chart";
        qint64 resolved = 0;
        for (qsizetype i = 0; i < buckets; ++i) {
            const bool last = i == buckets - 1;
            const qint64 expected =
                count(where
                          + (last ? u" AND resolution_seconds >= ?"_s
                                  : u" AND resolution_seconds >= ? AND resolution_seconds < ?"_s),
                      values
                          + (last ? QVariantList { i * width }
                                  : QVariantList { i * width, (i + 1) * width }));
            EXPECT_EQ(d->resolutionHistogram.at(i), expected) << "bucket " << i;
            resolved += d->resolutionHistogram.at(i);
        }
        EXPECT_EQ(resolved, d->figures.resolved);
        for (int score = 1; score <= 5; ++score)
            EXPECT_EQ(d->satisfaction.at(score - 1),
                      count(where + u" AND satisfaction = ?"_s, values + QVariantList { score }));
        EXPECT_EQ(d->scorecard.level, ScorecardLevel::Agency);
        EXPECT_EQ(d->scorecard.rows.size(), qsizetype(scalar(u"SELECT COUNT(*) FROM agencies"_s)));
        for (const ScorecardRow &row : d->scorecard.rows)
            expectRowMatches(row, where + u" AND agency_code = ?"_s,
                             values + QVariantList { row.code });
        qint64 categories = 0;
        for (const auto &[category, n] : d->figures.byCategory) {
            EXPECT_EQ(
                n, count(where + u" AND category_code = ?"_s, values + QVariantList { category }))
                << category.toStdString();
            categories += n;
        }
        EXPECT_EQ(categories, d->figures.total);
    }
}

// Reports may read from a streaming replica: opened read-only, the figures
// come the same on a server that refuses every write.
TEST_P(StatsServiceTest, ReadsTheSameFiguresOnAReadOnlyConnection)
{
    auto expected = StatsService(*db).dashboard({});
    ASSERT_TRUE(expected.ok());
    const qint64 reopenings = qint64(scalar(u"SELECT SUM(reopen_count) FROM complaints"_s));
    ASSERT_GT(reopenings, 0); // the demo reopens some
    QSqlQuery q(db->connection());
    QString name;
    if (GetParam() == Backend::PostgreSQL) {
        // What a hot standby does to each session (its own setting is not ours to set).
        ASSERT_TRUE(q.exec(u"SELECT current_database()"_s) && q.next());
        name = q.value(0).toString();
        ASSERT_TRUE(
            q.exec(u"ALTER DATABASE \"%1\" SET default_transaction_read_only = on"_s.arg(name)))
            << q.lastError().text().toStdString();
    }
    {
        auto opened = Database::open(testDb->url(), Database::Access::ReadOnly);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString() << " "
                                 << opened.error().detail.toStdString();
        Database &reader = *opened.value();
        EXPECT_TRUE(reader.readOnly());
        auto d = StatsService(reader).dashboard({});
        ASSERT_TRUE(d.ok()) << d.error().message.toStdString();
        EXPECT_EQ(d->figures.toJson(), expected->figures.toJson());
        EXPECT_EQ(d->perDay, expected->perDay);
        EXPECT_EQ(d->scorecard.toJson(), expected->scorecard.toJson());
        for (auto level :
             { ScorecardLevel::Province, ScorecardLevel::Directorate, ScorecardLevel::Office })
            EXPECT_TRUE(StatsService(reader).scorecard({}, level).ok());
        QSqlQuery write(reader.connection());
        EXPECT_FALSE(write.exec(u"UPDATE complaints SET reopen_count = reopen_count + 1"_s))
            << "a read-only connection wrote";
    }
    if (!name.isEmpty()) {
        ASSERT_TRUE(
            q.exec(u"ALTER DATABASE \"%1\" RESET default_transaction_read_only"_s.arg(name)));
    }
    EXPECT_EQ(qint64(scalar(u"SELECT SUM(reopen_count) FROM complaints"_s)),
              reopenings); // nothing written

    // A reader never creates a database that is not there.
    if (GetParam() == Backend::SQLite) {
        const QString missing = testDb->url().path + u".missing"_s;
        EXPECT_FALSE(Database::open(DatabaseUrl::sqlite(missing), Database::Access::ReadOnly).ok());
        EXPECT_FALSE(QFileInfo::exists(missing));
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, StatsServiceTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
