#include "storage/migrations.h"

#include "domain/referencedata.h"
#include "sla/holidays.h"
#include "sla/slapolicy.h"
#include "sla/workcalendar.h"
#include "storage/database.h"

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

Result<void> apply(Database &database)
{
    QSqlDatabase db = database.connection();
    const Dialect &dialect = database.dialect();
    QSqlQuery query(db);

    if (readVersion(db) == latestVersion())
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
        Transaction tx(database);
        if (auto begun = tx.begin(); !begun)
            return begun.error();
        if (!dialect.isSQLite()) {
            if (auto locked = exec(query, u"SELECT pg_advisory_xact_lock(128128)"_s); !locked)
                return locked.error();
        }
        // Read under the lock: another process may have just applied it.
        if (readVersion(db) >= migration.version)
            continue;
        for (const QString &statement : migration.statements(dialect)) {
            if (auto done = exec(query, dialect.ddl(statement)); !done)
                return done.error();
        }
        if (migration.rows) {
            if (auto done = migration.rows(database); !done)
                return done.error();
        }
        query.prepare(
            u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"_s);
        query.addBindValue(migration.version);
        query.addBindValue(QStringView(migration.description).toString());
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!query.exec())
            return sqlError(query.lastError());
        if (migration.version == 1) {
            // A new database gets the reference data in the same transaction.
            if (auto loaded = loadReferenceData(database, ReferenceCatalog::builtIn()); !loaded)
                return loaded.error();
        }
        if (auto committed = tx.commit(); !committed)
            return committed.error();
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
