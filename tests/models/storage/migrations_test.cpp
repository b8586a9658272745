// Migration 3 writes the SLA defaults from the core's one definition of each,
// and what it writes is what schema 3 was released with.
#include "domain/referencedata.h"
#include "sla/holidays.h"
#include "sla/slapolicy.h"
#include "sla/workcalendar.h"
#include "storage/calendarrepository.h"
#include "storage/database.h"
#include "storage/slarepository.h"
#include "support/testdatabase.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;

namespace {

class MigrationsTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
    }

    // Every row of a query, each as its columns joined by '|'.
    QStringList rows(const QString &sql)
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        QStringList out;
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i)
                columns << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out << columns.join(u'|');
        }
        return out;
    }

    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
};

TEST_P(MigrationsTest, AFreshDatabaseHoldsTheCoreDefaults)
{
    const SlaConfig config = SlaRepository(*db).load().value();
    EXPECT_EQ(config.ladder(), EscalationRung::defaultLadder());

    const ReferenceCatalog catalog = ReferenceCatalog::builtIn();
    ASSERT_FALSE(catalog.categories().isEmpty());
    for (const Category &c : catalog.categories())
        EXPECT_EQ(config.policyFor(c.code, {}), SlaPolicy::defaultFor(c.urgent))
            << c.code.toStdString();
    // One policy a category, none per province: policyFor above did not fall back.
    EXPECT_EQ(rows(QStringLiteral("SELECT category_code FROM sla_policies")).size(),
              catalog.categories().size());

    CalendarRepository calendars(*db);
    EXPECT_EQ(calendars.hours(QStringLiteral("default")).value(), WorkCalendar::officeWeek());
    const QList<Holiday> holidays = calendars.holidays(QStringLiteral("default")).value();
    ASSERT_EQ(holidays.size(), Holidays::fixedSolar().size());
    for (qsizetype i = 0; i < holidays.size(); ++i) {
        const Holiday &stored = holidays[i];
        const Holiday &core = Holidays::fixedSolar()[i];
        EXPECT_EQ(stored.jalaliYear, core.jalaliYear);
        EXPECT_EQ(stored.jalaliMonth, core.jalaliMonth);
        EXPECT_EQ(stored.jalaliDay, core.jalaliDay);
        EXPECT_EQ(stored.name, core.name);
        EXPECT_EQ(stored.confirmed, core.confirmed);
    }
}

// Schema 3 is released: these are its rows as issue 4 shipped them, written out
// here once more on purpose. A changed default belongs in a new migration.
TEST_P(MigrationsTest, SchemaThreeRowsAreTheReleasedOnes)
{
    QStringList policies;
    const ReferenceCatalog catalog = ReferenceCatalog::builtIn();
    for (const Category &c : catalog.categories())
        policies << c.code
                + (c.urgent ? QStringLiteral("|NULL|5400|1|10800|1|10800|1")
                            : QStringLiteral("|NULL|86400|0|172800|0|86400|0"));
    policies.sort();
    EXPECT_EQ(rows(QStringLiteral(
                  "SELECT category_code, province_code, ack_seconds, ack_working, resolve_seconds,"
                  " resolve_working, verify_seconds, verify_working FROM sla_policies"
                  " ORDER BY category_code")),
              policies);
    EXPECT_EQ(rows(QStringLiteral("SELECT level, fraction, only_if_unacknowledged, notify"
                                  " FROM escalation_ladder ORDER BY level")),
              (QStringList { QStringLiteral("1|0.5|1|agency manager"),
                             QStringLiteral("2|1|0|centre supervisor, provincial manager"),
                             QStringLiteral("3|2|0|inspection headquarters") }));
    EXPECT_EQ(rows(QStringLiteral("SELECT code, name, time_zone, all_day FROM calendars"
                                  " ORDER BY code")),
              (QStringList {
                  QStringLiteral("24x7|Around the clock|Asia/Tehran|1"),
                  QStringLiteral("default|Saturday to Wednesday 07:00-14:00|Asia/Tehran|0") }));
    EXPECT_EQ(
        rows(QStringLiteral("SELECT calendar_code, weekday, start_minute, end_minute"
                            " FROM calendar_hours ORDER BY weekday")),
        (QStringList { QStringLiteral("default|1|420|840"), QStringLiteral("default|2|420|840"),
                       QStringLiteral("default|3|420|840"), QStringLiteral("default|6|420|840"),
                       QStringLiteral("default|7|420|840") }));
    // Ids as migration 5 numbered them, in the order migration 3 wrote them.
    EXPECT_EQ(rows(QStringLiteral("SELECT id, calendar_code, jalali_year, jalali_month, jalali_day,"
                                  " name, confirmed FROM calendar_holidays ORDER BY id")),
              (QStringList { QStringLiteral("1|default|NULL|1|1|Nowruz|1"),
                             QStringLiteral("2|default|NULL|1|2|Nowruz|1"),
                             QStringLiteral("3|default|NULL|1|3|Nowruz|1"),
                             QStringLiteral("4|default|NULL|1|4|Nowruz|1"),
                             QStringLiteral("5|default|NULL|1|12|Islamic Republic Day|1"),
                             QStringLiteral("6|default|NULL|1|13|Nature Day|1"),
                             QStringLiteral("7|default|NULL|3|14|Khomeini death|1"),
                             QStringLiteral("8|default|NULL|3|15|15 Khordad uprising|1"),
                             QStringLiteral("9|default|NULL|11|22|Revolution Day|1"),
                             QStringLiteral("10|default|NULL|12|29|Oil nationalisation|1") }));
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
