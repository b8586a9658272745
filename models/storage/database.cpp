#include "storage/database.h"

#include "storage/migrations.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

Dialect::Kind dialectKind(const DatabaseUrl &url)
{
    return url.kind == DatabaseUrl::Kind::SQLite ? Dialect::Kind::SQLite
                                                 : Dialect::Kind::PostgreSQL;
}

QAtomicInteger<quint64> instanceCounter;

// Why this thread's last attempt to open a connection failed: a statement on a
// connection that never opened fails in Qt with no error at all, and this is
// its reason.
thread_local QString lastOpenFailure;

struct FailedOpen
{
    Error error;
    QElapsedTimer since;
};
thread_local QHash<QString, FailedOpen> failedOpens; // by connection name

// How many statements on this thread failed with a lost connection: each
// connection compares it with the count it last checked itself at.
thread_local quint64 lossesSeen = 0;

struct ConnectionState
{
    quint64 generation = 0; // opens so far
    quint64 checkedAtLoss = 0; // lossesSeen when it last checked itself
    bool inTransaction = false;
    bool driverUsed = false; // opened once: a reopening takes a new driver
};
thread_local QHash<QString, ConnectionState> connectionStates; // by connection name

bool isConnectionLoss(const QSqlError &error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    // The PostgreSQL driver reports a dropped server as a statement error.
    const QString text = error.databaseText() + u' ' + error.driverText();
    static const QLatin1StringView lost[] = {
        "server closed the connection"_L1,
        "no connection to the server"_L1,
        "could not connect"_L1,
        "terminating connection"_L1,
        "connection to server"_L1,
        "could not send data"_L1,
        "could not receive data"_L1,
    };
    for (const QLatin1StringView &phrase : lost) {
        if (text.contains(phrase, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

Error sqlError(const QSqlError &error)
{
    // A statement on a connection that never opened fails in Qt with no error, or
    // with one about the statement ("No query"): the reason is the opening's.
    const bool notOpen = error.type() == QSqlError::NoError || !lastOpenFailure.isEmpty();
    if (!notOpen && isConnectionLoss(error))
        ++lossesSeen; // the connection that failed checks itself on its next use
    Error e;
    e.kind = ErrorKind::Runtime;
    if (!notOpen && error.nativeErrorCode() == u"42501"_s) {
        // insufficient_privilege: the database holds this login's rights (migration 12).
        e.kind = ErrorKind::Forbidden;
        e.message = Database::tr("The database does not let this login do that: it is not "
                                 "among its role's rights.");
        e.detail = error.text().trimmed();
        return e;
    }
    e.message = notOpen || isConnectionLoss(error)
        ? Database::tr("Cannot reach the database. Check the network or the database server, "
                       "then try again.")
        : Database::tr("The database could not complete this. Try again; if it happens again, "
                       "tell the administrator.");
    e.detail = !notOpen             ? error.text().trimmed()
        : lastOpenFailure.isEmpty() ? u"database not open"_s
                                    : lastOpenFailure;
    return e;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

Database::Database(DatabaseUrl url, Access access)
    : m_url(std::move(url))
    , m_access(access)
    , m_dialect(dialectKind(m_url))
    , m_namePrefix(u"fouad-%1-"_s.arg(instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    // Connections of other threads are removed by those threads' owners; this
    // thread's is ours to close.
    closeConnection();
}

void Database::closeConnection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    connectionStates.remove(name);
    failedOpens.remove(name);
}

QString Database::connectionName() const
{
    return m_namePrefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

Result<std::shared_ptr<Database>> Database::open(const DatabaseUrl &url, Access access,
                                                 Schema schema)
{
    std::shared_ptr<Database> database(new Database(url, access));
    if (auto connected = database->connect(); !connected) {
        QString reason = connected.error().detail;
        if (url.kind == DatabaseUrl::Kind::SQLite)
            reason = tr("cannot open %1: %2").arg(url.path, reason);
        Error e =
            Error::runtime(tr("Cannot open the database (%1): %2").arg(url.displayName(), reason));
        e.detail = connected.error().detail;
        return e;
    }
    if (auto read = database->readSession(); !read)
        return read.error();
    if (schema == Schema::AsIs)
        return database;
    if (database->m_session.staff || database->readOnly()) {
        // A staff login never changes the schema: the owner migrates (init-db);
        // nor does a reader, which may be on a replica.
        const int version = database->schemaVersion();
        if (version != Migrations::latestVersion())
            return Error::runtime(
                tr("The database's schema is version %1 and this program needs version %2. "
                   "Ask the administrator to run \"fouadctl init-db\" as the database's owner.")
                    .arg(version)
                    .arg(Migrations::latestVersion()));
        return database;
    }
    if (auto migrated = Migrations::apply(*database); !migrated)
        return migrated.error();
    return database;
}

Result<void> Database::readSession()
{
    if (m_dialect.isSQLite())
        return {};
    QSqlQuery q(connection());
    // Before migration 12 there are no staff logins: whoever connects owns the schema.
    if (!q.exec(u"SELECT session_user::text, to_regprocedure('fouad_is_owner(name)') IS NOT NULL"_s)
        || !q.next())
        return sqlError(q.lastError());
    m_session.login = q.value(0).toString();
    if (!q.value(1).toBool())
        return {};
    if (!q.exec(u"SELECT fouad_is_owner(session_user)"_s) || !q.next())
        return sqlError(q.lastError());
    m_session.staff = !q.value(0).toBool();
    return {};
}

Result<QString> Database::actorFor(const QString &requested) const
{
    if (!m_session.staff)
        return requested;
    if (!requested.isEmpty() && requested != m_session.login)
        return Error::forbidden(tr("You are signed in to the database as %1: actions are "
                                   "recorded in that name, not as %2.")
                                    .arg(m_session.login, requested));
    return m_session.login;
}

QSqlDatabase Database::connection()
{
    // The failure is not lost: connect() recorded it for sqlError(), which every
    // statement on this closed connection reports.
    (void)connect();
    return QSqlDatabase::database(connectionName(), false);
}

Result<void> Database::connect()
{
    return connect(true);
}

Result<void> Database::reconnect()
{
    return connect(false);
}

quint64 Database::connectionGeneration()
{
    (void)connect();
    return connectionStates.value(connectionName()).generation;
}

void Database::setInTransaction(bool active)
{
    connectionStates[connectionName()].inTransaction = active;
}

Result<void> Database::connect(bool waitTurn)
{
    const QString name = connectionName();
    const QString driver = m_dialect.isSQLite() ? u"QSQLITE"_s : u"QPSQL"_s;
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(driver, name);
    ConnectionState &state = connectionStates[name];
    if (db.isOpen() && state.checkedAtLoss != lossesSeen) {
        // A statement on this thread lost its connection: Qt's PostgreSQL driver
        // still calls a connection whose server went away open, so ask it.
        state.checkedAtLoss = lossesSeen;
        QSqlQuery probe(db);
        if (!probe.exec(u"SELECT 1"_s) && isConnectionLoss(probe.lastError())) {
            probe = QSqlQuery();
            db.close();
            failedOpens.remove(name);
        }
    }
    if (db.isOpen())
        return {};
    if (state.inTransaction) {
        // Reopening now would run the rest of the transaction's statements, and
        // its COMMIT, outside any transaction: it stays lost until rolled back.
        lastOpenFailure = u"connection lost during a transaction"_s;
        return sqlError(QSqlError({}, {}, QSqlError::ConnectionError));
    }
    if (const auto it = failedOpens.constFind(name);
        waitTurn && it != failedOpens.cend() && !it->since.hasExpired(Database::ReconnectAfterMs)) {
        lastOpenFailure = it->error.detail;
        return it->error;
    }
    lastOpenFailure.clear(); // this attempt's errors are its own
    if (state.driverUsed) {
        // Lost (the driver closes itself when the server goes away, or the check
        // above did): a new driver, not the old one reopened, so the statements
        // repositories keep (connectionGeneration()) die with the old one instead
        // of being deallocated on the new connection, inside its transaction.
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        db = QSqlDatabase::addDatabase(driver, name);
        state.driverUsed = false;
    }
    auto opened = openConnection(db);
    if (!opened) {
        db.close(); // half-open (a pragma failed): the next try starts again
        lastOpenFailure = opened.error().detail;
        FailedOpen failed { opened.error(), {} };
        failed.since.start();
        failedOpens.insert(name, failed);
        return opened;
    }
    failedOpens.remove(name);
    lastOpenFailure.clear();
    ++state.generation;
    state.driverUsed = true;
    state.checkedAtLoss = lossesSeen;
    return {};
}

Result<void> Database::openConnection(QSqlDatabase &db)
{
    if (m_dialect.isSQLite()) {
        if (readOnly()) {
            // A reader never creates the file (nor its folder).
            if (!QFileInfo::exists(m_url.path)) {
                Error missing = Error::runtime(tr("no such file"));
                missing.detail = missing.message;
                return missing;
            }
            db.setDatabaseName(m_url.path);
            db.setConnectOptions(
                u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
            if (!db.open())
                return sqlError(db.lastError());
            // The writers' settings (WAL, durability) are theirs to set.
            QSqlQuery query(db);
            for (const QString &pragma :
                 { u"PRAGMA query_only = ON"_s, u"PRAGMA busy_timeout = %1"_s.arg(BusyTimeoutMs),
                   u"PRAGMA cache_size = -65536"_s, u"PRAGMA temp_store = MEMORY"_s }) {
                if (!query.exec(pragma))
                    return sqlError(query.lastError());
            }
            return {};
        }
        QDir().mkpath(QFileInfo(m_url.path).absolutePath());
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
        if (!db.open())
            return sqlError(db.lastError());
        // WAL lets readers work while a writer commits; FULL makes each commit
        // durable (a killed process or power cut loses no registered complaint).
        const QString pragmas[] = {
            u"PRAGMA journal_mode = WAL"_s,
            u"PRAGMA synchronous = FULL"_s,
            u"PRAGMA foreign_keys = ON"_s,
            u"PRAGMA busy_timeout = %1"_s.arg(BusyTimeoutMs),
            // 64 MiB of page cache: the queue's index pages stay in memory.
            u"PRAGMA cache_size = -65536"_s,
            // Statement journals (multi-row INSERTs under constraints) and sorts stay
            // in memory instead of a temporary file written page by page.
            u"PRAGMA temp_store = MEMORY"_s,
        };
        QSqlQuery query(db);
        for (const QString &pragma : pragmas) {
            if (!query.exec(pragma))
                return sqlError(query.lastError());
        }
        return {};
    }
    db.setHostName(m_url.host);
    db.setPort(m_url.port);
    db.setUserName(m_url.user);
    db.setPassword(m_url.password);
    db.setDatabaseName(m_url.database);
    // The URL's own parameters (TLS: sslmode=verify-full&sslrootcert=…) go to libpq
    // as given; a connect_timeout there replaces ours.
    QStringList options;
    bool timeoutGiven = false;
    for (const auto &[name, value] : m_url.parameters) {
        QString quoted = value;
        quoted.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
        options << name + u"='"_s + quoted + u'\'';
        timeoutGiven = timeoutGiven || name == u"connect_timeout";
    }
    if (!timeoutGiven)
        options << u"connect_timeout=%1"_s.arg(ConnectTimeoutSecs);
    options << u"application_name=fouad"_s;
    db.setConnectOptions(options.join(u';'));
    if (!db.open())
        return sqlError(db.lastError());
    QSqlQuery query(db);
    if (!query.exec(u"SET TIME ZONE 'UTC'"_s))
        return sqlError(query.lastError());
    // The server then refuses any write in this session, on a primary too.
    if (readOnly() && !query.exec(u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s))
        return sqlError(query.lastError());
    return {};
}

bool Database::refusedLogin(const Error &openFailure)
{
    // libpq's words (PostgreSQL 15, C locale): a wrong password or an unknown login
    // under password authentication, a disabled (NOLOGIN) login, no password given,
    // an unknown login under trust.
    static const QLatin1StringView refused[] = {
        "authentication failed"_L1,
        "not permitted to log in"_L1,
        "no password supplied"_L1,
        "does not exist"_L1,
    };
    const QString &text = openFailure.detail;
    if (text.contains("database \""_L1, Qt::CaseInsensitive))
        return false; // "database \"x\" does not exist": the address, not the person
    for (const QLatin1StringView &phrase : refused) {
        if (text.contains(phrase, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Result<void> Database::verifyLogin(const QString &login, const QString &password)
{
    Q_ASSERT(!m_dialect.isSQLite());
    DatabaseUrl url = m_url;
    url.user = login;
    url.password = password;
    // The probe's failure is not this thread's connection's: sqlError() must not
    // take it for the reason later statements fail.
    const QString failureBefore = lastOpenFailure;
    // A connection of its own, closed at once.
    auto connected = Database(url, Access::ReadWrite).connect();
    lastOpenFailure = failureBefore;
    if (!connected) {
        if (refusedLogin(connected.error()))
            return Error { ErrorKind::Forbidden,
                           {},
                           tr("The server refused this login."),
                           connected.error().detail };
        return connected.error();
    }
    return {};
}

Result<QString> Database::passwordVerifier(const QString &login, const QString &password)
{
    Q_ASSERT(!m_dialect.isSQLite());
    if (auto connected = connect(); !connected)
        return connected.error();
    const QVariant handle = connection().driver()->handle();
    // Qt 6 names the type as the compiler spells it: PGconn is a typedef of pg_conn.
    const char *type = handle.typeName();
    PGconn *conn =
        handle.isValid() && (qstrcmp(type, "PGconn*") == 0 || qstrcmp(type, "pg_conn*") == 0)
        ? *static_cast<PGconn *const *>(handle.constData())
        : nullptr;
    if (!conn)
        return Error::runtime(tr("The database driver gives no PostgreSQL connection."));
    char *secret = PQencryptPasswordConn(conn, password.toUtf8().constData(),
                                         login.toUtf8().constData(), "scram-sha-256");
    if (!secret)
        return Error { ErrorKind::Runtime,
                       {},
                       tr("The password could not be prepared for the server."),
                       QString::fromUtf8(PQerrorMessage(conn)).trimmed() };
    const QString verifier = QString::fromLatin1(secret);
    PQfreemem(secret);
    return verifier;
}

int Database::schemaVersion()
{
    return Migrations::currentVersion(*this);
}

Transaction::Transaction(Database &database)
    : m_database(database)
{
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Result<void> Transaction::begin()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(m_database.dialect().beginWrite()))
        return sqlError(query.lastError());
    m_active = true;
    m_generation = m_database.connectionGeneration();
    m_database.setInTransaction(true);
    return {};
}

Result<void> Transaction::commit()
{
    if (m_database.connectionGeneration() != m_generation) {
        // Begun on a connection since lost: nothing of it was committed.
        rollback();
        return sqlError(QSqlError({}, {}, QSqlError::ConnectionError));
    }
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"COMMIT"_s)) {
        const Error error = sqlError(query.lastError());
        rollback();
        return error;
    }
    m_active = false;
    m_database.setInTransaction(false);
    return {};
}

void Transaction::rollback()
{
    m_active = false;
    // Not reopened while the transaction is marked (connect()).
    const bool sameConnection = m_database.connectionGeneration() == m_generation;
    m_database.setInTransaction(false);
    QSqlDatabase db = QSqlDatabase::database(m_database.connectionName(), false);
    if (!sameConnection || !db.isOpen())
        return; // the server dropped it already
    QSqlQuery query(db);
    query.exec(u"ROLLBACK"_s);
}

} // namespace fouad
