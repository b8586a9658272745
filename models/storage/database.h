#pragma once

#include "core/result.h"
#include "storage/databaseurl.h"
#include "storage/dialect.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>
#include <mutex>

namespace fouad {

class SlaConfigCache;

// One database, opened from a URL, with one named Qt connection per thread (Qt
// forbids sharing a QSqlDatabase across threads). open() applies migrations.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // ReadOnly is for figures and reports, possibly on a streaming replica
    // (issue 10): it never creates, migrates or writes — SQLite opens the file
    // read-only, PostgreSQL sessions are READ ONLY — and the schema must
    // already be the one this program needs.
    enum class Access { ReadWrite, ReadOnly };
    // AsIs leaves the schema as it is, whatever its version: for backup and
    // restore, and for the console, which offers a backup before it migrates
    // (issue 11). The caller then runs Migrations::apply() itself.
    enum class Schema { Upgrade, AsIs };

    // Opens (or creates, for SQLite) the database and brings its schema up to
    // date; read-only, opens it and checks its schema.
    static Result<std::shared_ptr<Database>> open(const DatabaseUrl &url,
                                                  Access access = Access::ReadWrite,
                                                  Schema schema = Schema::Upgrade);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    bool readOnly() const { return m_access == Access::ReadOnly; }
    const Dialect &dialect() const { return m_dialect; }

    // The calling thread's connection, opened on first use; if opening failed, it
    // is tried again on a later call, at most every few seconds. A connection that could not be
    // opened makes every statement fail with sqlError()'s "cannot reach the database", whose detail
    // is the reason; connect() says so up front.
    QSqlDatabase connection();
    // Opens the calling thread's connection if it is not open: why it cannot be.
    // A statement that failed with a lost connection (sqlError) makes the next call
    // check the connection and, if it is dead, close and reopen it, unless a
    // transaction is still open on it: that one is lost, never half-committed.
    Result<void> connect();
    // Tries to open the connection now, not waiting for ReconnectAfterMs: for a
    // caller that paces its own retries (the console's backoff).
    Result<void> reconnect();
    // Closes the calling thread's connection: a worker thread done with this
    // database (the next use on this thread opens it again).
    void closeConnection();
    // How many times the calling thread's connection has been opened (after
    // connect()): statements prepared at another generation belong to a dead
    // connection and must be prepared again.
    quint64 connectionGeneration();

    // Who this database connection is (read when opened). On PostgreSQL a staff
    // login is anyone but the schema's owner (or a superuser): the database then
    // holds their rights (migration 12), and records history in their name only.
    // On SQLite, and on the owner's connection, nobody in particular: the
    // program's own accounts apply.
    struct Session
    {
        QString login; // the PostgreSQL login; empty on SQLite
        bool staff = false;
    };
    const Session &session() const { return m_session; }

    // Who acts when someone asks to act as `requested` (fouadctl's --as; empty:
    // not said). Under a staff login: that login, and naming anyone else is
    // Forbidden (history cannot be written in another's name). Otherwise the name
    // as given (empty: the caller's default, "system").
    Result<QString> actorFor(const QString &requested) const;

    // Whether a failed open() was the server refusing the name or password (a wrong
    // password, an unknown or disabled login), not the server being out of reach.
    static bool refusedLogin(const Error &openFailure);
    // On PostgreSQL: whether `login` signs in to this server and database with
    // `password`, through a short connection of its own. A refusal is Forbidden
    // (the same words whatever the reason); an unreachable server is Runtime.
    Result<void> verifyLogin(const QString &login, const QString &password);
    // On PostgreSQL: the SCRAM-SHA-256 verifier of this password for `login`,
    // made by libpq on the calling thread's connection (as psql's \password
    // does), so the password itself never reaches the server.
    Result<QString> passwordVerifier(const QString &login, const QString &password);

    // The schema version after migrations.
    int schemaVersion();

    // The SLA configuration shared by everything that uses this database
    // (defined in slaconfigcache.cpp).
    SlaConfigCache &slaConfig();

    static constexpr int BusyTimeoutMs = 10000;
    // How long a connection that failed to open waits before it is tried again: a
    // server that does not answer takes seconds to say so, and the statements of a
    // screen must not each wait that long. Short enough that a person's retry
    // (the console's first backoff step) really tries.
    static constexpr int ReconnectAfterMs = 1000;
    // The driver's connect_timeout, seconds: fouadctl gives up after it (within 10 s).
    static constexpr int ConnectTimeoutSecs = 5;

private:
    friend class Transaction;
    Database(DatabaseUrl url, Access access);
    Result<void> connect(bool waitTurn);
    Result<void> openConnection(QSqlDatabase &db);
    // A write transaction began or ended on the calling thread's connection.
    void setInTransaction(bool active);
    QString connectionName() const;

    Result<void> readSession();

    DatabaseUrl m_url;
    Access m_access = Access::ReadWrite;
    Dialect m_dialect;
    Session m_session;
    QString m_namePrefix;
    std::once_flag m_slaConfigOnce;
    std::shared_ptr<SlaConfigCache> m_slaConfig;
};

// A write transaction: begun by begin(), rolled back unless commit() succeeds.
class Transaction final
{
public:
    explicit Transaction(Database &database);
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    Database &m_database;
    bool m_active = false;
    quint64 m_generation = 0; // the connection it began on
};

// The error for a failed statement: in words for the person at the desk (a lost
// connection, or the database refusing), with the driver's text as the detail.
Error sqlError(const QSqlError &error);

// An empty string as SQL NULL, typed so both drivers bind it as text.
QVariant nullableText(const QString &text);

} // namespace fouad
