#include "live/changefeed.h"

#include "storage/database.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

// The columns of a delivered change, after the cursor's own.
const QString ChangeColumns =
    u"e.id, e.complaint_id, c.tracking_code, e.type, COALESCE(e.version, c.version), e.at,"
    " e.actor FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id"_s;

Change readChange(const QSqlQuery &q, int first)
{
    Change c;
    c.eventId = q.value(first).toLongLong();
    c.complaintId = q.value(first + 1).toLongLong();
    c.trackingCode = q.value(first + 2).toString();
    c.type = q.value(first + 3).toString();
    c.version = q.value(first + 4).toInt();
    c.at = QDateTime::fromMSecsSinceEpoch(q.value(first + 5).toLongLong(), Qt::UTC);
    c.actor = q.value(first + 6).toString();
    return c;
}

} // namespace

// Lives on the feed's thread and owns its connection. The cursor:
// - SQLite: writers are serialised (BEGIN IMMEDIATE), so id order is commit
//   order and the last id delivered is the cursor.
// - PostgreSQL: ids are taken at insert, so a transaction that commits after a
//   later one holds lower ids. Each event carries its transaction (txid), and
//   in one REPEATABLE READ snapshot the feed reads the events of transactions
//   visible in it from the watermark up. The watermark is the previous
//   snapshot's xmin: every transaction below it had finished then. The
//   transactions above it already delivered are remembered, so nothing is sent
//   twice; once the watermark passes them they are forgotten.
class ChangeFeed::Worker final : public QObject
{
public:
    static constexpr int SqliteBatch = 5000;

    Worker(DatabaseUrl url, ChangeFeed *feed)
        : m_url(std::move(url))
        , m_feed(feed)
    {
    }

    ~Worker() override { closeDatabase(); }

    void begin()
    {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &Worker::tick);
        m_timer->start(m_url.kind == DatabaseUrl::Kind::SQLite ? SqlitePollIntervalMs
                                                               : KeepAliveIntervalMs);
        tick();
    }

    // A notification or poll(): one look, however many were asked for meanwhile.
    void wake()
    {
        if (m_wakePending)
            return;
        m_wakePending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_wakePending = false;
                tick();
            },
            Qt::QueuedConnection);
    }

private:
    void tick()
    {
        if (!m_database) {
            if (m_lastAttempt.isValid() && !m_lastAttempt.hasExpired(RetryIntervalMs))
                return;
            m_lastAttempt.start();
            if (!openDatabase())
                return;
        }
        std::optional<Error> failed;
        QList<Change> out;
        if (auto read = m_url.kind == DatabaseUrl::Kind::SQLite ? readSqlite() : readPostgres();
            read)
            out = std::move(read).value();
        else
            failed = read.error();
        if (failed) {
            // A dropped server may leave QPSQL saying isOpen(): start again on a
            // new connection, keeping the cursor.
            lost(failed->detail.isEmpty() ? failed->message : failed->detail);
            closeDatabase();
            return;
        }
        if (!out.isEmpty()) {
            QMetaObject::invokeMethod(
                m_feed, [feed = m_feed, out] { feed->deliver(out); }, Qt::QueuedConnection);
        }
        if (!m_ready) {
            m_ready = true;
            QMetaObject::invokeMethod(
                m_feed, [feed = m_feed] { feed->setReady(); }, Qt::QueuedConnection);
        }
    }

    bool openDatabase()
    {
        auto opened = Database::open(m_url);
        if (!opened) {
            lost(opened.error().detail.isEmpty() ? opened.error().message : opened.error().detail);
            return false;
        }
        m_database = opened.value();
        if (m_url.kind != DatabaseUrl::Kind::SQLite) {
            QSqlDatabase db = m_database->connection();
            QSqlDriver *driver = db.driver();
            connect(driver, &QSqlDriver::notification, this, &Worker::wake, Qt::UniqueConnection);
            if (!driver->subscribeToNotification(QString::fromLatin1(Channel))) {
                lost(driver->lastError().text());
                closeDatabase();
                return false;
            }
        }
        m_dataVersion = -1;
        if (m_hadConnection) {
            QMetaObject::invokeMethod(
                m_feed, [feed = m_feed] { feed->setConnected(true, {}); }, Qt::QueuedConnection);
        }
        m_hadConnection = true;
        return true;
    }

    void closeDatabase()
    {
        if (!m_database)
            return;
        {
            QSqlDatabase db = m_database->connection();
            if (m_url.kind != DatabaseUrl::Kind::SQLite && db.isOpen()
                && db.driver()->subscribedToNotifications().contains(QString::fromLatin1(Channel)))
                db.driver()->unsubscribeFromNotification(QString::fromLatin1(Channel));
            db.close();
        } // no handle may outlive the Database, which removes the connection
        m_database.reset();
    }

    void lost(const QString &reason)
    {
        QMetaObject::invokeMethod(
            m_feed, [feed = m_feed, reason] { feed->setConnected(false, reason); },
            Qt::QueuedConnection);
    }

    Result<QList<Change>> readSqlite()
    {
        QSqlQuery q(m_database->connection());
        q.setForwardOnly(true);
        if (!q.exec(u"PRAGMA data_version"_s) || !q.next())
            return sqlError(q.lastError());
        const qint64 dataVersion = q.value(0).toLongLong();
        q.finish();
        if (dataVersion == m_dataVersion && m_lastId)
            return QList<Change> {}; // nothing committed by another connection
        if (!m_lastId) {
            if (!q.exec(u"SELECT COALESCE(MAX(id), 0) FROM complaint_events"_s) || !q.next())
                return sqlError(q.lastError());
            m_lastId = q.value(0).toLongLong();
            m_dataVersion = dataVersion;
            return QList<Change> {};
        }
        // A bulk load is read a batch at a time, the next one at once.
        if (!q.prepare(u"SELECT "_s + ChangeColumns + u" WHERE e.id > ? ORDER BY e.id LIMIT ?"_s))
            return sqlError(q.lastError());
        q.addBindValue(*m_lastId);
        q.addBindValue(SqliteBatch);
        if (!q.exec())
            return sqlError(q.lastError());
        QList<Change> out;
        while (q.next()) {
            out.append(readChange(q, 0));
            m_lastId = out.constLast().eventId;
        }
        if (out.size() < SqliteBatch)
            m_dataVersion = dataVersion;
        else
            wake();
        return out;
    }

    Result<QList<Change>> readPostgres()
    {
        QSqlDatabase db = m_database->connection();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        auto fail = [&q](QSqlQuery &failed) -> Error {
            const Error e = sqlError(failed.lastError());
            q.exec(u"ROLLBACK"_s);
            return e;
        };
        // One snapshot for the watermark and the rows.
        if (!q.exec(u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s))
            return sqlError(q.lastError());
        QSqlQuery snap(db);
        snap.setForwardOnly(true);
        if (!snap.exec(u"SELECT pg_snapshot_xmin(pg_current_snapshot())::text"_s) || !snap.next())
            return fail(snap);
        const quint64 xmin = snap.value(0).toString().toULongLong();
        snap.finish();
        const bool starting = !m_watermark;
        const quint64 from = starting ? xmin : *m_watermark;
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        // Starting, only the transactions to remember are needed, not their rows.
        const QString sql = starting
            ? u"SELECT DISTINCT e.txid::text FROM complaint_events e WHERE e.txid >= ?::text::xid8"
              " AND pg_visible_in_snapshot(e.txid, pg_current_snapshot())"_s
            : u"SELECT e.txid::text, "_s + ChangeColumns
                + u" WHERE e.txid >= ?::text::xid8"
                  " AND pg_visible_in_snapshot(e.txid, pg_current_snapshot())"
                  " ORDER BY e.txid, e.id"_s;
        if (!rows.prepare(sql))
            return fail(rows);
        rows.addBindValue(QString::number(from));
        if (!rows.exec())
            return fail(rows);
        QList<Change> out;
        QSet<quint64> seen;
        while (rows.next()) {
            const quint64 txid = rows.value(0).toString().toULongLong();
            seen.insert(txid);
            if (!starting && !m_delivered.contains(txid))
                out.append(readChange(rows, 1));
        }
        rows.finish();
        if (!q.exec(u"COMMIT"_s))
            return sqlError(q.lastError());
        m_delivered.unite(seen);
        m_watermark = xmin;
        m_delivered.removeIf([xmin](quint64 txid) { return txid < xmin; });
        return out;
    }

    DatabaseUrl m_url;
    ChangeFeed *m_feed;
    std::shared_ptr<Database> m_database;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_lastAttempt;
    bool m_wakePending = false;
    bool m_ready = false;
    bool m_hadConnection = false;
    // SQLite's cursor.
    std::optional<qint64> m_lastId;
    qint64 m_dataVersion = -1;
    // PostgreSQL's cursor.
    std::optional<quint64> m_watermark;
    QSet<quint64> m_delivered;
};

ChangeFeed::ChangeFeed(DatabaseUrl url, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<fouad::Change>();
    qRegisterMetaType<QList<fouad::Change>>();
    m_thread = new QThread(this);
    m_thread->setObjectName(u"change-feed"_s);
    m_worker = new Worker(std::move(url), this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

ChangeFeed::~ChangeFeed()
{
    m_thread->quit();
    m_thread->wait();
}

void ChangeFeed::start()
{
    if (m_thread->isRunning())
        return;
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &Worker::begin, Qt::QueuedConnection);
}

void ChangeFeed::poll()
{
    QMetaObject::invokeMethod(m_worker, &Worker::wake, Qt::QueuedConnection);
}

void ChangeFeed::deliver(const QList<Change> &changes)
{
    Q_EMIT changed(changes);
}

void ChangeFeed::setReady()
{
    m_ready = true;
    Q_EMIT ready();
}

void ChangeFeed::setConnected(bool connected, const QString &reason)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    if (connected)
        Q_EMIT connectionRestored();
    else
        Q_EMIT connectionLost(reason);
}

} // namespace fouad
