#include "live/changefeed.h"

#include "services/callservice.h"
#include "storage/callrepository.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
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

// Lives on the feed's thread and owns its connection. It reads (and delivers)
// at most PageSize events at a time; after a full page the next is read at
// once, so a bulk load costs bounded memory and arrives as many signals. The
// cursor:
// - SQLite: writers are serialised (BEGIN IMMEDIATE), so id order is commit
//   order and the last id delivered is the cursor.
// - PostgreSQL: ids are taken at insert, so a transaction that commits after a
//   later one holds lower ids. Each event carries its transaction (txid), and
//   in one REPEATABLE READ snapshot the feed reads, in (txid, id) order, the
//   events of transactions visible in it from the watermark up. The watermark
//   is a snapshot's xmin (every transaction below it had finished then) once
//   all it showed was delivered; after a full page, the lower of that xmin and
//   the page's last transaction (everything below both was on the page). The
//   transactions above it already delivered are remembered, so nothing is sent
//   twice; once the watermark passes them they are forgotten. The page's last
//   transaction may go on past the page: the rest of it, and only it, is read
//   next (by id), then the snapshots resume. Each page is read in a snapshot of
//   its own, so a reconnect resumes from this cursor.
class ChangeFeed::Worker final : public QObject
{
public:
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

    void setCallExtension(const QString &extension)
    {
        m_extension = extension;
        m_lastCallId.reset(); // from now on: taken now, or when next looked
        if (m_database)
            (void)readCalls();
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
        // PostgreSQL: a call's NOTIFY is the fast path, but one that arrives while
        // a query runs can sit unread in libpq until the next traffic, so every
        // look also reads the calls after the cursor (SQLite reads them in
        // readSqlite(), when something was committed).
        if (!failed && m_url.kind != DatabaseUrl::Kind::SQLite && !m_partial) {
            if (auto calls = readCalls(); !calls)
                failed = calls.error();
        }
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
            connect(driver, &QSqlDriver::notification, this, &Worker::notified,
                    Qt::UniqueConnection);
            if (!driver->subscribeToNotification(QString::fromLatin1(Channel))
                || !driver->subscribeToNotification(QString::fromLatin1(CallsChannel))) {
                lost(driver->lastError().text());
                closeDatabase();
                return false;
            }
        }
        m_dataVersion = -1;
        m_lastCallId.reset(); // a call that rang meanwhile is no longer ringing
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
            if (m_url.kind != DatabaseUrl::Kind::SQLite && db.isOpen()) {
                for (const char *channel : { Channel, CallsChannel }) {
                    if (db.driver()->subscribedToNotifications().contains(
                            QString::fromLatin1(channel)))
                        db.driver()->unsubscribeFromNotification(QString::fromLatin1(channel));
                }
            }
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
        if (auto calls = readCalls(); !calls)
            return calls.error();
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
        q.addBindValue(PageSize);
        if (!q.exec())
            return sqlError(q.lastError());
        QList<Change> out;
        while (q.next()) {
            out.append(readChange(q, 0));
            m_lastId = out.constLast().eventId;
        }
        if (out.size() < PageSize)
            m_dataVersion = dataVersion;
        else
            wake();
        return out;
    }

    Result<QList<Change>> readPostgres()
    {
        if (m_partial)
            return readRestOfPartial();
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
                  " AND NOT (e.txid = ANY (?::text::xid8[]))"
                  " AND pg_visible_in_snapshot(e.txid, pg_current_snapshot())"
                  " ORDER BY e.txid, e.id LIMIT ?"_s;
        if (!rows.prepare(sql))
            return fail(rows);
        rows.addBindValue(QString::number(from));
        if (!starting) {
            QStringList delivered;
            for (quint64 txid : std::as_const(m_delivered))
                delivered << QString::number(txid);
            rows.addBindValue(QString(u'{' + delivered.join(u',') + u'}'));
            rows.addBindValue(PageSize);
        }
        if (!rows.exec())
            return fail(rows);
        QList<Change> out;
        QSet<quint64> seen;
        quint64 last = 0;
        while (rows.next()) {
            last = rows.value(0).toString().toULongLong();
            seen.insert(last);
            if (!starting)
                out.append(readChange(rows, 1));
        }
        rows.finish();
        if (!q.exec(u"COMMIT"_s))
            return sqlError(q.lastError());
        quint64 watermark = xmin;
        if (out.size() == PageSize) {
            // The last transaction may go on past the page: its rest comes next.
            seen.remove(last);
            m_partial = { last, out.constLast().eventId };
            watermark = qMin(xmin, last);
            wake();
        }
        m_delivered.unite(seen);
        m_watermark = qMax(from, watermark);
        m_delivered.removeIf([w = *m_watermark](quint64 txid) { return txid < w; });
        return out;
    }

    // The rest of the transaction a full page ended in (committed: its rows are
    // all there), a page at a time.
    Result<QList<Change>> readRestOfPartial()
    {
        QSqlQuery rows(m_database->connection());
        rows.setForwardOnly(true);
        if (!rows.prepare(u"SELECT e.txid::text, "_s + ChangeColumns
                          + u" WHERE e.txid = ?::text::xid8 AND e.id > ? ORDER BY e.id LIMIT ?"_s))
            return sqlError(rows.lastError());
        rows.addBindValue(QString::number(m_partial->txid));
        rows.addBindValue(m_partial->lastId);
        rows.addBindValue(PageSize);
        if (!rows.exec())
            return sqlError(rows.lastError());
        QList<Change> out;
        while (rows.next())
            out.append(readChange(rows, 1));
        rows.finish();
        if (out.size() == PageSize) {
            m_partial->lastId = out.constLast().eventId;
        } else {
            m_delivered.insert(m_partial->txid);
            m_partial.reset();
        }
        wake(); // the snapshots resume (or the rest goes on)
        return out;
    }

    void notified(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
    {
        if (name != QLatin1StringView(CallsChannel)) {
            wake();
            return;
        }
        bool ok = false;
        const qint64 id = payload.toString().toLongLong(&ok);
        if (!ok || m_extension.isEmpty() || !m_database)
            return;
        auto call = CallRepository(*m_database).find(id);
        if (call && call.value() && call.value()->extension == m_extension)
            deliverCall(*call.value());
    }

    // The calls to the extension committed since the last look. On SQLite writers
    // are serialised, so ids come in commit order; on PostgreSQL a call committed
    // after a later one is below the cursor and comes by its NOTIFY alone.
    Result<void> readCalls()
    {
        if (m_extension.isEmpty())
            return {};
        CallRepository calls(*m_database);
        if (!m_lastCallId) {
            auto last = calls.lastId();
            if (!last)
                return last.error();
            m_lastCallId = last.value();
            QMetaObject::invokeMethod(
                m_feed,
                [feed = m_feed, extension = m_extension] { feed->setCallsWatched(extension); },
                Qt::QueuedConnection);
            return {};
        }
        auto rang = calls.callsAfter(m_extension, *m_lastCallId);
        if (!rang)
            return rang.error();
        for (const IncomingCall &call : std::as_const(rang.value())) {
            m_lastCallId = std::max(*m_lastCallId, call.id);
            deliverCall(call);
        }
        return {};
    }

    // With the caller's complaints, read here, off the console's GUI thread.
    void deliverCall(IncomingCall call)
    {
        // Each call once, whether its NOTIFY or a look found it first.
        if (m_recentCalls.contains(call.id))
            return;
        m_recentCalls.append(call.id);
        if (m_recentCalls.size() > RecentCallsKept)
            m_recentCalls.removeFirst();
        if (auto added = CallService(*m_database).addComplaints(call); !added)
            qWarning("the caller's complaints could not be read: %s",
                     qPrintable(added.error().message));
        QMetaObject::invokeMethod(
            m_feed, [feed = m_feed, call] { feed->deliverCall(call); }, Qt::QueuedConnection);
    }

    DatabaseUrl m_url;
    ChangeFeed *m_feed;
    QString m_extension;
    std::optional<qint64> m_lastCallId; // the calls cursor
    static constexpr int RecentCallsKept = 64;
    QList<qint64> m_recentCalls; // delivered lately, newest last
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
    struct Partial
    {
        quint64 txid = 0;
        qint64 lastId = 0; // delivered up to this event
    };
    std::optional<Partial> m_partial; // a transaction delivered only in part
};

ChangeFeed::ChangeFeed(DatabaseUrl url, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<fouad::Change>();
    qRegisterMetaType<QList<fouad::Change>>();
    qRegisterMetaType<fouad::IncomingCall>();
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

void ChangeFeed::setCallExtension(const QString &extension)
{
    m_watchedExtension.clear(); // until the worker has taken the new one's cursor
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, extension] { worker->setCallExtension(extension); },
        Qt::QueuedConnection);
}

void ChangeFeed::deliver(const QList<Change> &changes)
{
    Q_EMIT changed(changes);
}

void ChangeFeed::deliverCall(const IncomingCall &call)
{
    Q_EMIT callRang(call);
}

void ChangeFeed::setReady()
{
    m_ready = true;
    Q_EMIT ready();
}

void ChangeFeed::setCallsWatched(const QString &extension)
{
    m_watchedExtension = extension;
    Q_EMIT callsWatched(extension);
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
