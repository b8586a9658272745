#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace fouad::test {

// An HTTP/1.1 server on 127.0.0.1 for tests: each path answers the statuses it
// was scripted with in turn (Silent: never answers, so the client times out),
// then 200. Every request is kept, with its Idempotency-Key and body. Lives on
// the thread that made it, which must run its event loop while clients send.
class ScriptedHttpServer final : public QObject
{
public:
    static constexpr int Silent = 0;

    struct Request
    {
        QByteArray path;
        QByteArray idempotencyKey;
        QByteArray contentType;
        QByteArray body;
        int answered = 0; // the status sent; Silent for none
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::accept);
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }

    void script(const QByteArray &path, const QList<int> &answers)
    {
        QMutexLocker lock(&m_mutex);
        m_script[path] = answers;
    }

    QList<Request> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    QList<Request> requestsFor(const QByteArray &path) const
    {
        QList<Request> out;
        for (const Request &r : requests()) {
            if (r.path == path)
                out << r;
        }
        return out;
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            QObject::connect(socket, &QTcpSocket::readyRead, this,
                             [this, socket] { read(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request r;
        qsizetype length = 0;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "idempotency-key")
                r.idempotencyKey = value;
            else if (name == "content-type")
                r.contentType = value;
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        r.body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        {
            QMutexLocker lock(&m_mutex);
            QList<int> &answers = m_script[r.path];
            r.answered = answers.isEmpty() ? 200 : answers.takeFirst();
            m_requests << r;
        }
        if (r.answered == Silent)
            return; // the client gives up (its timeout)
        socket->write(QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(r.answered)
                      + QByteArrayLiteral(" Scripted\r\nContent-Length: 0\r\n"
                                          "Connection: close\r\n\r\n"));
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    mutable QMutex m_mutex;
    QHash<QByteArray, QList<int>> m_script;
    QList<Request> m_requests;
};

} // namespace fouad::test
