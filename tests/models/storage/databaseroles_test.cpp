// Migration 12 on PostgreSQL: real staff logins with passwords (scram-sha-256 in
// with-postgres), each refusal of issue 8 fails with an error and changes nothing;
// the allowed paths, and the system's narrow escalation path, work.
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/officerepository.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"a-long-password-1"_s;

class DatabaseRoles : public ::testing::Test
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, Backend::PostgreSQL);
        auto opened = Database::open(testDb->url());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString() << " "
                                 << opened.error().detail.toStdString();
        db = *opened;
        // Logins belong to the cluster: names unique to this test database.
        prefix = testDb->url().database + u'_';
        for (const auto &[name, role] :
             { std::pair { u"op", u"operator" }, std::pair { u"sup", u"supervisor" },
               std::pair { u"adm", u"admin" }, std::pair { u"ivr", u"integration" } }) {
            const QString verifier =
                db->passwordVerifier(login(QString::fromUtf16(name)), Password).value();
            ASSERT_TRUE(owner(u"SELECT fouad_create_login('%1', '', '%2', '%3', 1)"_s.arg(
                login(QString::fromUtf16(name)), QString::fromUtf16(role), verifier)))
                << lastError.toStdString();
        }
        IntakeService intake(*db, ReferenceRepository(*db).load().value(), clock);
        auto c = intake.registerComplaint(sampleDraft());
        ASSERT_TRUE(c.ok()) << c.error().message.toStdString() << c.error().detail.toStdString();
        complaintId = c->id;
        complaint = *c;
    }

    void TearDown() override
    {
        for (const QString &name : std::as_const(staff))
            QSqlDatabase::removeDatabase(name);
        db.reset();
        testDb.reset(); // drops the database, then the logins its users are
    }

    QString login(const QString &name) const { return prefix + name; }

    bool owner(const QString &sql)
    {
        QSqlQuery q(db->connection());
        const bool ok = q.exec(sql);
        lastError = q.lastError().text();
        return ok;
    }

    // A connection as the staff login NAME (short name), with its password.
    QSqlDatabase as(const QString &name)
    {
        const QString connection = u"roles-"_s + name;
        if (!staff.contains(connection)) {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
            c.setHostName(testDb->url().host);
            c.setPort(testDb->url().port);
            c.setDatabaseName(testDb->url().database);
            c.setUserName(login(name));
            c.setPassword(Password);
            EXPECT_TRUE(c.open()) << c.lastError().text().toStdString();
            staff << connection;
        }
        return QSqlDatabase::database(connection);
    }

    bool exec(const QString &name, const QString &sql)
    {
        QSqlQuery q(as(name));
        const bool ok = q.exec(sql);
        lastError = q.lastError().text();
        return ok;
    }

    QString scalar(const QString &sql)
    {
        QSqlQuery q(db->connection());
        if (!q.exec(sql) || !q.next())
            return u"error: "_s + q.lastError().text();
        return q.value(0).toString();
    }

    QString fingerprint()
    {
        return scalar(u"SELECT (SELECT COUNT(*) FROM complaint_events) || '/' ||"
                      " (SELECT string_agg(actor || type, ',' ORDER BY id) FROM complaint_events)"
                      " || '/' || (SELECT COUNT(*) FROM complaints) || '/' ||"
                      " (SELECT string_agg(status || version, ',') FROM complaints) || '/' ||"
                      " (SELECT string_agg(name || role || active, ',' ORDER BY id) FROM users)"_s);
    }

    MockClock clock { QDateTime(QDate(2026, 5, 10), QTime(9, 0), Qt::UTC) };
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    QString prefix;
    QStringList staff;
    QString lastError;
    qint64 complaintId = 0;
    Complaint complaint;
};

struct Refusal
{
    const char *who;
    const char *sql; // %1 the complaint's id, %2 the login prefix
};

// Each must fail with an error and change nothing.
const Refusal Refusals[] = {
    { "op", "UPDATE complaint_events SET actor = 'someone' WHERE complaint_id = %1" },
    { "sup", "DELETE FROM complaint_events WHERE complaint_id = %1" },
    { "adm", "DELETE FROM complaint_events" },
    { "op",
      "INSERT INTO complaint_events (complaint_id, at, actor, type) VALUES (%1, 1, '%2sup', "
      "'note')" },
    { "op",
      "INSERT INTO complaint_events (complaint_id, at, actor, type) VALUES (%1, 1, 'system', "
      "'note')" },
    { "sup", "DELETE FROM complaints WHERE id = %1" },
    { "adm", "DELETE FROM complaints" },
    // The workflow table: an operator closes only a verified complaint.
    { "op", "UPDATE complaints SET status = 'closed' WHERE id = %1" },
    { "op", "UPDATE complaints SET status = 'verified' WHERE id = %1" },
    { "sup", "UPDATE complaints SET status = 'resolved_by_agency' WHERE id = %1" },
    { "adm", "UPDATE complaints SET status = 'closed' WHERE id = %1" },
    { "ivr", "UPDATE complaints SET status = 'referred' WHERE id = %1" },
    // Users: only through the functions, and those only for administrators.
    { "op", "UPDATE users SET role = 'admin' WHERE name = '%2op'" },
    { "op", "SELECT fouad_set_role('%2op', 'admin')" },
    { "sup", "SELECT fouad_create_login('%2x', '', 'admin', 'a-long-password-1', 1)" },
    { "op", "GRANT fouad_admin TO %2op" },
    // A password in plain text, which a statement log could keep: refused even to an administrator.
    { "adm", "SELECT fouad_create_login('%2x', '', 'operator', 'a-long-password-1', 1)" },
    { "adm", "SELECT fouad_reset_password('%2op', 'a-long-password-2')" },
    // A login the server already has, of another centre or none: never taken over.
    { "adm", "SELECT fouad_create_login('postgres', '', 'admin', 'SCRAM-SHA-256$4096:x', 1)" },
    { "adm", "INSERT INTO users (name, role, created_at) VALUES ('%2y', 'admin', 1)" },
    { "adm", "DELETE FROM users" },
    { "adm", "SELECT password_hash FROM users" },
    { "adm",
      "SELECT fouad_set_active(current_user, false) FROM pg_roles WHERE false"
      " UNION ALL SELECT fouad_set_active('postgres', false)" },
    { "op", "CREATE ROLE %2z LOGIN" },
    // The integration: nothing personal.
    { "ivr", "SELECT citizen_name FROM complaints" },
    { "ivr", "SELECT * FROM complaint_events" },
    // The system path: only a rise on the ladder, only for an open complaint.
    { "op", "SELECT fouad_raise_escalation(%1, 0, 99, 1, 'x')" },
    { "ivr", "SELECT fouad_raise_escalation(%1, 0, 1, 1, 'x')" },
};

TEST_F(DatabaseRoles, EachRefusalFailsWithAnErrorAndChangesNothing)
{
    const QString before = fingerprint();
    ASSERT_FALSE(before.startsWith(u"error"_s)) << before.toStdString();
    for (const Refusal &r : Refusals) {
        const QString sql = QString::fromUtf8(r.sql)
                                .replace(u"%1"_s, QString::number(complaintId))
                                .replace(u"%2"_s, prefix);
        EXPECT_FALSE(exec(QString::fromUtf8(r.who), sql)) << r.who << ": " << sql.toStdString();
        EXPECT_EQ(fingerprint(), before) << sql.toStdString();
    }
}

TEST_F(DatabaseRoles, AllowedWritesWorkInTheLoginsOwnName)
{
    EXPECT_TRUE(exec(u"op"_s,
                     u"INSERT INTO complaint_events (complaint_id, at, actor, type) VALUES (%1, 1, "
                     "session_user, 'note')"_s.arg(complaintId)))
        << lastError.toStdString();
    EXPECT_TRUE(exec(u"op"_s,
                     u"UPDATE complaints SET status = 'referred' WHERE id = %1"_s.arg(complaintId)))
        << lastError.toStdString();
    EXPECT_TRUE(
        exec(u"sup"_s, u"UPDATE complaints SET status = 'closed' WHERE id = %1"_s.arg(complaintId)))
        << lastError.toStdString();
    EXPECT_TRUE(exec(u"ivr"_s, u"SELECT status, tracking_code FROM complaints"_s))
        << lastError.toStdString();
    EXPECT_TRUE(exec(u"op"_s, u"SELECT id, name, role FROM users"_s)) << lastError.toStdString();
}

// Migration 17: an integration's login reads the cities and offices and
// registers a complaint naming them; only an administrator keeps offices.
TEST_F(DatabaseRoles, AnIntegrationRegistersAComplaintWithItsCityAndOffice)
{
    ASSERT_TRUE(OfficeRepository(*db)
                    .save({ { u"tax-qazvin-1"_s, u"tax"_s, u"qazvin"_s, u"takestan"_s,
                              u"اداره امور مالیاتی تاکستان"_s } },
                          clock.nowUtc())
                    .ok());
    DatabaseUrl url = testDb->url();
    url.user = login(u"ivr"_s);
    url.password = Password;
    auto ivrDb = Database::open(url);
    ASSERT_TRUE(ivrDb.ok()) << ivrDb.error().detail.toStdString();
    auto catalog = ReferenceRepository(**ivrDb).load();
    ASSERT_TRUE(catalog.ok()) << catalog.error().detail.toStdString();
    ASSERT_TRUE(catalog->office(u"tax-qazvin-1"_s));
    ComplaintDraft d = sampleDraft();
    d.province = u"qazvin"_s;
    d.city = u"takestan"_s;
    d.office = u"tax-qazvin-1"_s;
    d.serviceDesk = u"واحد پرونده‌های مالیاتی"_s;
    auto c = IntakeService(**ivrDb, catalog.value(), clock).registerComplaint(d, login(u"ivr"_s));
    ASSERT_TRUE(c.ok()) << c.error().message.toStdString() << c.error().detail.toStdString();
    EXPECT_EQ(scalar(u"SELECT city_code || '/' || office_code || '/' || created_by FROM complaints"
                     " WHERE tracking_code = '%1'"_s.arg(c->trackingCode)),
              u"takestan/tax-qazvin-1/"_s + login(u"ivr"_s));
    EXPECT_TRUE(exec(u"ivr"_s, u"SELECT city_code, office_code, service_desk FROM complaints"_s))
        << lastError.toStdString();
    EXPECT_TRUE(exec(u"op"_s, u"SELECT code, name FROM offices"_s)) << lastError.toStdString();
    EXPECT_FALSE(exec(u"op"_s, u"DELETE FROM offices"_s));
    EXPECT_FALSE(exec(u"ivr"_s, u"UPDATE offices SET name = 'x'"_s));
    EXPECT_TRUE(exec(u"adm"_s, u"UPDATE offices SET name = 'اداره مالیات تاکستان'"_s))
        << lastError.toStdString();
}

TEST_F(DatabaseRoles, TheSystemPathRaisesADueEscalationAsSystem)
{
    EXPECT_TRUE(
        exec(u"op"_s, u"SELECT fouad_raise_escalation(%1, 0, 2, 5, 'due')"_s.arg(complaintId)))
        << lastError.toStdString();
    EXPECT_EQ(scalar(u"SELECT escalation_level || '/' || version FROM complaints"_s), u"2/3"_s);
    EXPECT_EQ(scalar(u"SELECT string_agg(actor || ':' || type, ',' ORDER BY id) FROM"
                     " complaint_events WHERE type = 'escalated'"_s),
              u"system:escalated,system:escalated"_s);
    // The level read must be current: a second raise from 0 changes nothing.
    EXPECT_TRUE(
        exec(u"op"_s, u"SELECT fouad_raise_escalation(%1, 0, 3, 5, 'due')"_s.arg(complaintId)));
    EXPECT_EQ(scalar(u"SELECT escalation_level FROM complaints"_s), u"2"_s);
}

TEST_F(DatabaseRoles, TheRepositoryEscalatesAndRemindsAsSystemUnderAStaffLogin)
{
    DatabaseUrl url = testDb->url();
    url.user = login(u"op"_s);
    url.password = Password;
    auto staffDb = Database::open(url);
    ASSERT_TRUE(staffDb.ok()) << staffDb.error().detail.toStdString();
    ComplaintRepository repository(**staffDb);
    auto raised = repository.raiseEscalation(complaint, 0, 1, clock.nowUtc(), u"due"_s);
    ASSERT_TRUE(raised.ok()) << raised.error().detail.toStdString();
    EXPECT_TRUE(*raised);
    ASSERT_TRUE(repository.addReminder(complaint, clock.nowUtc(), u"sup"_s).ok());
    EXPECT_EQ(scalar(u"SELECT string_agg(actor || ':' || type, ',' ORDER BY id) FROM"
                     " complaint_events WHERE type IN ('escalated', 'reminder')"_s),
              u"system:escalated,system:reminder"_s);
}

TEST_F(DatabaseRoles, AnAdministratorManagesLoginsThroughTheFunctions)
{
    ASSERT_TRUE(exec(u"adm"_s, u"SELECT fouad_set_role('%1op', 'supervisor')"_s.arg(prefix)))
        << lastError.toStdString();
    EXPECT_EQ(scalar(u"SELECT role FROM users WHERE name = '%1op'"_s.arg(prefix)), u"supervisor"_s);
    EXPECT_EQ(scalar(u"SELECT fouad_staff_role('%1op')"_s.arg(prefix)), u"supervisor"_s);
    ASSERT_TRUE(exec(u"adm"_s, u"SELECT fouad_set_active('%1sup', false)"_s.arg(prefix)))
        << lastError.toStdString();
    EXPECT_EQ(scalar(u"SELECT rolcanlogin FROM pg_roles WHERE rolname = '%1sup'"_s.arg(prefix)),
              u"false"_s);
    EXPECT_EQ(scalar(u"SELECT password_hash IS NULL FROM users WHERE name = '%1op'"_s.arg(prefix)),
              u"true"_s);
    EXPECT_EQ(scalar(u"SELECT bool_or(rolcreaterole) FROM pg_roles WHERE rolname LIKE '%1%%'"_s.arg(
                  prefix)),
              u"false"_s);
}

TEST_F(DatabaseRoles, AUserFromBeforeLoginsGetsALoginWhenTheirPasswordIsReset)
{
    // A program account made before migration 13: a row with a hash, no login.
    const QString old = login(u"old"_s);
    ASSERT_TRUE(owner(u"INSERT INTO users (name, full_name, role, password_hash, created_at)"
                      " VALUES ('%1', '', 'supervisor', 'pbkdf2-sha256$1$x$y', 1)"_s.arg(old)))
        << lastError.toStdString();
    const QString verifier = db->passwordVerifier(old, Password).value();
    ASSERT_TRUE(exec(u"adm"_s, u"SELECT fouad_reset_password('%1', '%2')"_s.arg(old, verifier)))
        << lastError.toStdString();
    EXPECT_EQ(scalar(u"SELECT password_hash IS NULL FROM users WHERE name = '%1'"_s.arg(old)),
              u"true"_s);
    EXPECT_EQ(scalar(u"SELECT fouad_staff_role('%1')"_s.arg(old)), u"supervisor"_s);
    DatabaseUrl url = testDb->url();
    url.user = old;
    url.password = Password;
    auto staffDb = Database::open(url);
    ASSERT_TRUE(staffDb) << staffDb.error().detail.toStdString();
    EXPECT_TRUE((*staffDb)->session().staff);
}

} // namespace

// The program's side: who a connection is, and what it may not do to the schema.
TEST_F(DatabaseRoles, AStaffLoginIsKnownAsSuchAndTheOwnerIsNot)
{
    EXPECT_FALSE(db->session().staff);
    EXPECT_EQ(db->actorFor(u"someone"_s).value(), u"someone"_s); // the owner acts as told
    DatabaseUrl url = testDb->url();
    url.user = login(u"op"_s);
    url.password = Password;
    auto staffDb = Database::open(url);
    ASSERT_TRUE(staffDb) << staffDb.error().message.toStdString();
    EXPECT_TRUE((*staffDb)->session().staff);
    EXPECT_EQ((*staffDb)->session().login, login(u"op"_s));
    EXPECT_EQ((*staffDb)->actorFor({}).value(), login(u"op"_s));
    EXPECT_EQ((*staffDb)->actorFor(login(u"op"_s)).value(), login(u"op"_s));
    auto other = (*staffDb)->actorFor(login(u"sup"_s));
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().kind, ErrorKind::Forbidden);
}

TEST_F(DatabaseRoles, AStaffLoginNeverMigratesAndNamesInitDbOnAnOlderSchema)
{
    // As if the program were newer than the schema: the last migration not recorded.
    ASSERT_TRUE(owner(u"DELETE FROM schema_migrations WHERE version = (SELECT MAX(version)"
                      " FROM schema_migrations)"_s))
        << lastError.toStdString();
    const QString before = scalar(u"SELECT COUNT(*) FROM schema_migrations"_s);
    DatabaseUrl url = testDb->url();
    url.user = login(u"adm"_s);
    url.password = Password;
    auto staffDb = Database::open(url);
    ASSERT_FALSE(staffDb);
    EXPECT_TRUE(staffDb.error().message.contains(u"fouadctl init-db"_s))
        << staffDb.error().message.toStdString();
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM schema_migrations"_s), before);
}

TEST_F(DatabaseRoles, TheUrlsConnectionParametersReachTheDriver)
{
    // The test server has no TLS: requiring it must fail, disabling it must not.
    DatabaseUrl url = testDb->url();
    url.parameters = { { u"sslmode"_s, u"require"_s } };
    auto refused = Database::open(url);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().detail.contains(u"SSL"_s, Qt::CaseInsensitive))
        << refused.error().detail.toStdString();
    url.parameters = { { u"sslmode"_s, u"disable"_s } };
    EXPECT_TRUE(Database::open(url));
}
