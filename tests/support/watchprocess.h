#pragma once

#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

namespace fouad::test {

// `fouadctl watch` running as the built program (FOUADCTL_PATH), read as it prints.
class WatchProcess final
{
public:
    WatchProcess(const DatabaseUrl &url, bool json)
    {
        QStringList args { QStringLiteral("--db"), url.toString(), QStringLiteral("watch") };
        if (json)
            args << QStringLiteral("--json");
        m_process.start(QStringLiteral(FOUADCTL_PATH), args);
    }
    ~WatchProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Started and past taking its cursor: it says so on stderr (a loaded
    // machine can take seconds to start it and connect).
    bool waitStarted()
    {
        if (!m_process.waitForStarted(10000))
            return false;
        QElapsedTimer t;
        t.start();
        while (!t.hasExpired(30000) && m_process.state() == QProcess::Running) {
            read();
            if (m_err.contains(QStringLiteral("fouadctl: watch: watching")))
                return true;
            m_process.waitForReadyRead(20);
        }
        return false;
    }

    bool waitForCode(const QString &code, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (!t.hasExpired(timeoutMs)) {
            read();
            if (m_out.contains(code))
                return true;
            m_process.waitForReadyRead(20);
        }
        return false;
    }

    // Sends the signal; the exit code (-1 if it did not end).
    int stop(int signal = SIGTERM)
    {
        ::kill(pid_t(m_process.processId()), signal);
        if (!m_process.waitForFinished(10000))
            return -1;
        read();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QString stdoutText()
    {
        read();
        return m_out;
    }
    QString stderrText()
    {
        read();
        return m_err;
    }
    QList<QJsonObject> jsonLines()
    {
        QList<QJsonObject> out;
        for (const QString &line : stdoutText().split(u'\n', Qt::SkipEmptyParts))
            out << QJsonDocument::fromJson(line.toUtf8()).object();
        return out;
    }

private:
    void read()
    {
        m_out += QString::fromUtf8(m_process.readAllStandardOutput());
        m_err += QString::fromUtf8(m_process.readAllStandardError());
    }

    QProcess m_process;
    QString m_out;
    QString m_err;
};

} // namespace fouad::test
