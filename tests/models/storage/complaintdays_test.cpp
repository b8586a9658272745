// Migration 21's daily summary stays in step with every write: after the
// lifecycle's writers, a complaint moved to another agency and another day, and
// (SQLite) one deleted, its rows equal a recount from the complaints.
#include "storage/complaintdays.h"

#include "seed/demoseeder.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

using Rows = QMap<QString, QList<qint64>>; // key "kind/day/agency/province/code" → measures

class ComplaintDaysTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        catalog = ReferenceRepository(*db).load().value();
        ASSERT_TRUE(addTestUser(*db, u"sup"_s, Role::Supervisor, clock.nowUtc()).ok());
    }

    // Rows of the select, keyed by their five key columns; rows that sum to
    // nothing (every complaint of theirs moved away) are left out.
    Rows rowsOf(const QString &sql)
    {
        Rows out;
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
        const int measures = int(ComplaintDays::measures().size());
        while (q.next()) {
            QStringList key;
            for (int i = 0; i < 5; ++i)
                key << q.value(i).toString();
            QList<qint64> values;
            bool any = false;
            for (int i = 0; i < measures; ++i) {
                values << q.value(5 + i).toLongLong();
                any = any || values.constLast() != 0;
            }
            if (any)
                out.insert(key.join(u'/'), values);
        }
        return out;
    }

    Rows kept()
    {
        return rowsOf(u"SELECT kind, day, agency_code, province_code, code, %1 FROM %2"_s.arg(
            ComplaintDays::measures().join(u", "_s), QStringView(ComplaintDays::Table)));
    }

    Rows recounted()
    {
        Rows out;
        for (const QString &select : ComplaintDays::recount())
            out.insert(rowsOf(select));
        return out;
    }

    void exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.prepare(sql)) << q.lastError().text().toStdString();
        for (qsizetype i = 0; i < values.size(); ++i)
            q.bindValue(int(i), values.at(i));
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    }

    Result<Complaint> act(Action action, const QString &code, const QString &reason = {})
    {
        ActionRequest r;
        r.action = action;
        r.code = code;
        r.actor = u"sup"_s;
        r.reason = reason;
        return WorkflowService(*db, clock).perform(r);
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    ReferenceCatalog catalog;
    MockClock clock { tehran(2026, 11, 22, 10) };
};

TEST_P(ComplaintDaysTest, EveryWriteKeepsTheSummaryEqualToARecount)
{
    DemoSeeder::Options options;
    options.count = 600;
    options.days = 60;
    ASSERT_TRUE(DemoSeeder(*db, catalog, clock).run(options).ok());
    const Rows afterSeeding = kept();
    ASSERT_FALSE(afterSeeding.isEmpty());
    EXPECT_EQ(afterSeeding, recounted());
    for (const char16_t kind : { u'd', u'D', u'o', u'O', u'c' }) {
        const QString prefix = QString(QChar(kind)) + u'/';
        EXPECT_TRUE(std::any_of(afterSeeding.keyBegin(), afterSeeding.keyEnd(),
                                [&](const QString &k) { return k.startsWith(prefix); }))
            << "rows of kind " << prefix.toStdString();
    }

    auto all = ComplaintRepository(*db).list(ComplaintQuery {});
    ASSERT_TRUE(all.ok());
    ASSERT_GE(all->size(), 600);
    auto registered = IntakeService(*db, catalog, clock).registerComplaint(sampleDraft());
    ASSERT_TRUE(registered.ok());
    const Complaint open = registered.value();
    ASSERT_TRUE(act(Action::Refer, open.trackingCode).ok());
    ASSERT_TRUE(act(Action::Escalate, open.trackingCode, u"فوری"_s).ok());
    EXPECT_EQ(kept(), recounted()) << "after the lifecycle's writers";

    // Another agency and province, and a month earlier: its rows move.
    const Complaint moved = all->at(10);
    exec(u"UPDATE complaints SET agency_code = ?, province_code = ? WHERE id = ?"_s,
         { all->at(20).agencyCode == moved.agencyCode ? all->at(30).agencyCode
                                                      : all->at(20).agencyCode,
           all->at(40).provinceCode, moved.id });
    exec(u"UPDATE complaints SET received_at = ? WHERE id = ?"_s,
         { moved.receivedAt.addDays(-31).toMSecsSinceEpoch(), moved.id });
    // A write of nothing the summary counts leaves it alone.
    exec(u"UPDATE complaints SET description = description || '.' WHERE id = ?"_s,
         { all->at(50).id });
    EXPECT_EQ(kept(), recounted()) << "after moving a complaint";

    if (GetParam() == Backend::SQLite) {
        // Complaints are never deleted (their history is append-only); the
        // trigger is there all the same.
        exec(u"PRAGMA foreign_keys = OFF"_s);
        exec(u"DELETE FROM complaints WHERE id = ?"_s, { all->at(60).id });
        EXPECT_EQ(kept(), recounted()) << "after deleting a complaint";
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, ComplaintDaysTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

class ComplaintDaysLockingTest : public ComplaintDaysTest
{
};

// Two writers moving complaints between the same two category rows in
// opposite directions, on PostgreSQL: made to meet at the worst moment (the
// first waits for a row a third transaction holds, the second has written its
// first row and waits for the same), both go through once it lets go.
// Migration 21's trigger, which took every old row away before adding the new
// ones, deadlocked here.
TEST_P(ComplaintDaysLockingTest, OppositeMovesBetweenTwoRowsDoNotDeadlock)
{
    IntakeService intake(*db, catalog, clock);
    auto first = intake.registerComplaint(sampleDraft());
    auto second = intake.registerComplaint(sampleDraft());
    ASSERT_TRUE(first.ok() && second.ok());
    // Two directorates, so that only their category rows are shared.
    const QString from = u"delay"_s, to = u"absent_employee"_s;
    exec(u"UPDATE complaints SET category_code = ? WHERE id = ?"_s, { from, first->id });
    exec(u"UPDATE complaints SET category_code = ?, agency_code = ?, province_code = ?"
         " WHERE id = ?"_s,
         { to, u"social_security"_s, u"fars"_s, second->id });

    // The third transaction holds `from`'s row.
    QSqlQuery holder(db->connection());
    ASSERT_TRUE(holder.exec(u"BEGIN"_s));
    ASSERT_TRUE(
        holder.prepare(u"SELECT complaints FROM %1 WHERE kind = 'c' AND code = ? FOR UPDATE"_s.arg(
            QStringView(ComplaintDays::Table))));
    holder.addBindValue(from);
    ASSERT_TRUE(holder.exec());
    ASSERT_TRUE(holder.next()) << "the category's row is there";
    holder.finish();
    const auto waiting = [&] {
        QSqlQuery q(db->connection());
        (void)q.exec(u"SELECT pg_stat_clear_snapshot()"_s); // this transaction's view of them
        if (!q.exec(u"SELECT COUNT(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND wait_event_type = 'Lock'"_s)
            || !q.next())
            return -1;
        return q.value(0).toInt();
    };
    std::vector<std::string> failures(2);
    const auto move = [&](int i, qint64 id, const QString &category) {
        auto own = Database::open(testDb->url()); // a connection of its own, on its thread
        if (!own) {
            failures[i] = own.error().message.toStdString();
            return;
        }
        {
            QSqlQuery q(own.value()->connection());
            if (!q.prepare(u"UPDATE complaints SET category_code = ? WHERE id = ?"_s))
                failures[i] = q.lastError().text().toStdString();
            q.addBindValue(category);
            q.addBindValue(id);
            if (!q.exec())
                failures[i] = q.lastError().text().toStdString();
        }
        own.value().reset(); // its connection closes on its own thread
    };
    std::thread one(move, 0, first->id, to); // waits for `from`
    EXPECT_TRUE(QTest::qWaitFor([&] { return waiting() == 1; }, 10000));
    std::thread other(move, 1, second->id, from); // has `to` (or waits for it), waits
    EXPECT_TRUE(QTest::qWaitFor([&] { return waiting() == 2; }, 10000));
    ASSERT_TRUE(holder.exec(u"COMMIT"_s));
    one.join();
    other.join();
    EXPECT_EQ(failures[0], "");
    EXPECT_EQ(failures[1], "");
    EXPECT_EQ(kept(), recounted());
}

INSTANTIATE_TEST_SUITE_P(Backends, ComplaintDaysLockingTest, ::testing::Values(Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
