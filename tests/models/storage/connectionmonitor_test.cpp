// The connection monitor never holds the calling (GUI) thread while it reaches
// for a server that does not answer: its probe waits on a thread of its own.
#include "storage/connectionmonitor.h"
#include "storage/database.h"
#include "support/testdatabase.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

// Between the test and PostgreSQL, on its own thread (the connections it serves
// block theirs): forwards every connection, or, silent, drops those it has and
// accepts new ones without ever answering, like a server that hangs.
class Relay final : public QObject
{
public:
    Relay(QString host, int port)
        : m_host(std::move(host))
        , m_port(quint16(port))
    {
    }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &Relay::accept);
        return m_server->listen(QHostAddress::LocalHost) ? m_server->serverPort() : 0;
    }

    void setSilent(bool silent)
    {
        m_silent = silent;
        for (QTcpSocket *socket : findChildren<QTcpSocket *>()) {
            socket->disconnect();
            socket->abort();
            socket->deleteLater();
        }
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            client->setParent(this);
            if (m_silent)
                continue; // held open, never a word
            auto *upstream = new QTcpSocket(this);
            connect(client, &QTcpSocket::readyRead, upstream,
                    [client, upstream] { upstream->write(client->readAll()); });
            connect(upstream, &QTcpSocket::readyRead, client,
                    [client, upstream] { client->write(upstream->readAll()); });
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(m_host, m_port);
        }
    }

    QString m_host;
    quint16 m_port;
    QTcpServer *m_server = nullptr;
    bool m_silent = false;
};

class Proxy final
{
public:
    Proxy(const QString &host, int port)
        : m_relay(new Relay(host, port))
    {
        m_relay->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_relay, [this] { m_port = m_relay->listen(); }, Qt::BlockingQueuedConnection);
    }
    ~Proxy()
    {
        QMetaObject::invokeMethod(
            m_relay, [relay = m_relay] { delete relay; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }
    void setSilent(bool silent)
    {
        QMetaObject::invokeMethod(
            m_relay, [relay = m_relay, silent] { relay->setSilent(silent); },
            Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    Relay *m_relay;
    quint16 m_port = 0;
};

TEST(ConnectionMonitor, TheCallingThreadKeepsTurningWhileARetryWaitsForASilentServer)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::PostgreSQL);
    Proxy proxy(testDb->url().host, testDb->url().port);
    ASSERT_NE(proxy.port(), 0);
    DatabaseUrl url = testDb->url();
    url.host = u"127.0.0.1"_s;
    url.port = proxy.port();
    auto opened = Database::open(url);
    ASSERT_TRUE(opened) << opened.error().detail.toStdString();
    std::shared_ptr<Database> db = opened.value();
    ConnectionMonitor monitor(*db);
    QSignalSpy lost(&monitor, &ConnectionMonitor::lost);
    QSignalSpy scheduled(&monitor, &ConnectionMonitor::retryScheduled);
    QSignalSpy restored(&monitor, &ConnectionMonitor::restored);

    // The server goes silent: this connection drops, a new one gets no answer.
    proxy.setSilent(true);
    {
        QSqlQuery q(db->connection());
        ASSERT_FALSE(q.exec(u"SELECT 1"_s));
        (void)sqlError(q.lastError()); // as a repository reports it
    }

    // A timer on this thread keeps firing while the monitor waits for an answer.
    // A call that waited for the silent server would take the connect timeout
    // (5 s); a loaded machine may pause this thread for a while anyway.
    constexpr qint64 Responsive = 2000;
    static_assert(Responsive < Database::ConnectTimeoutSecs * 1000);
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(50);
    QObject::connect(&ticker, &QTimer::timeout,
                     [&] { longestGap = qMax(longestGap, sinceTick.restart()); });
    sinceTick.start();
    ticker.start();
    QElapsedTimer t;
    t.start();
    monitor.check();
    EXPECT_LT(t.elapsed(), Responsive);
    ASSERT_TRUE(QTest::qWaitFor([&] { return lost.count() == 1; }, 20000));
    EXPECT_GE(t.elapsed(), 1000); // it did wait for an answer (the connect timeout)
    EXPECT_LT(longestGap, Responsive);
    EXPECT_FALSE(monitor.isConnected());
    ASSERT_EQ(scheduled.count(), 1);
    EXPECT_EQ(scheduled.at(0).at(0).toInt(), Backoff::FirstMs);

    // A retry by hand while it is still silent returns at once too.
    t.restart();
    monitor.retryNow();
    EXPECT_LT(t.elapsed(), Responsive);
    ASSERT_TRUE(QTest::qWaitFor([&] { return scheduled.count() == 2; }, 20000));
    EXPECT_GE(t.elapsed(), 1000);
    EXPECT_EQ(scheduled.at(1).at(0).toInt(), 2 * Backoff::FirstMs);
    EXPECT_LT(longestGap, Responsive);
    EXPECT_EQ(restored.count(), 0);

    // It answers again: the next retry finds it, and this thread's connection works.
    proxy.setSilent(false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return restored.count() == 1; }, 20000));
    EXPECT_TRUE(monitor.isConnected());
    EXPECT_EQ(lost.count(), 1);
    QSqlQuery q(db->connection());
    EXPECT_TRUE(q.exec(u"SELECT 1"_s));
    EXPECT_LT(longestGap, Responsive);
}

} // namespace
