// The key figures (issue 10) against independent answers: each figure by a
// plain SQL count of its own over generated data, the resolution figures each
// writer keeps against the SLA engine run over the history, and a complaint
// taken by hand through fixes, a not-fixed verification and a reopening.
#include "storage/statsrepository.h"

#include "seed/demoseeder.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/slarepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

class StatsRepositoryTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        ASSERT_TRUE(addTestUser(*db, s(u"sup"), Role::Supervisor, clock.nowUtc()).ok());
    }

    Result<Complaint> act(Action action, const QString &code,
                          const std::function<void(ActionRequest &)> &fill = {})
    {
        ActionRequest r;
        r.action = action;
        r.code = code;
        r.actor = s(u"sup");
        if (fill)
            fill(r);
        return WorkflowService(*db, clock).perform(r);
    }

    // A plain count of its own: the figures' independent answer.
    double scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.prepare(sql)) << sql.toStdString();
        for (qsizetype i = 0; i < values.size(); ++i)
            q.bindValue(int(i), values.at(i));
        EXPECT_TRUE(q.exec() && q.next()) << sql.toStdString();
        return q.value(0).toDouble();
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    // Sunday 10:00 in Tehran: working hours.
    MockClock clock { tehran(2026, 11, 22, 10) };
};

TEST_P(StatsRepositoryTest, ResolutionFiguresFollowFixesVerificationsAndReopenings)
{
    const QString code =
        IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
    ASSERT_TRUE(act(Action::Refer, code).ok());
    ASSERT_TRUE(act(Action::Acknowledge, code).ok());
    clock.advanceSecs(90 * 60);
    auto fixed = act(Action::Resolve, code, [](ActionRequest &r) { r.actionTaken = s(u"رفع شد"); });
    ASSERT_TRUE(fixed.ok()) << fixed.error().message.toStdString();
    EXPECT_EQ(fixed->resolvedAt, clock.nowUtc());
    EXPECT_EQ(fixed->resolutionSeconds, 90 * 60);
    EXPECT_TRUE(fixed->resolvedWithinTarget);

    // Not fixed: no fix in force; the next one is late (the next working day).
    auto notFixed = act(Action::Verify, code, [](ActionRequest &r) { r.result = s(u"not_fixed"); });
    ASSERT_TRUE(notFixed.ok());
    EXPECT_FALSE(notFixed->resolvedAt.isValid());
    EXPECT_FALSE(notFixed->resolutionSeconds.has_value());
    clock.set(tehran(2026, 11, 23, 12));
    auto late = act(Action::Resolve, code, [](ActionRequest &r) { r.actionTaken = s(u"دوباره"); });
    ASSERT_TRUE(late.ok());
    EXPECT_GT(*late->resolutionSeconds, 3 * 3600);
    EXPECT_FALSE(late->resolvedWithinTarget);
    ASSERT_TRUE(act(Action::Verify, code, [](ActionRequest &r) {
                    r.result = s(u"confirmed");
                    r.satisfaction = s(u"2");
                }).ok());
    ASSERT_TRUE(act(Action::Close, code, [](ActionRequest &r) { r.outcome = s(u"founded"); }).ok());
    auto reopened = act(Action::Reopen, code, [](ActionRequest &r) { r.reason = s(u"باز هم"); });
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
    EXPECT_EQ(reopened->reopenCount, 1);
    EXPECT_FALSE(reopened->resolvedAt.isValid());

    // As stored, and as the figures count it.
    const Complaint stored = ComplaintRepository(*db).findByCode(code).value();
    EXPECT_EQ(stored.reopenCount, 1);
    EXPECT_FALSE(stored.resolvedAt.isValid());
    auto k = StatsRepository(*db).keyFigures({});
    ASSERT_TRUE(k) << k.error().message.toStdString();
    EXPECT_EQ(k->total, 1);
    EXPECT_EQ(k->open, 1);
    EXPECT_EQ(k->resolved, 0);
    EXPECT_FALSE(k->averageResolutionSeconds.has_value());
    EXPECT_FALSE(k->medianResolutionSeconds.has_value());
    EXPECT_EQ(k->reopenRate, 1.0);
    EXPECT_EQ(k->averageSatisfaction, 2.0);
    EXPECT_FALSE(k->foundedShare.has_value()) << "a reopened complaint has no outcome";
}

TEST_P(StatsRepositoryTest, KeyFiguresEqualIndependentCountsForEveryFilter)
{
    DemoSeeder::Options options;
    options.count = 3000;
    options.days = 60; // periods with whole blocks of the daily summary and ragged ends
    const auto seeded = DemoSeeder(*db, catalog, clock).run(options);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString() << " ("
                             << seeded.error().detail.toStdString() << ")";
    // A reopened and an escalated complaint, as the seeder makes neither.
    const QString reopened =
        IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
    for (Action a : { Action::Refer, Action::Acknowledge })
        ASSERT_TRUE(act(a, reopened).ok());
    ASSERT_TRUE(
        act(Action::Resolve, reopened, [](ActionRequest &r) { r.actionTaken = s(u"شد"); }).ok());
    ASSERT_TRUE(act(Action::Verify, reopened, [](ActionRequest &r) {
                    r.result = s(u"confirmed");
                    r.satisfaction = s(u"5");
                }).ok());
    ASSERT_TRUE(
        act(Action::Close, reopened, [](ActionRequest &r) { r.outcome = s(u"unfounded"); }).ok());
    ASSERT_TRUE(act(Action::Reopen, reopened, [](ActionRequest &r) { r.reason = s(u"خطا"); }).ok());
    const QString escalated =
        IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
    ASSERT_TRUE(act(Action::Refer, escalated).ok());
    ASSERT_TRUE(
        act(Action::Escalate, escalated, [](ActionRequest &r) { r.reason = s(u"فوری"); }).ok());
    // One escalated past the levels the daily summary keeps one by one.
    const QString high =
        IntakeService(*db, catalog, clock).registerComplaint(sampleDraft())->trackingCode;
    ASSERT_TRUE(act(Action::Refer, high).ok());
    for (int i = 0; i < 6; ++i)
        ASSERT_TRUE(
            act(Action::Escalate, high, [](ActionRequest &r) { r.reason = s(u"فوری"); }).ok());

    // Every writer kept the figures the SLA engine gives from the history.
    auto sla = SlaRepository(*db).load();
    ASSERT_TRUE(sla.ok());
    ComplaintQuery all;
    auto complaints = ComplaintRepository(*db).list(all);
    ASSERT_TRUE(complaints.ok());
    ASSERT_EQ(complaints->size(), 3003);
    QList<qint64> ids;
    for (const Complaint &c : std::as_const(complaints.value()))
        ids << c.id;
    auto histories = ComplaintRepository(*db).histories(ids);
    ASSERT_TRUE(histories.ok());
    int resolvedSeen = 0;
    for (Complaint c : std::as_const(complaints.value())) {
        c.history = histories->value(c.id);
        Complaint expected = c;
        sla->settleResolution(expected);
        ASSERT_EQ(c.resolvedAt, expected.resolvedAt) << c.trackingCode.toStdString();
        ASSERT_EQ(c.resolutionSeconds, expected.resolutionSeconds) << c.trackingCode.toStdString();
        ASSERT_EQ(c.resolvedWithinTarget, expected.resolvedWithinTarget);
        ASSERT_EQ(c.reopenCount, expected.reopenCount);
        resolvedSeen += c.resolvedAt.isValid() ? 1 : 0;
    }
    EXPECT_GT(resolvedSeen, 1000);

    const Complaint middle = complaints->at(1500);
    struct Case
    {
        const char *name;
        StatsFilter filter;
        QString where; // the same selection, written out
        QVariantList values;
    };
    StatsFilter period;
    period.from = clock.nowUtc().addDays(-20);
    period.to = clock.nowUtc().addDays(-10);
    StatsFilter province;
    province.province = middle.provinceCode;
    StatsFilter agency;
    agency.agency = middle.agencyCode;
    agency.from = clock.nowUtc().addDays(-15);
    StatsFilter category;
    category.category = middle.categoryCode;
    StatsFilter channel;
    channel.channel = s(u"line128");
    // Whole Tehran days: what the dashboard asks, read from the daily summary.
    const QDate today = clock.nowUtc().toTimeZone(QTimeZone("Asia/Tehran")).date();
    const auto midnight = [](QDate day) {
        return tehran(day.year(), day.month(), day.day(), 0);
    };
    StatsFilter days;
    days.from = midnight(today.addDays(-20));
    days.to = midnight(today.addDays(-9));
    StatsFilter directorate;
    directorate.agency = middle.agencyCode;
    directorate.province = middle.provinceCode;
    directorate.from = midnight(today.addDays(-25));
    StatsFilter weeks; // whole blocks and days at either end, whatever the day today
    weeks.from = midnight(today.addDays(-53));
    weeks.to = midnight(today.addDays(-9));
    StatsFilter untilTomorrow;
    untilTomorrow.to = midnight(today.addDays(1));
    // The busiest office and a category over whole days: read from their own
    // rows of the summary.
    QSqlQuery busiest(db->connection());
    ASSERT_TRUE(busiest.exec(s(u"SELECT office_code FROM complaints WHERE office_code IS NOT NULL"
                               " GROUP BY office_code ORDER BY COUNT(*) DESC, office_code")));
    ASSERT_TRUE(busiest.next());
    const QString officeCode = busiest.value(0).toString();
    busiest.finish();
    StatsFilter office = weeks;
    office.office = officeCode;
    StatsFilter categoryDays = weeks;
    categoryDays.category = middle.categoryCode;
    QSqlQuery owner(db->connection());
    ASSERT_TRUE(owner.prepare(s(u"SELECT agency_code, category_code FROM complaints"
                                " WHERE office_code = ? GROUP BY agency_code, category_code"
                                " ORDER BY COUNT(*) DESC")));
    owner.addBindValue(officeCode);
    ASSERT_TRUE(owner.exec() && owner.next());
    const QString officeAgency = owner.value(0).toString(),
                  officeCategory = owner.value(1).toString();
    owner.finish();
    StatsFilter officeOfAgency = office; // read from the office's rows, the agency checked too
    officeOfAgency.agency = officeAgency;
    StatsFilter officeTenDays = period; // not whole days: from the complaints
    officeTenDays.office = officeCode;
    StatsFilter officeCategoryDays = office; // the summary keeps no office's categories
    officeCategoryDays.category = officeCategory;
    const Case cases[] = {
        { "everything", {}, s(u"1 = 1"), {} },
        { "ten days",
          period,
          s(u"received_at >= ? AND received_at < ?"),
          { period.from->toMSecsSinceEpoch(), period.to->toMSecsSinceEpoch() } },
        { "a province", province, s(u"province_code = ?"), { middle.provinceCode } },
        { "an agency since",
          agency,
          s(u"received_at >= ? AND agency_code = ?"),
          { agency.from->toMSecsSinceEpoch(), middle.agencyCode } },
        { "a category", category, s(u"category_code = ?"), { middle.categoryCode } },
        { "a channel", channel, s(u"channel = ?"), { s(u"line128") } },
        { "eleven whole days",
          days,
          s(u"received_at >= ? AND received_at < ?"),
          { days.from->toMSecsSinceEpoch(), days.to->toMSecsSinceEpoch() } },
        { "forty-four whole days",
          weeks,
          s(u"received_at >= ? AND received_at < ?"),
          { weeks.from->toMSecsSinceEpoch(), weeks.to->toMSecsSinceEpoch() } },
        { "a directorate's whole days",
          directorate,
          s(u"received_at >= ? AND agency_code = ? AND province_code = ?"),
          { directorate.from->toMSecsSinceEpoch(), middle.agencyCode, middle.provinceCode } },
        { "until tomorrow",
          untilTomorrow,
          s(u"received_at < ?"),
          { untilTomorrow.to->toMSecsSinceEpoch() } },
        { "an office's whole days",
          office,
          s(u"received_at >= ? AND received_at < ? AND office_code = ?"),
          { weeks.from->toMSecsSinceEpoch(), weeks.to->toMSecsSinceEpoch(), officeCode } },
        { "an office of its agency's whole days",
          officeOfAgency,
          s(u"received_at >= ? AND received_at < ? AND office_code = ? AND agency_code = ?"),
          { weeks.from->toMSecsSinceEpoch(), weeks.to->toMSecsSinceEpoch(), officeCode,
            officeAgency } },
        { "an office's ten days",
          officeTenDays,
          s(u"received_at >= ? AND received_at < ? AND office_code = ?"),
          { period.from->toMSecsSinceEpoch(), period.to->toMSecsSinceEpoch(), officeCode } },
        { "an office's category's whole days",
          officeCategoryDays,
          s(u"received_at >= ? AND received_at < ? AND office_code = ? AND category_code = ?"),
          { weeks.from->toMSecsSinceEpoch(), weeks.to->toMSecsSinceEpoch(), officeCode,
            officeCategory } },
        { "a category's whole days",
          categoryDays,
          s(u"received_at >= ? AND received_at < ? AND category_code = ?"),
          { weeks.from->toMSecsSinceEpoch(), weeks.to->toMSecsSinceEpoch(), middle.categoryCode } },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        auto k = StatsRepository(*db).keyFigures(c.filter);
        ASSERT_TRUE(k.ok()) << k.error().message.toStdString();
        auto count = [&](const QString &extra) {
            return qint64(
                scalar(u"SELECT COUNT(*) FROM complaints WHERE %1 AND %2"_s.arg(c.where, extra),
                       c.values));
        };
        const qint64 total = count(s(u"1 = 1"));
        EXPECT_EQ(k->total, total);
        EXPECT_GT(total, 0);
        EXPECT_EQ(k->open, count(s(u"status <> 'closed'")));
        const qint64 resolved = count(s(u"resolved_at IS NOT NULL"));
        EXPECT_EQ(k->resolved, resolved);
        if (resolved > 0) {
            EXPECT_DOUBLE_EQ(
                *k->resolvedWithinTargetShare,
                double(count(s(u"resolved_at IS NOT NULL AND resolved_within_target = 1")))
                    / double(resolved));
            EXPECT_NEAR(
                *k->averageResolutionSeconds,
                scalar(u"SELECT AVG(resolution_seconds) FROM complaints WHERE %1"_s.arg(c.where),
                       c.values),
                0.001);
            // The median from every resolution time, in memory.
            QSqlQuery q(db->connection());
            q.prepare(
                u"SELECT resolution_seconds FROM complaints WHERE %1 AND resolved_at IS NOT NULL"_s
                    .arg(c.where));
            for (qsizetype i = 0; i < c.values.size(); ++i)
                q.bindValue(int(i), c.values.at(i));
            ASSERT_TRUE(q.exec());
            std::vector<qint64> times;
            while (q.next())
                times.push_back(q.value(0).toLongLong());
            std::sort(times.begin(), times.end());
            const size_t n = times.size();
            const qint64 median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
            EXPECT_EQ(k->medianResolutionSeconds, median);
        }
        const qint64 withOutcome = count(s(u"outcome IS NOT NULL"));
        if (withOutcome > 0) {
            EXPECT_DOUBLE_EQ(*k->foundedShare,
                             double(count(s(u"outcome IN ('founded', 'partly_founded')")))
                                 / double(withOutcome));
        }
        EXPECT_NEAR(k->averageSatisfaction.value_or(-1),
                    scalar(u"SELECT COALESCE(AVG(satisfaction), -1) FROM complaints WHERE %1"_s.arg(
                               c.where),
                           c.values),
                    1e-9);
        const qint64 everClosed = count(s(u"(status = 'closed' OR reopen_count > 0)"));
        EXPECT_DOUBLE_EQ(k->reopenRate.value_or(-1),
                         everClosed ? double(count(s(u"reopen_count > 0"))) / double(everClosed)
                                    : -1);
        qint64 levels = 0;
        for (const auto &[level, n] : k->openByEscalationLevel) {
            EXPECT_EQ(n, count(u"status <> 'closed' AND escalation_level = %1"_s.arg(level)));
            levels += n;
        }
        EXPECT_EQ(levels, k->open);
        EXPECT_GE(k->openByEscalationLevel.size(), 4);
        qint64 statuses = 0, categories = 0;
        for (const auto &[key, n] : k->byStatus) {
            EXPECT_EQ(n, count(u"status = '%1'"_s.arg(key)));
            statuses += n;
        }
        for (const auto &[key, n] : k->byCategory) {
            EXPECT_EQ(n, count(u"category_code = '%1'"_s.arg(key)));
            categories += n;
        }
        EXPECT_EQ(statuses, total);
        EXPECT_EQ(categories, total);
        EXPECT_EQ(k->byCategory.size(), catalog.categories().size());
    }
    auto everything = StatsRepository(*db).keyFigures({});
    ASSERT_TRUE(everything.ok());
    EXPECT_GT(everything->reopenRate.value_or(0), 0.0);
    // The demo's ladder escalations and the one escalated here.
    EXPECT_EQ(everything->openByEscalationLevel.at(1).second,
              qint64(scalar(u"SELECT COUNT(*) FROM complaints"
                            " WHERE status <> 'closed' AND escalation_level = 1"_s)));
    ASSERT_EQ(everything->openByEscalationLevel.size(), 5);
    EXPECT_EQ(everything->openByEscalationLevel.at(4), (std::pair<int, qint64>(6, 1)));
}

TEST_P(StatsRepositoryTest, SettlingFromHistoryRebuildsWhatTheWritersKept)
{
    DemoSeeder::Options options;
    options.count = 800;
    const auto seeded = DemoSeeder(*db, catalog, clock).run(options);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString() << " ("
                             << seeded.error().detail.toStdString() << ")";
    auto before = StatsRepository(*db).keyFigures({});
    ASSERT_TRUE(before.ok());
    const double resolvedBefore = scalar(s(u"SELECT COUNT(resolved_at) FROM complaints"));
    const double sumBefore = scalar(s(u"SELECT SUM(resolution_seconds) FROM complaints"));
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(s(u"UPDATE complaints SET resolved_at = NULL, resolution_seconds = NULL,"
                         " resolved_within_target = 0, reopen_count = 0")));
    EXPECT_EQ(scalar(s(u"SELECT COUNT(resolved_at) FROM complaints")), 0);
    auto settled = ComplaintRepository(*db).settleResolutions(SlaRepository(*db).load().value());
    ASSERT_TRUE(settled.ok()) << settled.error().message.toStdString();
    EXPECT_GE(settled.value(), int(resolvedBefore));
    EXPECT_EQ(scalar(s(u"SELECT COUNT(resolved_at) FROM complaints")), resolvedBefore);
    EXPECT_EQ(scalar(s(u"SELECT SUM(resolution_seconds) FROM complaints")), sumBefore);
    auto after = StatsRepository(*db).keyFigures({});
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->toJson(), before->toJson());
}

INSTANTIATE_TEST_SUITE_P(Backends, StatsRepositoryTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
