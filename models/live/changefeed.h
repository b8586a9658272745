#pragma once

#include "domain/incomingcall.h"
#include "storage/databaseurl.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

class QThread;

namespace fouad {

// One committed history event, as ChangeFeed delivers it.
struct Change
{
    qint64 eventId = 0;
    qint64 complaintId = 0;
    QString trackingCode;
    QString type; // the history event's type
    int version = 0; // the complaint's version the event belongs to
    QDateTime at; // UTC
    QString actor;
};

// Every committed change to complaints, each once, in commit order (so in order
// per complaint), for the console's live view and `fouadctl watch`. The history
// table is the source; on PostgreSQL a NOTIFY (migration 10) only wakes the feed,
// on SQLite it polls `PRAGMA data_version` once a second. It also carries the
// telephone's screen pop: calls ringing the console's extension. The cursor is
// commit-ordered (docs/architecture.md, "Live updates"), starts at the newest
// committed change when started, and survives a lost connection: the feed
// retries every RetryIntervalMs and first delivers what was committed meanwhile.
// A backlog is read and delivered PageSize changes at a time.
//
// The work runs on a thread of the feed's own, with its own connection; the
// signals arrive on the thread the feed lives on.
class ChangeFeed final : public QObject
{
    Q_OBJECT

public:
    explicit ChangeFeed(DatabaseUrl url, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Takes the cursor ("now") and starts listening; ready() once it is taken.
    void start();
    // Looks for changes now (as a notification would).
    void poll();

    // Calls ringing this extension (`fouadctl call incoming`) from now on are
    // delivered as callRang(), with the caller's complaints; empty: none. The
    // calls cursor is taken on the feed's thread: callsWatched() says when.
    void setCallExtension(const QString &extension);
    // The extension whose calls are delivered from here on (its calls cursor
    // taken); empty until then, and when none is set.
    QString watchedExtension() const { return m_watchedExtension; }

    bool isConnected() const { return m_connected; }
    // The cursor is taken: every change committed from now on will be delivered.
    bool isReady() const { return m_ready; }

    // At most this many changes are read, and delivered in one changed(), at a
    // time; a bigger backlog (a bulk load) follows page after page.
    static constexpr int PageSize = 1000;
    static constexpr int SqlitePollIntervalMs = 1000;
    // PostgreSQL: a look even without a notification, which also notices a
    // connection whose server went away.
    static constexpr int KeepAliveIntervalMs = 2000;
    static constexpr int RetryIntervalMs = 2000;
    static constexpr const char *Channel = "fouad_changes";
    // Migration 16: a call's id, sent when it is committed.
    static constexpr const char *CallsChannel = "fouad_calls";

Q_SIGNALS:
    void ready();
    void changed(const QList<fouad::Change> &changes);
    // A call rang the extension set, read on the feed's thread with the caller's
    // complaints. A call made while the feed was disconnected is not delivered
    // later (it is no longer ringing).
    void callRang(const fouad::IncomingCall &call);
    // Every call ringing `extension` committed from now on will be delivered:
    // after setCallExtension(), and again after a lost connection is back.
    void callsWatched(const QString &extension);
    // Lost (with the reason, English driver text) and back.
    void connectionLost(const QString &reason);
    void connectionRestored();

private:
    class Worker;
    void deliver(const QList<Change> &changes);
    void deliverCall(const IncomingCall &call);
    void setReady();
    void setCallsWatched(const QString &extension);
    void setConnected(bool connected, const QString &reason);

    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
    bool m_connected = true;
    bool m_ready = false;
    QString m_watchedExtension;
};

} // namespace fouad

Q_DECLARE_METATYPE(fouad::Change)
