#include "storage/migrations.h"

#include "domain/referencedata.h"
#include "domain/user.h"
#include "domain/workflow.h"
#include "sla/holidays.h"
#include "sla/slapolicy.h"
#include "sla/workcalendar.h"
#include "storage/complaintdays.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/slarepository.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fouad::Migrations {

namespace {

struct Migration
{
    int version;
    const char16_t *description;
    QStringList (*statements)(const Dialect &dialect);
    // Rows written after the statements, with bound values (none: nullptr).
    Result<void> (*rows)(Database &database) = nullptr;
};

QStringList initialSchema(const Dialect &d)
{
    QStringList s = {
        u"CREATE TABLE provinces ("
        " code TEXT PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " name_en TEXT NOT NULL DEFAULT '',"
        " sort_order INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE agencies ("
        " code TEXT PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " name_en TEXT NOT NULL DEFAULT '',"
        " parent_code TEXT REFERENCES agencies(code),"
        " sort_order INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE categories ("
        " code TEXT PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " name_en TEXT NOT NULL DEFAULT '',"
        " urgent INTEGER NOT NULL DEFAULT 1,"
        " sort_order INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE users ("
        " id {ID},"
        " name TEXT NOT NULL UNIQUE,"
        " full_name TEXT NOT NULL DEFAULT '',"
        " role TEXT NOT NULL CHECK (role IN ('operator', 'inspector', 'supervisor', 'admin')),"
        " password_hash TEXT NOT NULL,"
        " failed_logins INTEGER NOT NULL DEFAULT 0,"
        " locked_until {BIGINT},"
        " active INTEGER NOT NULL DEFAULT 1,"
        " created_at {BIGINT} NOT NULL)"_s,
        // Times are milliseconds since the epoch, UTC: one representation that both
        // databases index and compare the same way.
        u"CREATE TABLE complaints ("
        " id {BIGINT} PRIMARY KEY," // the sequence value behind the tracking code
        " tracking_code TEXT NOT NULL UNIQUE,"
        " received_at {BIGINT} NOT NULL,"
        " channel TEXT NOT NULL,"
        " citizen_name TEXT NOT NULL,"
        " citizen_name_key TEXT NOT NULL," // PersianText::searchKey(citizen_name)
        " citizen_phone TEXT NOT NULL," // E.164
        " citizen_national_id TEXT,"
        " share_identity INTEGER NOT NULL DEFAULT 0,"
        " province_code TEXT NOT NULL REFERENCES provinces(code),"
        " agency_code TEXT NOT NULL REFERENCES agencies(code),"
        " category_code TEXT NOT NULL REFERENCES categories(code),"
        " priority TEXT NOT NULL,"
        " description TEXT NOT NULL,"
        " status TEXT NOT NULL,"
        " assignee TEXT,"
        " escalation_level INTEGER NOT NULL DEFAULT 0,"
        " due_at {BIGINT} NOT NULL,"
        " outcome TEXT,"
        " satisfaction INTEGER,"
        " version INTEGER NOT NULL DEFAULT 1,"
        " created_by TEXT NOT NULL,"
        " updated_at {BIGINT} NOT NULL)"_s,
        u"CREATE TABLE complaint_events ("
        " id {ID},"
        " complaint_id {BIGINT} NOT NULL REFERENCES complaints(id),"
        " at {BIGINT} NOT NULL,"
        " actor TEXT NOT NULL CHECK (actor <> ''),"
        " type TEXT NOT NULL,"
        " from_status TEXT,"
        " to_status TEXT,"
        " data TEXT NOT NULL DEFAULT '{}')"_s,
        // One index per queue sort and filter, so the queue's first page and every
        // next page is an index range scan (keyset paging), never a table scan.
        u"CREATE INDEX complaints_received ON complaints (received_at, id)"_s,
        u"CREATE INDEX complaints_status_received ON complaints (status, received_at, id)"_s,
        u"CREATE INDEX complaints_due ON complaints (due_at, id)"_s,
        u"CREATE INDEX complaints_status_due ON complaints (status, due_at, id)"_s,
        // Phone search and the "same phone, same agency, last 24 h" warning.
        u"CREATE INDEX complaints_phone ON complaints (citizen_phone, agency_code, received_at)"_s,
        u"CREATE INDEX complaints_category ON complaints (category_code, received_at)"_s,
        u"CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id)"_s,
    };
    if (d.isSQLite()) {
        s << u"CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"_s;
        s << u"CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events"
             " BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END"_s;
        s << u"CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events"
             " BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END"_s;
    } else {
        s << u"CREATE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS"
             " $$ BEGIN RAISE EXCEPTION 'complaint_events is append-only'; END $$"_s;
        s << u"CREATE TRIGGER complaint_events_append_only BEFORE UPDATE OR DELETE ON "
             u"complaint_events"
             " FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only()"_s;
        s << u"CREATE TRIGGER complaint_events_no_truncate BEFORE TRUNCATE ON complaint_events"
             " FOR EACH STATEMENT EXECUTE FUNCTION complaint_events_append_only()"_s;
    }
    // Codes start at seven digits so that none has leading zeros a spreadsheet would eat.
    s << d.createSequence(u"complaint_code"_s, 1000001);
    return s;
}

QStringList lifecycle(const Dialect &)
{
    return {
        u"ALTER TABLE complaints ADD COLUMN inspector TEXT"_s,
        u"ALTER TABLE complaints ADD COLUMN merged_into TEXT"_s,
        u"ALTER TABLE complaints ADD COLUMN closed_unverified INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE complaints ADD COLUMN locked_by TEXT"_s,
        u"ALTER TABLE complaints ADD COLUMN locked_until {BIGINT}"_s,
        // "My queue" and the target's list of merged duplicates.
        u"CREATE INDEX complaints_assignee ON complaints (assignee, received_at, id)"_s,
        u"CREATE INDEX complaints_merged_into ON complaints (merged_into)"_s,
    };
}

QStringList slaSchema(const Dialect &)
{
    // The rows come from the core's definitions: slaDefaults below.
    return {
        // Targets in seconds; *_working: counted on the complaint's work calendar.
        u"CREATE TABLE sla_policies ("
        " category_code TEXT NOT NULL REFERENCES categories(code),"
        " province_code TEXT REFERENCES provinces(code),"
        " ack_seconds INTEGER NOT NULL, ack_working INTEGER NOT NULL,"
        " resolve_seconds INTEGER NOT NULL, resolve_working INTEGER NOT NULL,"
        " verify_seconds INTEGER NOT NULL, verify_working INTEGER NOT NULL)"_s,
        u"CREATE UNIQUE INDEX sla_policies_key ON sla_policies (category_code, COALESCE(province_code, ''))"_s,
        u"CREATE TABLE escalation_ladder ("
        " level INTEGER PRIMARY KEY, fraction REAL NOT NULL, only_if_unacknowledged INTEGER NOT "
        "NULL,"
        " notify TEXT NOT NULL)"_s,
        u"CREATE TABLE calendars ("
        " code TEXT PRIMARY KEY, name TEXT NOT NULL, time_zone TEXT NOT NULL, all_day INTEGER NOT NULL DEFAULT 0)"_s,
        // weekday: Qt::DayOfWeek, Monday 1 .. Sunday 7.
        u"CREATE TABLE calendar_hours ("
        " calendar_code TEXT NOT NULL REFERENCES calendars(code), weekday INTEGER NOT NULL,"
        " start_minute INTEGER NOT NULL, end_minute INTEGER NOT NULL)"_s,
        // jalali_year NULL: every year (fixed solar holidays); a lunar holiday counts
        // only once an administrator confirmed it.
        u"CREATE TABLE calendar_holidays ("
        " calendar_code TEXT NOT NULL REFERENCES calendars(code), jalali_year INTEGER,"
        " jalali_month INTEGER NOT NULL, jalali_day INTEGER NOT NULL, name TEXT NOT NULL DEFAULT "
        "'',"
        " confirmed INTEGER NOT NULL DEFAULT 1)"_s,
        u"CREATE TABLE province_calendars ("
        " province_code TEXT PRIMARY KEY REFERENCES provinces(code),"
        " calendar_code TEXT NOT NULL REFERENCES calendars(code))"_s,
    };
}

// Migration 3's rows, bound from the one definition of each default:
// SlaPolicy::defaultFor, EscalationRung::defaultLadder, WorkCalendar's office
// hours and Holidays::fixedSolar. Released: these rows must stay what schema 3
// always had (tests/models/storage/migrations_test.cpp pins them), so a changed
// default needs a migration of its own.
Result<void> slaDefaults(Database &database)
{
    QSqlQuery q(database.connection());
    auto run = [&q](const QString &sql, const QVariantList &values) -> Result<void> {
        if (!q.prepare(sql))
            return sqlError(q.lastError());
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            return sqlError(q.lastError());
        return {};
    };
    // One statement over the categories, urgent ones on the urgent policy. The casts
    // give PostgreSQL the parameters' type inside CASE.
    const SlaPolicy urgent = SlaPolicy::defaultFor(true);
    const SlaPolicy complex = SlaPolicy::defaultFor(false);
    QStringList columns;
    QVariantList values;
    for (auto target : { &SlaPolicy::acknowledge, &SlaPolicy::resolve, &SlaPolicy::verify }) {
        for (int i = 0; i < 2; ++i)
            columns
                << u"CASE WHEN urgent = 1 THEN CAST(? AS INTEGER) ELSE CAST(? AS INTEGER) END"_s;
        values << (urgent.*target).seconds << (complex.*target).seconds
               << int((urgent.*target).working) << int((complex.*target).working);
    }
    if (auto r = run(
            u"INSERT INTO sla_policies (category_code, province_code, ack_seconds, "
            u"ack_working, resolve_seconds, resolve_working, verify_seconds, "
            u"verify_working) SELECT code, NULL, %1 FROM categories"_s.arg(columns.join(u", "_s)),
            values);
        !r)
        return r;
    for (const EscalationRung &rung : EscalationRung::defaultLadder()) {
        if (auto r =
                run(u"INSERT INTO escalation_ladder VALUES (?, ?, ?, ?)"_s,
                    { rung.level, rung.fraction, int(rung.onlyIfUnacknowledged), rung.notify });
            !r)
            return r;
    }
    const QString zone = QString::fromLatin1(WorkCalendar::DefaultTimeZone);
    if (auto r = run(u"INSERT INTO calendars VALUES ('default', 'Saturday to Wednesday "
                     u"07:00-14:00', ?, 0)"_s,
                     { zone });
        !r)
        return r;
    if (auto r =
            run(u"INSERT INTO calendars VALUES ('24x7', 'Around the clock', ?, 1)"_s, { zone });
        !r)
        return r;
    // Saturday first, the order schema 3 always had.
    for (Qt::DayOfWeek day : { Qt::Saturday, Qt::Sunday, Qt::Monday, Qt::Tuesday, Qt::Wednesday,
                               Qt::Thursday, Qt::Friday }) {
        for (const WorkCalendar::Interval &iv : WorkCalendar::officeWeek()[size_t(day - 1)]) {
            if (auto r = run(u"INSERT INTO calendar_hours VALUES ('default', ?, ?, ?)"_s,
                             { int(day), iv.startMinute, iv.endMinute });
                !r)
                return r;
        }
    }
    for (const Holiday &h : Holidays::fixedSolar()) {
        if (auto r = run(
                u"INSERT INTO calendar_holidays (calendar_code, jalali_year, jalali_month,"
                u" jalali_day, name) VALUES ('default', ?, ?, ?, ?)"_s,
                { h.jalaliYear == 0 ? QVariant(QMetaType(QMetaType::Int)) : QVariant(h.jalaliYear),
                  h.jalaliMonth, h.jalaliDay, h.name });
            !r)
            return r;
    }
    return {};
}

QStringList wallboard(const Dialect &)
{
    // Today's resolutions for the wallboard's average.
    return { u"CREATE INDEX complaint_events_type_at ON complaint_events (type, at)"_s };
}

QStringList holidayIds(const Dialect &)
{
    // Holidays get an id of their own, so the console can confirm or remove one.
    return {
        u"CREATE TABLE calendar_holidays_new ("
        " id {ID}, calendar_code TEXT NOT NULL REFERENCES calendars(code), jalali_year INTEGER,"
        " jalali_month INTEGER NOT NULL, jalali_day INTEGER NOT NULL, name TEXT NOT NULL DEFAULT "
        "'',"
        " confirmed INTEGER NOT NULL DEFAULT 1)"_s,
        u"INSERT INTO calendar_holidays_new (calendar_code, jalali_year, jalali_month, jalali_day, "
        u"name, confirmed)"
        " SELECT calendar_code, jalali_year, jalali_month, jalali_day, name, confirmed FROM calendar_holidays"_s,
        u"DROP TABLE calendar_holidays"_s,
        u"ALTER TABLE calendar_holidays_new RENAME TO calendar_holidays"_s,
    };
}

QStringList channelCalendars(const Dialect &)
{
    // A channel may run on its own calendar whatever the province (no row: the province's).
    return {
        u"CREATE TABLE channel_calendars ("
        " channel TEXT PRIMARY KEY, calendar_code TEXT NOT NULL REFERENCES calendars(code))"_s
    };
}

QStringList resolvedIndex(const Dialect &)
{
    // Migration 4's (type, at) index cost a third of a bulk load's time; only
    // the agency's fixes are ever looked up by time, so index just those.
    return {
        u"DROP INDEX complaint_events_type_at"_s,
        u"CREATE INDEX complaint_events_resolved ON complaint_events (at) WHERE type = 'resolve'"_s,
    };
}

QStringList searchIndexes(const Dialect &d)
{
    // The search box (SearchTerm): names and phones by substring through trigram
    // indexes, tracking codes by prefix on their unique index.
    if (d.isSQLite()) {
        // External-content FTS5 tables without positions (detail=none): a lookup
        // ANDs a word's trigrams and the caller re-checks with LIKE, so they only
        // need to know which rows hold each trigram. Triggers keep them in step
        // with every write. A bulk load (SqliteBulkWriter) pauses the insert
        // trigger inside its own transaction, holding the write lock, and indexes
        // its rows in one INSERT … SELECT: a fifth of the per-row trigger's cost.
        return {
            u"CREATE TABLE search_index_paused (paused INTEGER NOT NULL)"_s,
            u"CREATE VIRTUAL TABLE complaints_name_search USING fts5(citizen_name_key,"
            " content='complaints', content_rowid='id', tokenize='trigram', detail='none')"_s,
            u"CREATE VIRTUAL TABLE complaints_phone_search USING fts5(citizen_phone,"
            " content='complaints', content_rowid='id', tokenize='trigram', detail='none')"_s,
            u"CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints"
            " WHEN NOT EXISTS (SELECT 1 FROM search_index_paused) BEGIN"
            " INSERT INTO complaints_name_search (rowid, citizen_name_key)"
            "   VALUES (new.id, new.citizen_name_key);"
            " INSERT INTO complaints_phone_search (rowid, citizen_phone)"
            "   VALUES (new.id, new.citizen_phone); END"_s,
            u"CREATE TRIGGER complaints_search_update AFTER UPDATE OF citizen_name_key,"
            " citizen_phone ON complaints BEGIN"
            " INSERT INTO complaints_name_search (complaints_name_search, rowid, citizen_name_key)"
            "   VALUES ('delete', old.id, old.citizen_name_key);"
            " INSERT INTO complaints_phone_search (complaints_phone_search, rowid, citizen_phone)"
            "   VALUES ('delete', old.id, old.citizen_phone);"
            " INSERT INTO complaints_name_search (rowid, citizen_name_key)"
            "   VALUES (new.id, new.citizen_name_key);"
            " INSERT INTO complaints_phone_search (rowid, citizen_phone)"
            "   VALUES (new.id, new.citizen_phone); END"_s,
            u"CREATE TRIGGER complaints_search_delete AFTER DELETE ON complaints BEGIN"
            " INSERT INTO complaints_name_search (complaints_name_search, rowid, citizen_name_key)"
            "   VALUES ('delete', old.id, old.citizen_name_key);"
            " INSERT INTO complaints_phone_search (complaints_phone_search, rowid, citizen_phone)"
            "   VALUES ('delete', old.id, old.citizen_phone); END"_s,
            // Existing complaints (a schema-7 database upgraded in place).
            u"INSERT INTO complaints_name_search (complaints_name_search) VALUES ('rebuild')"_s,
            u"INSERT INTO complaints_phone_search (complaints_phone_search) VALUES ('rebuild')"_s,
        };
    }
    // pg_trgm is a trusted extension: the database owner may create it.
    return {
        u"CREATE EXTENSION IF NOT EXISTS pg_trgm"_s,
        u"CREATE INDEX complaints_name_trgm ON complaints USING gin (citizen_name_key gin_trgm_ops)"_s,
        u"CREATE INDEX complaints_phone_trgm ON complaints USING gin (citizen_phone gin_trgm_ops)"_s,
    };
}

// The tables an administrator configures; any write to one bumps config_version.
constexpr const char16_t *ConfigTables[] = {
    u"agencies",          u"categories",         u"sla_policies",
    u"escalation_ladder", u"calendars",          u"calendar_hours",
    u"calendar_holidays", u"province_calendars", u"channel_calendars",
};

QStringList adminChanges(const Dialect &d)
{
    QStringList s = {
        // Who changed what in the configuration, append-only like complaint_events.
        // before/after: JSON of the entity (absent when added or removed).
        u"CREATE TABLE admin_changes ("
        " id {ID},"
        " at {BIGINT} NOT NULL,"
        " actor TEXT NOT NULL CHECK (actor <> ''),"
        " entity TEXT NOT NULL,"
        " key TEXT NOT NULL,"
        " action TEXT NOT NULL,"
        " before TEXT,"
        " after TEXT)"_s,
        u"CREATE INDEX admin_changes_at ON admin_changes (at, id)"_s,
        // One row: every cache of the configuration (any process) compares its
        // version with this one before use, a single primary-key read.
        u"CREATE TABLE config_version ("
        " id INTEGER PRIMARY KEY CHECK (id = 1), version {BIGINT} NOT NULL)"_s,
        u"INSERT INTO config_version (id, version) VALUES (1, 1)"_s,
    };
    // Triggers rather than each writer's discipline: a change by the service, a
    // seed, fouadctl or by hand in psql bumps the version in its own transaction.
    if (d.isSQLite()) {
        s << u"CREATE TRIGGER admin_changes_no_update BEFORE UPDATE ON admin_changes"
             " BEGIN SELECT RAISE(ABORT, 'admin_changes is append-only'); END"_s;
        s << u"CREATE TRIGGER admin_changes_no_delete BEFORE DELETE ON admin_changes"
             " BEGIN SELECT RAISE(ABORT, 'admin_changes is append-only'); END"_s;
        for (const char16_t *table : ConfigTables) {
            for (const QString &event : { u"INSERT"_s, u"UPDATE"_s, u"DELETE"_s }) {
                s << u"CREATE TRIGGER %1_config_%2 AFTER %3 ON %1"
                     " BEGIN UPDATE config_version SET version = version + 1 WHERE id = 1; END"_s
                         .arg(QStringView(table), event.toLower(), event);
            }
        }
    } else {
        s << u"CREATE FUNCTION admin_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS"
             " $$ BEGIN RAISE EXCEPTION 'admin_changes is append-only'; END $$"_s;
        s << u"CREATE TRIGGER admin_changes_append_only BEFORE UPDATE OR DELETE ON admin_changes"
             " FOR EACH ROW EXECUTE FUNCTION admin_changes_append_only()"_s;
        s << u"CREATE TRIGGER admin_changes_no_truncate BEFORE TRUNCATE ON admin_changes"
             " FOR EACH STATEMENT EXECUTE FUNCTION admin_changes_append_only()"_s;
        s << u"CREATE FUNCTION bump_config_version() RETURNS trigger LANGUAGE plpgsql AS"
             " $$ BEGIN UPDATE config_version SET version = version + 1 WHERE id = 1;"
             " RETURN NULL; END $$"_s;
        for (const char16_t *table : ConfigTables) {
            s << u"CREATE TRIGGER %1_config AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %1"
                 " FOR EACH STATEMENT EXECUTE FUNCTION bump_config_version()"_s.arg(
                     QStringView(table));
        }
    }
    return s;
}

QStringList liveChanges(const Dialect &d)
{
    // Each event records the complaint's version it made (rows of a bulk load may
    // leave it NULL: readers take the complaint's). On PostgreSQL each event also
    // records its transaction, the commit-ordered cursor of ChangeFeed (ids are
    // taken at insert, so a transaction committing late has lower ids than rows
    // already read), and a statement-level trigger wakes the listeners. A small
    // statement notifies per complaint; a bulk load sends one "many".
    QStringList s = { u"ALTER TABLE complaint_events ADD COLUMN version INTEGER"_s };
    if (d.isSQLite())
        return s;
    s << u"ALTER TABLE complaint_events ADD COLUMN txid xid8 NOT NULL"
         " DEFAULT pg_current_xact_id()"_s;
    s << u"CREATE INDEX complaint_events_txid ON complaint_events (txid, id)"_s;
    s << u"CREATE FUNCTION complaint_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$"
         " DECLARE r record;"
         " BEGIN"
         "  IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 17) AS f) > 16 THEN"
         "   PERFORM pg_notify('fouad_changes', 'many');"
         "  ELSE"
         "   FOR r IN SELECT DISTINCT complaint_id, version FROM new_rows LOOP"
         "    PERFORM pg_notify('fouad_changes', r.complaint_id || ':' || coalesce(r.version, 0));"
         "   END LOOP;"
         "  END IF;"
         "  RETURN NULL;"
         " END $$"_s;
    s << u"CREATE TRIGGER complaint_events_notify AFTER INSERT ON complaint_events"
         " REFERENCING NEW TABLE AS new_rows"
         " FOR EACH STATEMENT EXECUTE FUNCTION complaint_events_notify()"_s;
    return s;
}

// A key the client makes per complaint (ComplaintDraft::clientKey): a retried
// save finds the complaint already made instead of making a second one.
QStringList clientKeys(const Dialect &)
{
    return {
        u"ALTER TABLE complaints ADD COLUMN client_key TEXT"_s,
        u"CREATE UNIQUE INDEX complaints_client_key ON complaints (client_key)"
        " WHERE client_key IS NOT NULL"_s,
    };
}

// Migration 12: on PostgreSQL each person is a login, a member of one group role
// per staff role; what a group may do is generated here from the core's rules
// (Workflow::table(), mayRegister, mayTakeSoftLock, mayAdminister), never listed
// by hand. SQLite keeps the program's own accounts: nothing to do there.
QString groupRole(Role role)
{
    return u"fouad_"_s + code(role);
}

QString sqlList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted << u'\'' + item + u'\'';
    return quoted.join(u", "_s);
}

// The group roles of every Role the predicate holds for, as a GRANT's list.
template<typename Predicate> QString rolesWhere(Predicate predicate)
{
    QStringList out;
    for (Role role : allRoles()) {
        if (predicate(role))
            out << groupRole(role);
    }
    return out.join(u", "_s);
}

bool changesComplaints(Role role)
{
    User u;
    u.role = role;
    return Workflow::mayTakeSoftLock(u)
        || std::any_of(Workflow::table().cbegin(), Workflow::table().cend(),
                       [role](const Workflow::Transition &t) { return t.roles.contains(role); });
}

bool registersComplaints(Role role)
{
    User u;
    u.role = role;
    return Workflow::mayRegister(u);
}

bool administersCentre(Role role)
{
    User u;
    u.role = role;
    u.name = u"x"_s;
    return mayAdminister(u);
}

bool isStaffRole(Role role)
{
    return role != Role::Integration;
}

QStringList databaseRoles(const Dialect &d)
{
    if (d.isSQLite())
        return {};
    QStringList roleCodesList;
    for (Role role : allRoles())
        roleCodesList << code(role);
    QStringList openStatuses;
    for (Status s : allStatuses()) {
        if (Workflow::isOpen(s))
            openStatuses << code(s);
    }
    const auto changes = &changesComplaints;
    const auto registers = &registersComplaints;
    const auto administers = &administersCentre;
    const auto staff = &isStaffRole;

    QStringList s;
    // Roles belong to the cluster, which several databases may share and migrate at once.
    for (Role role : allRoles()) {
        s << u"DO $$ BEGIN CREATE ROLE %1 NOLOGIN; EXCEPTION WHEN duplicate_object OR "
             "unique_violation THEN NULL; END $$"_s.arg(groupRole(role));
    }
    // The password lives only in PostgreSQL (SCRAM): logins made here have no hash.
    s << u"ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL"_s;
    s << u"ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check"_s;
    s << u"ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (%1))"_s.arg(
        sqlList(roleCodesList));
    // The workflow table as rows (filled from Workflow::table()); to_status NULL: the
    // call's result decides (verify).
    s << u"CREATE TABLE workflow_transitions (role TEXT NOT NULL, action TEXT NOT NULL,"
         " from_status TEXT NOT NULL, to_status TEXT)"_s;
    s << u"CREATE INDEX workflow_transitions_from ON workflow_transitions (role, from_status)"_s;

    // Who is the owner: a superuser or a member of the tables' owner. Inside a SECURITY
    // DEFINER function current_user is the owner, so the narrow paths pass the checks.
    s << u"CREATE FUNCTION fouad_is_owner(who name) RETURNS boolean LANGUAGE sql STABLE AS $$"
         " SELECT COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = who), false)"
         " OR pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'complaints'::regclass),"
         " 'USAGE') $$"_s;
    s << u"CREATE FUNCTION fouad_staff_role(who name) RETURNS text LANGUAGE sql STABLE AS $$"
         " SELECT r FROM unnest(ARRAY[%1]) AS r WHERE pg_has_role(who, 'fouad_' || r, 'MEMBER')"
         " LIMIT 1 $$"_s.arg(sqlList(roleCodesList));
    // History is written in the session's name: refused, not rewritten.
    s << u"CREATE FUNCTION fouad_check_actor() RETURNS trigger LANGUAGE plpgsql AS $$"
         " DECLARE who text := to_jsonb(NEW) ->> TG_ARGV[0];"
         " BEGIN IF NOT fouad_is_owner(current_user) AND who IS DISTINCT FROM session_user::text"
         " THEN RAISE EXCEPTION 'actor % is not the signed-in login %', who, session_user"
         " USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$"_s;
    s << u"CREATE TRIGGER complaint_events_actor BEFORE INSERT ON complaint_events"
         " FOR EACH ROW EXECUTE FUNCTION fouad_check_actor('actor')"_s;
    s << u"CREATE TRIGGER admin_changes_actor BEFORE INSERT ON admin_changes"
         " FOR EACH ROW EXECUTE FUNCTION fouad_check_actor('actor')"_s;
    s << u"CREATE TRIGGER complaints_created_by BEFORE INSERT ON complaints"
         " FOR EACH ROW EXECUTE FUNCTION fouad_check_actor('created_by')"_s;
    // Every status change by a staff login must be a row of the workflow table for its role.
    s << u"CREATE FUNCTION fouad_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$"
         " BEGIN IF NEW.status IS DISTINCT FROM OLD.status AND NOT fouad_is_owner(current_user)"
         " AND NOT EXISTS (SELECT 1 FROM workflow_transitions t"
         " WHERE t.role = fouad_staff_role(session_user) AND t.from_status = OLD.status"
         " AND (t.to_status = NEW.status OR t.to_status IS NULL))"
         " THEN RAISE EXCEPTION 'the workflow does not let % change a complaint from % to %',"
         " session_user, OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';"
         " END IF; RETURN NEW; END $$"_s;
    s << u"CREATE TRIGGER complaints_transition BEFORE UPDATE ON complaints"
         " FOR EACH ROW EXECUTE FUNCTION fouad_check_transition()"_s;

    // Grants. Reading: every staff role reads every table (the live feed too), users
    // without password material; the integration role only what registering needs and
    // a complaint's status without personal data.
    const QString staffRoles = rolesWhere(staff);
    s << u"DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables"
         " WHERE schemaname = current_schema() AND tablename <> 'users' LOOP"
         " EXECUTE format('GRANT SELECT ON %I TO %1', t); END LOOP; END $$"_s.arg(staffRoles);
    const QString everyone = rolesWhere([](Role) { return true; });
    s << u"GRANT SELECT (id, name, full_name, role, active, created_at) ON users TO %1"_s.arg(
        everyone);
    s << u"GRANT SELECT ON schema_migrations, provinces, agencies, categories, sla_policies,"
         " escalation_ladder, calendars, calendar_hours, calendar_holidays, province_calendars,"
         " channel_calendars, config_version TO %1"_s.arg(groupRole(Role::Integration));
    s << u"DO $$ DECLARE c text; BEGIN FOR c IN SELECT column_name FROM information_schema.columns"
         " WHERE table_schema = current_schema() AND table_name = 'complaints'"
         " AND column_name NOT LIKE 'citizen%' AND column_name NOT IN ('description', 'assignee',"
         " 'inspector', 'locked_by', 'created_by') LOOP"
         " EXECUTE format('GRANT SELECT (%I) ON complaints TO %1', c); END LOOP; END $$"_s.arg(
             groupRole(Role::Integration));
    // Writing complaints and their history (append-only: INSERT, never UPDATE or DELETE).
    const QString registerers = rolesWhere(registers);
    s << u"GRANT INSERT ON complaints, complaint_events TO %1"_s.arg(registerers);
    s << u"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1 TO %2"_s.arg(
        u"public"_s, rolesWhere([&](Role r) { return registers(r) || changes(r); }));
    const QString changers = rolesWhere(changes);
    s << u"GRANT UPDATE (status, assignee, inspector, escalation_level, outcome, satisfaction,"
         " closed_unverified, merged_into, version, updated_at, due_at, locked_by, locked_until)"
         " ON complaints TO %1"_s.arg(changers);
    s << u"GRANT INSERT ON complaint_events TO %1"_s.arg(changers);
    // Configuration: the administrators; users only through the functions below.
    const QString admins = rolesWhere(administers);
    for (const char16_t *table : ConfigTables)
        s << u"GRANT INSERT, UPDATE, DELETE ON %1 TO %2"_s.arg(QStringView(table), admins);
    s << u"GRANT INSERT ON admin_changes TO %1"_s.arg(admins);
    s << u"GRANT UPDATE ON config_version TO %1"_s.arg(admins);

    // SECURITY DEFINER functions: owned by the schema owner, a fixed search_path,
    // EXECUTE only for the group that needs it.
    const QString definer =
        u" LANGUAGE plpgsql SECURITY DEFINER SET search_path = %1, pg_temp"_s.arg(u"public"_s);
    s << u"CREATE FUNCTION fouad_require_admin() RETURNS void LANGUAGE plpgsql AS $$ BEGIN"
         " IF NOT (fouad_is_owner(session_user) OR pg_has_role(session_user, 'fouad_admin',"
         " 'MEMBER')) THEN RAISE EXCEPTION 'only an administrator may change logins'"
         " USING ERRCODE = 'insufficient_privilege'; END IF; END $$"_s;
    // A login the functions may change: one of ours, never the owner or a superuser.
    s << u"CREATE FUNCTION fouad_require_staff_login(p_name text) RETURNS void LANGUAGE plpgsql"
         " AS $$ BEGIN IF NOT EXISTS (SELECT 1 FROM users WHERE name = p_name)"
         " OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name AND NOT rolsuper)"
         " OR fouad_is_owner(p_name::name) THEN RAISE EXCEPTION 'no staff login named %', p_name"
         " USING ERRCODE = 'insufficient_privilege'; END IF; END $$"_s;
    s << u"CREATE FUNCTION fouad_create_login(p_name text, p_full_name text, p_role text,"
         " p_password text, p_at bigint) RETURNS bigint"_s
            + definer
            + u" SET password_encryption = 'scram-sha-256' AS $$ DECLARE new_id bigint; BEGIN"
              " PERFORM fouad_require_admin();"
              " IF p_role NOT IN (%1) THEN RAISE EXCEPTION 'unknown role %', p_role"
              " USING ERRCODE = 'check_violation'; END IF;"
              " EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_password);"
              " EXECUTE format('GRANT %I TO %I', 'fouad_' || p_role, p_name);"
              " INSERT INTO users (name, full_name, role, password_hash, created_at)"
              " VALUES (p_name, p_full_name, p_role, NULL, p_at) RETURNING id INTO new_id;"
              " RETURN new_id; END $$"_s.arg(sqlList(roleCodesList));
    s << u"CREATE FUNCTION fouad_set_role(p_name text, p_role text) RETURNS void"_s + definer
            + u" AS $$ DECLARE r text; BEGIN PERFORM fouad_require_admin();"
              " PERFORM fouad_require_staff_login(p_name);"
              " IF p_role NOT IN (%1) THEN RAISE EXCEPTION 'unknown role %', p_role"
              " USING ERRCODE = 'check_violation'; END IF;"
              " FOREACH r IN ARRAY ARRAY[%1] LOOP"
              " IF pg_has_role(p_name, 'fouad_' || r, 'MEMBER') THEN"
              " EXECUTE format('REVOKE %I FROM %I', 'fouad_' || r, p_name); END IF; END LOOP;"
              " EXECUTE format('GRANT %I TO %I', 'fouad_' || p_role, p_name);"
              " UPDATE users SET role = p_role WHERE name = p_name; END $$"_s.arg(
                  sqlList(roleCodesList));
    s << u"CREATE FUNCTION fouad_set_active(p_name text, p_active boolean) RETURNS void"_s + definer
            + u" AS $$ BEGIN PERFORM fouad_require_admin(); PERFORM "
              u"fouad_require_staff_login(p_name);"
              " EXECUTE format('ALTER ROLE %I ' || CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN'"
              " END, p_name);"
              " UPDATE users SET active = CASE WHEN p_active THEN 1 ELSE 0 END WHERE name = p_name;"
              " END $$"_s;
    s << u"CREATE FUNCTION fouad_reset_password(p_name text, p_password text) RETURNS void"_s
            + definer
            + u" SET password_encryption = 'scram-sha-256' AS $$ BEGIN PERFORM "
              u"fouad_require_admin();"
              " PERFORM fouad_require_staff_login(p_name);"
              " EXECUTE format('ALTER ROLE %I PASSWORD %L', p_name, p_password); END $$"_s;
    // The system's narrow path: a due SLA escalation, actor "system". The database checks
    // what it can (open, the level read is current, rises, within the ladder); whether
    // the rung is due by the work calendars is SLA arithmetic it cannot repeat.
    s << u"CREATE FUNCTION fouad_raise_escalation(p_id bigint, p_from integer, p_to integer,"
         " p_at bigint, p_reason text) RETURNS boolean"_s
            + definer
            + u" AS $$ DECLARE st text; lvl integer; v integer; BEGIN"
              " SELECT status, version INTO st, v FROM complaints WHERE id = p_id"
              " AND escalation_level = p_from FOR UPDATE;"
              " IF NOT FOUND THEN RETURN false; END IF;"
              " IF st NOT IN (%1) THEN RAISE EXCEPTION 'complaint % is not open', p_id"
              " USING ERRCODE = 'insufficient_privilege'; END IF;"
              " IF p_to <= p_from OR p_to > (SELECT COALESCE(MAX(level), 0) FROM escalation_ladder)"
              " THEN RAISE EXCEPTION 'escalation % to % is not on the ladder', p_from, p_to"
              " USING ERRCODE = 'insufficient_privilege'; END IF;"
              " UPDATE complaints SET escalation_level = p_to, version = version + p_to - p_from,"
              " updated_at = p_at WHERE id = p_id;"
              " FOR lvl IN p_from + 1 .. p_to LOOP"
              " INSERT INTO complaint_events (complaint_id, at, actor, type, from_status, "
              "to_status,"
              " data, version) VALUES (p_id, p_at, 'system', 'escalated', st, st,"
              " jsonb_build_object('level', lvl, 'reason', p_reason)::text, v + lvl - p_from);"
              " END LOOP;"
              " RETURN true; END $$"_s.arg(sqlList(openStatuses));
    s << u"CREATE FUNCTION fouad_add_reminder(p_id bigint, p_at bigint, p_recipient text)"
         " RETURNS void"_s
            + definer
            + u" AS $$ DECLARE st text; lvl integer; v integer; BEGIN"
              " SELECT status, escalation_level, version INTO st, lvl, v FROM complaints"
              " WHERE id = p_id;"
              " IF NOT FOUND OR st NOT IN (%1) THEN RAISE EXCEPTION 'complaint % is not open', p_id"
              " USING ERRCODE = 'insufficient_privilege'; END IF;"
              " INSERT INTO complaint_events (complaint_id, at, actor, type, from_status, "
              "to_status,"
              " data, version) VALUES (p_id, p_at, 'system', 'reminder', st, st,"
              " jsonb_build_object('level', lvl, 'recipient', p_recipient)::text, v); END $$"_s.arg(
                  sqlList(openStatuses));
    const QStringList functions = {
        u"fouad_create_login(text, text, text, text, bigint)"_s,
        u"fouad_set_role(text, text)"_s,
        u"fouad_set_active(text, boolean)"_s,
        u"fouad_reset_password(text, text)"_s,
        u"fouad_raise_escalation(bigint, integer, integer, bigint, text)"_s,
        u"fouad_add_reminder(bigint, bigint, text)"_s,
        u"fouad_require_admin()"_s,
        u"fouad_require_staff_login(text)"_s,
    };
    for (const QString &f : functions)
        s << u"REVOKE EXECUTE ON FUNCTION %1 FROM PUBLIC"_s.arg(f);
    for (int i = 0; i < 4; ++i)
        s << u"GRANT EXECUTE ON FUNCTION %1 TO %2"_s.arg(functions[i], admins);
    for (int i = 4; i < 6; ++i)
        s << u"GRANT EXECUTE ON FUNCTION %1 TO %2"_s.arg(functions[i], changers);
    return s;
}

Result<void> workflowTransitions(Database &database)
{
    if (database.dialect().isSQLite())
        return {};
    QSqlQuery q(database.connection());
    q.prepare(u"INSERT INTO workflow_transitions (role, action, from_status, to_status)"
              " VALUES (?, ?, ?, ?)"_s);
    for (const Workflow::Transition &t : Workflow::table()) {
        for (Role role : t.roles) {
            for (Status from : t.from) {
                q.bindValue(0, code(role));
                q.bindValue(1, code(t.action));
                q.bindValue(2, code(from));
                q.bindValue(3,
                            t.decidedByResult ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(code(t.to.value_or(from))));
                if (!q.exec())
                    return sqlError(q.lastError());
            }
        }
    }
    return {};
}

// Migration 13 (PostgreSQL): the program's users are the logins. A password
// reaches the server only as a SCRAM-SHA-256 verifier made by the client (libpq,
// as psql's \password does), never in plain text a statement log could keep; and
// the users made before logins existed (program accounts with a hash) get their
// login when an administrator resets their password.
// fouad_reset_password: sets a staff login's password (a SCRAM verifier), making
// the login when the server has none. Migration 13 left an existing login's
// right to sign in alone; migration 19 also lets an active user's login sign in
// (a restore recreates missing logins NOLOGIN).
enum class ExistingLogin { PasswordOnly, SignsInWhenActive };
QString resetPasswordFunction(const QString &definer, ExistingLogin existing)
{
    const QString alter = existing == ExistingLogin::PasswordOnly
        ? u" EXECUTE format('ALTER ROLE %I PASSWORD %L', p_name, p_password);"_s
        : u" EXECUTE format('ALTER ROLE %I ' || CASE WHEN u.active = 1 THEN 'LOGIN'"
          " ELSE 'NOLOGIN' END || ' PASSWORD %L', p_name, p_password);"_s;
    return u"CREATE OR REPLACE FUNCTION fouad_reset_password(p_name text, p_password text)"
           " RETURNS void"_s
        + definer
        + u" AS $$ DECLARE u record; BEGIN PERFORM fouad_require_admin();"
          " PERFORM fouad_require_staff_login(p_name);"
          " PERFORM fouad_require_verifier(p_password);"
          " SELECT role, active INTO u FROM users WHERE name = p_name;"
          " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN"_s
        + alter
        + u" ELSE EXECUTE format('CREATE ROLE %I ' || CASE WHEN u.active = 1 THEN 'LOGIN'"
          " ELSE 'NOLOGIN' END || ' PASSWORD %L', p_name, p_password);"
          " EXECUTE format('GRANT %I TO %I', 'fouad_' || u.role, p_name); END IF;"
          " UPDATE users SET password_hash = NULL, failed_logins = 0, locked_until = NULL"
          " WHERE name = p_name; END $$"_s;
}

QStringList loginsForUsers(const Dialect &d)
{
    if (d.isSQLite())
        return {};
    QStringList roleCodesList;
    for (Role role : allRoles())
        roleCodesList << code(role);
    const QString roles = sqlList(roleCodesList);
    const QString definer =
        u" LANGUAGE plpgsql SECURITY DEFINER SET search_path = %1, pg_temp"_s.arg(u"public"_s);
    QStringList s;
    s << u"CREATE FUNCTION fouad_require_verifier(p_secret text) RETURNS void LANGUAGE plpgsql"
         " AS $$ BEGIN IF p_secret IS NULL OR p_secret NOT LIKE 'SCRAM-SHA-256$%' THEN"
         " RAISE EXCEPTION 'a password is given as a SCRAM-SHA-256 verifier, never in plain text'"
         " USING ERRCODE = 'invalid_parameter_value'; END IF; END $$"_s;
    s << u"REVOKE EXECUTE ON FUNCTION fouad_require_verifier(text) FROM PUBLIC"_s;
    // A user of this centre whose login, if there is one, is no owner or superuser.
    s << u"CREATE OR REPLACE FUNCTION fouad_require_staff_login(p_name text) RETURNS void"
         " LANGUAGE plpgsql AS $$ BEGIN"
         " IF NOT EXISTS (SELECT 1 FROM users WHERE name = p_name) THEN"
         " RAISE EXCEPTION 'no user named %', p_name USING ERRCODE = 'no_data_found'; END IF;"
         " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name AND (rolsuper"
         " OR fouad_is_owner(p_name::name))) THEN RAISE EXCEPTION 'no staff login named %', p_name"
         " USING ERRCODE = 'insufficient_privilege'; END IF; END $$"_s;
    s << u"CREATE OR REPLACE FUNCTION fouad_create_login(p_name text, p_full_name text,"
         " p_role text, p_password text, p_at bigint) RETURNS bigint"_s
            + definer
            + u" AS $$ DECLARE new_id bigint; BEGIN PERFORM fouad_require_admin();"
              " IF p_role NOT IN (%1) THEN RAISE EXCEPTION 'unknown role %', p_role"
              " USING ERRCODE = 'check_violation'; END IF;"
              " PERFORM fouad_require_verifier(p_password);"
              " IF EXISTS (SELECT 1 FROM users WHERE name = p_name) THEN"
              " RAISE EXCEPTION 'a user named % already exists', p_name"
              " USING ERRCODE = 'unique_violation'; END IF;"
              " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN"
              " RAISE EXCEPTION 'a login named % already exists on this server', p_name"
              " USING ERRCODE = 'duplicate_object'; END IF;"
              " EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_password);"
              " EXECUTE format('GRANT %I TO %I', 'fouad_' || p_role, p_name);"
              " INSERT INTO users (name, full_name, role, password_hash, created_at)"
              " VALUES (p_name, p_full_name, p_role, NULL, p_at) RETURNING id INTO new_id;"
              " RETURN new_id; END $$"_s.arg(roles);
    s << u"CREATE OR REPLACE FUNCTION fouad_set_role(p_name text, p_role text) RETURNS void"_s
            + definer
            + u" AS $$ DECLARE r text; BEGIN PERFORM fouad_require_admin();"
              " PERFORM fouad_require_staff_login(p_name);"
              " IF p_role NOT IN (%1) THEN RAISE EXCEPTION 'unknown role %', p_role"
              " USING ERRCODE = 'check_violation'; END IF;"
              " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN"
              " FOREACH r IN ARRAY ARRAY[%1] LOOP"
              " IF pg_has_role(p_name, 'fouad_' || r, 'MEMBER') THEN"
              " EXECUTE format('REVOKE %I FROM %I', 'fouad_' || r, p_name); END IF; END LOOP;"
              " EXECUTE format('GRANT %I TO %I', 'fouad_' || p_role, p_name); END IF;"
              " UPDATE users SET role = p_role WHERE name = p_name; END $$"_s.arg(roles);
    s << u"CREATE OR REPLACE FUNCTION fouad_set_active(p_name text, p_active boolean)"
         " RETURNS void"_s
            + definer
            + u" AS $$ BEGIN PERFORM fouad_require_admin();"
              " PERFORM fouad_require_staff_login(p_name);"
              " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN"
              " EXECUTE format('ALTER ROLE %I ' || CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN'"
              " END, p_name); END IF;"
              " UPDATE users SET active = CASE WHEN p_active THEN 1 ELSE 0 END WHERE name = p_name;"
              " END $$"_s;
    s << resetPasswordFunction(definer, ExistingLogin::PasswordOnly);
    // An integration follows changes too (fouadctl watch): which complaint, what and
    // when, never an event's data (reasons and notes may name the citizen).
    s << u"GRANT SELECT (id, complaint_id, at, actor, type, version, txid) ON complaint_events"
         " TO %1"_s.arg(groupRole(Role::Integration));
    return s;
}

// Migration 14: notifications. Contacts per agency (and province), the outbox a
// referral, an escalation, a registration or a closing writes its messages to in
// its own transaction, and the one lease that lets a single dispatcher send.
QStringList notifications(const Dialect &d)
{
    QStringList s = {
        u"CREATE TABLE contacts ("
        " id {ID},"
        " agency_code TEXT REFERENCES agencies (code)," // NULL: citizen_sms only
        " province_code TEXT REFERENCES provinces (code)," // NULL: every province
        " name TEXT NOT NULL CHECK (name <> ''),"
        " role TEXT NOT NULL CHECK (role IN ('unit', 'manager', 'provincial_manager',"
        " 'supervisor', 'headquarters', 'citizen_sms')),"
        " phone TEXT,"
        " webhook TEXT,"
        " created_at {BIGINT} NOT NULL,"
        " CHECK ((role = 'citizen_sms') = (agency_code IS NULL)))"_s,
        u"CREATE INDEX contacts_agency ON contacts (agency_code, role)"_s,
        // One row per message and recipient; the recipient's name and address are
        // copied in, fixed when the message is written.
        u"CREATE TABLE notifications ("
        " id {ID},"
        " complaint_id {BIGINT} NOT NULL REFERENCES complaints (id),"
        " event_id {BIGINT} REFERENCES complaint_events (id),"
        " contact_id {BIGINT}," // the contact may be removed later
        " contact_name TEXT NOT NULL,"
        " webhook TEXT NOT NULL,"
        " idempotency_key TEXT NOT NULL UNIQUE,"
        " payload TEXT NOT NULL,"
        " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered',"
        " 'failed')),"
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " next_attempt_at {BIGINT} NOT NULL,"
        " last_error TEXT,"
        " created_at {BIGINT} NOT NULL,"
        " finished_at {BIGINT})"_s,
        u"CREATE INDEX notifications_due ON notifications (next_attempt_at, id)"
        " WHERE state = 'pending'"_s,
        u"CREATE INDEX notifications_failed ON notifications (finished_at) WHERE state = 'failed'"_s,
        u"CREATE INDEX notifications_complaint ON notifications (complaint_id)"_s,
        u"CREATE TABLE dispatch_leases ("
        " name TEXT PRIMARY KEY,"
        " holder TEXT,"
        " expires_at {BIGINT} NOT NULL DEFAULT 0)"_s,
        u"INSERT INTO dispatch_leases (name, holder, expires_at) VALUES ('notifications', NULL, 0)"_s,
    };
    if (d.isSQLite())
        return s;
    // Migration 12's grants for the new tables: every staff role reads them;
    // administrators keep contacts; whoever refers, escalates, registers or closes
    // writes the outbox in that transaction. The dispatcher's writes go through
    // functions of their own (owned by the schema owner), actor "system".
    s << u"GRANT SELECT ON contacts, notifications, dispatch_leases TO %1"_s.arg(
        rolesWhere(&isStaffRole));
    s << u"GRANT INSERT, UPDATE, DELETE ON contacts TO %1"_s.arg(rolesWhere(&administersCentre));
    s << u"GRANT INSERT ON notifications TO %1"_s.arg(
        rolesWhere([](Role r) { return registersComplaints(r) || changesComplaints(r); }));
    s << u"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1 TO %2"_s.arg(
        u"public"_s,
        rolesWhere([](Role r) { return registersComplaints(r) || changesComplaints(r); }));
    // Registering writes the citizen's SMS: an integration finds the gateway too.
    s << u"GRANT SELECT ON contacts TO %1"_s.arg(groupRole(Role::Integration));
    return s;
}

// Migration 15 (PostgreSQL): the dispatcher's writes. It runs in every console
// under the person's own login, who may not update the outbox or the lease nor
// write history as "system": these functions (owned by the schema owner) do,
// and only for the lease's holder. SQLite does the same with plain statements
// (notify/dispatchrepository.cpp).
QStringList dispatcherFunctions(const Dialect &d)
{
    if (d.isSQLite())
        return {};
    const QString definer =
        u" LANGUAGE plpgsql SECURITY DEFINER SET search_path = %1, pg_temp"_s.arg(u"public"_s);
    const auto retriesNotifications = [](Role role) {
        User u;
        u.role = role;
        return Workflow::mayRetryNotifications(u);
    };
    QStringList retrierCodes;
    for (Role role : allRoles()) {
        if (retriesNotifications(role))
            retrierCodes << code(role);
    }
    QStringList s;
    // Free, already ours, or expired: ours for p_ms more (a minute at most).
    s << u"CREATE FUNCTION fouad_take_lease(p_name text, p_holder text, p_now bigint, p_ms bigint)"
         " RETURNS boolean"_s
            + definer
            + u" AS $$ BEGIN"
              " IF p_holder IS NULL OR p_holder = '' OR p_ms < 1 OR p_ms > 60000 THEN"
              " RAISE EXCEPTION 'a lease needs a holder and at most a minute'"
              " USING ERRCODE = 'invalid_parameter_value'; END IF;"
              " UPDATE dispatch_leases SET holder = p_holder, expires_at = p_now + p_ms"
              " WHERE name = p_name"
              " AND (holder IS NULL OR holder = p_holder OR expires_at <= p_now);"
              " RETURN FOUND; END $$"_s;
    s << u"CREATE FUNCTION fouad_release_lease(p_name text, p_holder text) RETURNS void"_s + definer
            + u" AS $$ BEGIN UPDATE dispatch_leases SET holder = NULL, expires_at = 0"
              " WHERE name = p_name AND holder = p_holder; END $$"_s;
    // One attempt's outcome ('delivered', 'retry' at p_next, 'failed') and its
    // history event. False: not the holder, or the message is no longer pending.
    s << u"CREATE FUNCTION fouad_record_notification(p_id bigint, p_holder text, p_now bigint,"
         " p_outcome text, p_next bigint, p_status integer, p_error text) RETURNS boolean"_s
            + definer
            + u" AS $$ DECLARE n record; st text; v integer; kind text; BEGIN"
              " PERFORM 1 FROM dispatch_leases WHERE name = 'notifications' AND holder = p_holder"
              " FOR SHARE;"
              " IF NOT FOUND THEN RETURN false; END IF;"
              " SELECT complaint_id, contact_name, attempts INTO n FROM notifications"
              " WHERE id = p_id AND state = 'pending' FOR UPDATE;"
              " IF NOT FOUND THEN RETURN false; END IF;"
              " IF p_outcome = 'delivered' THEN kind := 'notification_delivered';"
              " UPDATE notifications SET state = 'delivered', attempts = attempts + 1,"
              " last_error = NULL, finished_at = p_now WHERE id = p_id;"
              " ELSIF p_outcome = 'retry' THEN kind := 'notification_attempt_failed';"
              " UPDATE notifications SET attempts = attempts + 1, last_error = p_error,"
              " next_attempt_at = p_next WHERE id = p_id;"
              " ELSIF p_outcome = 'failed' THEN kind := 'notification_failed';"
              " UPDATE notifications SET state = 'failed', attempts = attempts + 1,"
              " last_error = p_error, finished_at = p_now WHERE id = p_id;"
              " ELSE RAISE EXCEPTION 'unknown outcome %', p_outcome"
              " USING ERRCODE = 'invalid_parameter_value'; END IF;"
              " SELECT status, version INTO st, v FROM complaints WHERE id = n.complaint_id;"
              " INSERT INTO complaint_events (complaint_id, at, actor, type, from_status,"
              " to_status, data, version) VALUES (n.complaint_id, p_now, 'system', kind, st, st,"
              " jsonb_strip_nulls(jsonb_build_object('notification_id', p_id, 'contact',"
              " n.contact_name, 'attempt', n.attempts + 1, 'http_status', p_status, 'error',"
              " p_error, 'next_attempt_at', CASE WHEN p_outcome = 'retry' THEN p_next END))::text,"
              " v);"
              " RETURN true; END $$"_s;
    // Retry now: a message that failed for good is pending again, due at p_at;
    // the history names who asked (the session's login).
    s << u"CREATE FUNCTION fouad_retry_notification(p_id bigint, p_at bigint) RETURNS boolean"_s
            + definer
            + u" AS $$ DECLARE n record; st text; v integer; BEGIN"
              " IF NOT (fouad_is_owner(session_user)"
              " OR COALESCE(fouad_staff_role(session_user), '') IN (%1))"
              " THEN RAISE EXCEPTION 'only a supervisor sends a failed notification again'"
              " USING ERRCODE = 'insufficient_privilege'; END IF;"
              " UPDATE notifications SET state = 'pending', next_attempt_at = p_at,"
              " finished_at = NULL WHERE id = p_id AND state = 'failed'"
              " RETURNING complaint_id, contact_name INTO n;"
              " IF NOT FOUND THEN RETURN false; END IF;"
              " SELECT status, version INTO st, v FROM complaints WHERE id = n.complaint_id;"
              " INSERT INTO complaint_events (complaint_id, at, actor, type, from_status,"
              " to_status, data, version) VALUES (n.complaint_id, p_at, session_user,"
              " 'notification_retried', st, st, jsonb_build_object('notification_id', p_id,"
              " 'contact', n.contact_name)::text, v);"
              " RETURN true; END $$"_s.arg(sqlList(retrierCodes));
    const QStringList functions = {
        u"fouad_take_lease(text, text, bigint, bigint)"_s,
        u"fouad_release_lease(text, text)"_s,
        u"fouad_record_notification(bigint, text, bigint, text, bigint, integer, text)"_s,
    };
    for (const QString &f : functions) {
        s << u"REVOKE EXECUTE ON FUNCTION %1 FROM PUBLIC"_s.arg(f);
        s << u"GRANT EXECUTE ON FUNCTION %1 TO %2"_s.arg(f, rolesWhere(&isStaffRole));
    }
    s << u"REVOKE EXECUTE ON FUNCTION fouad_retry_notification(bigint, bigint) FROM PUBLIC"_s;
    s << u"GRANT EXECUTE ON FUNCTION fouad_retry_notification(bigint, bigint) TO %1"_s.arg(
        rolesWhere(retriesNotifications));
    return s;
}

// Migration 16: the telephone. The PBX reports a call ringing an operator's
// extension; the console signed in on it hears of it through the live channel
// (on PostgreSQL a NOTIFY on "fouad_calls" carrying the call's id, sent at
// commit; on SQLite the feed's poll). An integration's login may not read the
// citizens' phones: it records the call and reads the caller's complaints only
// through the two functions, which return nothing personal. It also reads the
// statuses history moved between, for the IVR's SLA state.
QStringList telephone(const Dialect &d)
{
    QStringList s = {
        u"CREATE TABLE calls ("
        " id {ID},"
        " extension TEXT NOT NULL CHECK (extension <> ''),"
        " caller TEXT NOT NULL," // E.164
        " keyed_code TEXT,"
        " rang_at {BIGINT} NOT NULL,"
        " actor TEXT NOT NULL)"_s,
        u"CREATE INDEX calls_extension ON calls (extension, id)"_s,
        // The caller's complaints are found on migration 1's complaints_phone
        // (citizen_phone first): a phone has a handful, sorted in memory.
    };
    if (d.isSQLite())
        return s;
    const QString definer =
        u" LANGUAGE plpgsql SECURITY DEFINER SET search_path = %1, pg_temp"_s.arg(u"public"_s);
    s << u"CREATE FUNCTION fouad_record_call(p_extension text, p_caller text, p_code text,"
         " p_at bigint) RETURNS bigint"_s
            + definer
            + u" AS $$ DECLARE new_id bigint; BEGIN"
              " INSERT INTO calls (extension, caller, keyed_code, rang_at, actor)"
              " VALUES (p_extension, p_caller, NULLIF(p_code, ''), p_at, session_user)"
              " RETURNING id INTO new_id;"
              " PERFORM pg_notify('fouad_calls', new_id::text);"
              " RETURN new_id; END $$"_s;
    s << u"CREATE FUNCTION fouad_caller_complaints(p_caller text, p_limit integer)"
         " RETURNS TABLE (tracking_code text, status text, received_at bigint)"_s
            + definer
            + u" AS $$ BEGIN RETURN QUERY SELECT c.tracking_code, c.status, c.received_at"
              " FROM complaints c WHERE c.citizen_phone = p_caller"
              " ORDER BY c.received_at DESC, c.id DESC LIMIT p_limit; END $$"_s;
    const QString callers = rolesWhere([](Role) { return true; }); // the PBX and the consoles
    for (const char16_t *f : { u"fouad_record_call(text, text, text, bigint)",
                               u"fouad_caller_complaints(text, integer)" }) {
        s << u"REVOKE EXECUTE ON FUNCTION %1 FROM PUBLIC"_s.arg(QStringView(f));
        s << u"GRANT EXECUTE ON FUNCTION %1 TO %2"_s.arg(QStringView(f), callers);
    }
    s << u"GRANT SELECT ON calls TO %1"_s.arg(rolesWhere(&isStaffRole));
    s << u"GRANT SELECT (from_status, to_status) ON complaint_events TO %1"_s.arg(
        groupRole(Role::Integration));
    return s;
}

// Migration 17: where a complaint happened, for the scorecards (issue 10). The
// cities of each province (reference data, resources/reference/cities.json) and
// the agencies' offices per province, which administrators keep; a complaint may
// name its city, its office and the service or desk (free text). Offices are
// configuration: a write bumps config_version like migration 9's tables.
QStringList offices(const Dialect &d)
{
    QStringList s = {
        u"CREATE TABLE cities ("
        " code TEXT PRIMARY KEY,"
        " province_code TEXT NOT NULL REFERENCES provinces (code),"
        " name TEXT NOT NULL,"
        " name_en TEXT NOT NULL DEFAULT '',"
        " sort_order INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE INDEX cities_province ON cities (province_code, sort_order)"_s,
        u"CREATE TABLE offices ("
        " code TEXT PRIMARY KEY CHECK (code <> ''),"
        " agency_code TEXT NOT NULL REFERENCES agencies (code),"
        " province_code TEXT NOT NULL REFERENCES provinces (code),"
        " city_code TEXT REFERENCES cities (code),"
        " name TEXT NOT NULL CHECK (name <> ''),"
        " name_key TEXT NOT NULL," // PersianText::searchKey(name), as citizen_name_key
        " created_at {BIGINT} NOT NULL)"_s,
        // The intake form's list: an agency's offices in the chosen province.
        u"CREATE INDEX offices_agency_province ON offices (agency_code, province_code, name_key)"_s,
        u"ALTER TABLE complaints ADD COLUMN city_code TEXT REFERENCES cities (code)"_s,
        u"ALTER TABLE complaints ADD COLUMN office_code TEXT REFERENCES offices (code)"_s,
        u"ALTER TABLE complaints ADD COLUMN service_desk TEXT"_s,
    };
    if (d.isSQLite()) {
        for (const QString &event : { u"INSERT"_s, u"UPDATE"_s, u"DELETE"_s }) {
            s << u"CREATE TRIGGER offices_config_%1 AFTER %2 ON offices"
                 " BEGIN UPDATE config_version SET version = version + 1 WHERE id = 1; END"_s.arg(
                     event.toLower(), event);
        }
        return s;
    }
    s << u"CREATE TRIGGER offices_config AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offices"
         " FOR EACH STATEMENT EXECUTE FUNCTION bump_config_version()"_s;
    // Migration 12's grants for the new tables and columns: every staff role reads
    // them; administrators keep offices; an integration reads the places (not
    // personal) and, registering, writes them with the rest of the complaint.
    s << u"GRANT SELECT ON cities, offices TO %1"_s.arg(rolesWhere(&isStaffRole));
    s << u"GRANT INSERT, UPDATE, DELETE ON offices TO %1"_s.arg(rolesWhere(&administersCentre));
    s << u"GRANT SELECT ON cities, offices TO %1"_s.arg(groupRole(Role::Integration));
    s << u"GRANT SELECT (city_code, office_code, service_desk) ON complaints TO %1"_s.arg(
        groupRole(Role::Integration));
    return s;
}

// Migration 17's cities, from the built-in reference data, capitals first.
Result<void> builtInCities(Database &database)
{
    QSqlQuery q(database.connection());
    if (!q.prepare(u"INSERT INTO cities (code, province_code, name, name_en, sort_order)"
                   " VALUES (?, ?, ?, ?, ?)"_s))
        return sqlError(q.lastError());
    int order = 0;
    const ReferenceCatalog builtIn = ReferenceCatalog::builtIn();
    for (const City &c : builtIn.cities()) {
        q.addBindValue(c.code);
        q.addBindValue(c.provinceCode);
        q.addBindValue(c.name);
        q.addBindValue(c.nameEn);
        q.addBindValue(++order);
        if (!q.exec())
            return sqlError(q.lastError());
    }
    return {};
}

// Migration 18: what management's figures read (issue 10), kept with each
// complaint by every writer (SlaConfig::settleResolution): the agency's fix in
// force, its working time against the target, and the reopenings. Existing
// complaints get them from their history (settleResolutions below).
QStringList resolutionFigures(const Dialect &d)
{
    QStringList s = {
        u"ALTER TABLE complaints ADD COLUMN resolved_at {BIGINT}"_s,
        u"ALTER TABLE complaints ADD COLUMN resolution_seconds {BIGINT}"_s,
        u"ALTER TABLE complaints ADD COLUMN resolved_within_target INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE complaints ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0"_s,
    };
    // The figures of a period read this index alone (StatsRepository), never
    // the wide rows: the period first, then every column they count or filter.
    const QString counted = u"status, category_code, escalation_level, resolution_seconds,"
                            " resolved_within_target, outcome, satisfaction, reopen_count,"
                            " province_code, agency_code, channel"_s;
    s << (d.isSQLite()
              ? u"CREATE INDEX complaints_figures ON complaints (received_at, %1)"_s.arg(counted)
              : u"CREATE INDEX complaints_figures ON complaints (received_at) INCLUDE (%1)"_s.arg(
                  counted));
    // The median: walked from the shortest time, the period's rows counted.
    s << u"CREATE INDEX complaints_resolution ON complaints (resolution_seconds, received_at,"
         " province_code, agency_code, category_code, channel)"
         " WHERE resolution_seconds IS NOT NULL"_s;
    if (d.isSQLite())
        return s;
    s << u"GRANT UPDATE (resolved_at, resolution_seconds, resolved_within_target, reopen_count)"
         " ON complaints TO %1"_s.arg(rolesWhere(&changesComplaints));
    s << u"GRANT SELECT (resolved_at, resolution_seconds, resolved_within_target, reopen_count)"
         " ON complaints TO %1"_s.arg(groupRole(Role::Integration));
    return s;
}

Result<void> settleResolutions(Database &database)
{
    auto sla = SlaRepository(database).load();
    if (!sla)
        return sla.error();
    auto settled = ComplaintRepository(database).settleResolutions(sla.value());
    if (!settled)
        return settled.error();
    return {};
}

// Migration 19: a login a restore recreated without a password (NOLOGIN) signs
// in once an administrator sets its password, if the user is active.
QStringList restoredLogins(const Dialect &d)
{
    if (d.isSQLite())
        return {};
    const QString definer =
        u" LANGUAGE plpgsql SECURITY DEFINER SET search_path = %1, pg_temp"_s.arg(u"public"_s);
    return { resetPasswordFunction(definer, ExistingLogin::SignsInWhenActive) };
}

// Migration 20: the figures' index covers the office too, so an office's
// scorecard and the dashboard's office filter read the index alone.
QStringList officeFigures(const Dialect &d)
{
    const QString counted = u"status, category_code, escalation_level, resolution_seconds,"
                            " resolved_within_target, outcome, satisfaction, reopen_count,"
                            " province_code, agency_code, channel, office_code"_s;
    return {
        u"DROP INDEX complaints_figures"_s,
        d.isSQLite()
            ? u"CREATE INDEX complaints_figures ON complaints (received_at, %1)"_s.arg(counted)
            : u"CREATE INDEX complaints_figures ON complaints (received_at) INCLUDE (%1)"_s.arg(
                counted),
    };
}

// Migration 21: the complaints summed per Tehran day, kept by triggers
// (storage/complaintdays.h), so a year's figures read thousands of rows.
QStringList complaintDays(const Dialect &d)
{
    QStringList s = ComplaintDays::migration(d);
    if (d.isSQLite())
        return s;
    // Sums, nothing personal: whoever reads the figures reads these.
    s << u"GRANT SELECT ON %1 TO %2"_s.arg(QStringView(ComplaintDays::Table),
                                           rolesWhere(&isStaffRole));
    s << u"GRANT SELECT ON %1 TO %2"_s.arg(QStringView(ComplaintDays::Table),
                                           groupRole(Role::Integration));
    return s;
}

// Migration 22: a dashboard filtered by office or category reads the summary
// where it can (StatsRepository); what it cannot is read from an index that
// starts with the filter, never the whole period's: an office's categories,
// high escalation levels and median, and a category's agencies, provinces and
// offices. The old (category_code, received_at) index is dropped last: on
// PostgreSQL a DROP INDEX locks out the table's readers until the migration
// commits, which should not include the builds.
QStringList filterIndexes(const Dialect &d)
{
    const QString office = u"category_code, status, escalation_level, resolution_seconds"_s;
    const QString category = u"status, escalation_level, resolution_seconds,"
                             " resolved_within_target, outcome, satisfaction, reopen_count,"
                             " province_code, agency_code, channel, office_code"_s;
    const auto create = [&](const QString &name, const QString &lead, const QString &covered,
                            const QString &where) -> QString {
        return (d.isSQLite() ? u"CREATE INDEX %1 ON complaints (%2, received_at, %3)%4"_s
                             : u"CREATE INDEX %1 ON complaints (%2, received_at) INCLUDE (%3)%4"_s)
            .arg(name, lead, covered, where);
    };
    return {
        create(u"complaints_category_figures"_s, u"category_code"_s, category, {}),
        create(u"complaints_office"_s, u"office_code"_s, office,
               u" WHERE office_code IS NOT NULL"_s),
        u"DROP INDEX complaints_category"_s, // its prefix is the new one's
    };
}

const Migration AllMigrations[] = {
    { 1, u"initial schema", &initialSchema },
    { 2, u"lifecycle: inspector, merges, unverified closing, soft locks", &lifecycle },
    { 3, u"SLA: policies, escalation ladder, work calendars", &slaSchema, &slaDefaults },
    { 4, u"index for the wallboard's resolution times", &wallboard },
    { 5, u"holiday ids", &holidayIds },
    { 6, u"calendars per channel", &channelCalendars },
    { 7, u"partial index of resolutions by time", &resolvedIndex },
    { 8, u"search indexes: trigram names and phones", &searchIndexes },
    { 9, u"administration history and configuration version", &adminChanges },
    { 10, u"live updates: event versions, commit order, notifications", &liveChanges },
    { 11, u"client keys: a retried save makes no second complaint", &clientKeys },
    { 12, u"database roles and grants", &databaseRoles, &workflowTransitions },
    { 13, u"users are logins: passwords as SCRAM verifiers", &loginsForUsers },
    { 14, u"notifications: contacts, the outbox, the dispatcher's lease", &notifications },
    { 15, u"the dispatcher's lease and outcomes as the system", &dispatcherFunctions },
    { 16, u"the telephone: calls ringing an extension, the caller's complaints", &telephone },
    { 17, u"cities, offices, and where a complaint happened", &offices, &builtInCities },
    { 18, u"resolution figures: the fix in force, its time against the target, reopenings",
      &resolutionFigures, &settleResolutions },
    { 19, u"restored logins sign in once their password is set", &restoredLogins },
    { 20, u"the figures' index covers the office", &officeFigures },
    { 21, u"the complaints summed per Tehran day, kept by triggers", &complaintDays },
    { 22, u"indexes for the dashboard filtered by office or category", &filterIndexes },
    { 23, u"the daily summary's rows written in key order", &ComplaintDays::lockInKeyOrder },
};

Result<void> exec(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql))
        return sqlError(query.lastError());
    return {};
}

int readVersion(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT MAX(version) FROM schema_migrations"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace

int latestVersion()
{
    return std::end(AllMigrations)[-1].version;
}

int currentVersion(Database &database)
{
    return readVersion(database.connection());
}

namespace {

// One step in its own transaction, under the lock; skipped when another
// process applied it first. Any failure rolls the whole step back.
Result<void> applyStep(Database &database, int version, const QString &description,
                       const QStringList &statements, Result<void> (*rows)(Database &))
{
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    Transaction tx(database);
    if (auto begun = tx.begin(); !begun)
        return begun.error();
    if (!database.dialect().isSQLite()) {
        if (auto locked = exec(query, u"SELECT pg_advisory_xact_lock(128128)"_s); !locked)
            return locked.error();
    }
    // Read under the lock: another process may have just applied it.
    if (readVersion(db) >= version)
        return {};
    for (const QString &statement : statements) {
        if (auto done = exec(query, database.dialect().ddl(statement)); !done)
            return done.error();
    }
    if (rows) {
        if (auto done = rows(database); !done)
            return done.error();
    }
    query.prepare(
        u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"_s);
    query.addBindValue(version);
    query.addBindValue(description);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return sqlError(query.lastError());
    if (version == 1) {
        // A new database gets the reference data in the same transaction.
        if (auto loaded = loadReferenceData(database, ReferenceCatalog::builtIn()); !loaded)
            return loaded.error();
    }
    return tx.commit();
}

} // namespace

Result<void> apply(Database &database)
{
    return apply(database, {});
}

Result<void> apply(Database &database, const QList<ExtraStep> &extra)
{
    QSqlDatabase db = database.connection();
    const Dialect &dialect = database.dialect();
    QSqlQuery query(db);

    if (extra.isEmpty() && readVersion(db) == latestVersion())
        return {}; // the common case: nothing to do, no write lock taken

    {
        Transaction tx(database);
        if (auto begun = tx.begin(); !begun)
            return begun.error();
        if (!dialect.isSQLite()) {
            if (auto locked = exec(query, u"SELECT pg_advisory_xact_lock(128128)"_s); !locked)
                return locked.error();
        }
        if (auto created = exec(query,
                                dialect.ddl(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                            " version INTEGER PRIMARY KEY,"
                                            " description TEXT NOT NULL,"
                                            " applied_at {BIGINT} NOT NULL)"_s));
            !created)
            return created.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
    }

    for (const Migration &migration : AllMigrations) {
        if (auto applied = applyStep(database, migration.version,
                                     QStringView(migration.description).toString(),
                                     migration.statements(dialect), migration.rows);
            !applied)
            return applied;
    }
    for (const ExtraStep &step : extra) {
        if (auto applied =
                applyStep(database, step.version, step.description, step.statements, nullptr);
            !applied)
            return applied;
    }
    return {};
}

Result<void> loadReferenceData(Database &database, const ReferenceCatalog &catalog)
{
    QSqlQuery query(database.connection());
    auto insertAll = [&](const QString &sql, const auto &items, auto bind) -> Result<void> {
        if (!query.prepare(sql))
            return sqlError(query.lastError());
        int order = 0;
        for (const auto &item : items) {
            bind(item);
            query.addBindValue(++order);
            if (!query.exec())
                return sqlError(query.lastError());
        }
        return {};
    };
    if (auto r =
            insertAll(u"INSERT INTO provinces (code, name, name_en, sort_order) VALUES (?, ?, ?, ?)"
                      " ON CONFLICT (code) DO NOTHING"_s,
                      catalog.provinces(),
                      [&](const Province &p) {
                          query.addBindValue(p.code);
                          query.addBindValue(p.name);
                          query.addBindValue(p.nameEn);
                      });
        !r)
        return r;
    if (auto r = insertAll(u"INSERT INTO agencies (code, name, name_en, parent_code, sort_order)"
                           " VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING"_s,
                           catalog.agencies(),
                           [&](const Agency &a) {
                               query.addBindValue(a.code);
                               query.addBindValue(a.name);
                               query.addBindValue(a.nameEn);
                               query.addBindValue(nullableText(a.parentCode));
                           });
        !r)
        return r;
    return insertAll(u"INSERT INTO categories (code, name, name_en, urgent, sort_order)"
                     " VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING"_s,
                     catalog.categories(), [&](const Category &c) {
                         query.addBindValue(c.code);
                         query.addBindValue(c.name);
                         query.addBindValue(c.nameEn);
                         query.addBindValue(c.urgent ? 1 : 0);
                     });
}

} // namespace fouad::Migrations
