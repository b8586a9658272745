#pragma once

#include "storage/databaseurl.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace fouad::test {

// What `fouadctl complaint add` in another process answered.
struct ChildRegistration
{
    bool finished = false; // within the timeout
    int exitCode = -1;
    QString trackingCode;
    QString stderrText;
};

// A complaint registered by another process, as an integration would: the built
// fouadctl (FOUADCTL_PATH) with `complaint add --json -`. Returns once the child
// exited (its commit is just before: time what follows from here). An empty
// receivedAt leaves the time to the child's clock.
inline ChildRegistration registerThroughFouadctl(const DatabaseUrl &url,
                                                 const QString &receivedAt = {})
{
    QJsonObject complaint {
        { QStringLiteral("channel"), QStringLiteral("line128") },
        { QStringLiteral("citizen"),
          QJsonObject { { QStringLiteral("name"), QStringLiteral("علي رضايي") },
                        { QStringLiteral("phone"), QStringLiteral("09121234567") } } },
        { QStringLiteral("province"), QStringLiteral("qazvin") },
        { QStringLiteral("agency"), QStringLiteral("tax") },
        { QStringLiteral("category"), QStringLiteral("system_down") },
        { QStringLiteral("priority"), QStringLiteral("urgent") },
        { QStringLiteral("description"), QStringLiteral("سامانه از صبح قطع است.") },
    };
    if (!receivedAt.isEmpty())
        complaint.insert(QStringLiteral("received_at"), receivedAt);
    QProcess p;
    p.start(QStringLiteral(FOUADCTL_PATH),
            { QStringLiteral("--db"), url.toString(), QStringLiteral("complaint"),
              QStringLiteral("add"), QStringLiteral("--json"), QStringLiteral("-") });
    p.write(QJsonDocument(complaint).toJson());
    p.closeWriteChannel();
    ChildRegistration r;
    r.finished = p.waitForFinished(60000);
    if (!r.finished)
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.trackingCode = QJsonDocument::fromJson(p.readAllStandardOutput())
                         .object()
                         .value(QStringLiteral("tracking_code"))
                         .toString();
    r.stderrText = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A call reported by another process, as the PBX would: `fouadctl call incoming
// --json`. Returns once the child exited; its answer is in `json`.
struct ChildCall
{
    bool finished = false;
    int exitCode = -1;
    QJsonObject json;
    QString stderrText;
};

inline ChildCall ringThroughFouadctl(const DatabaseUrl &url, const QString &extension,
                                     const QString &caller, const QString &code = {})
{
    QStringList args { QStringLiteral("--db"),        url.toString(),
                       QStringLiteral("call"),        QStringLiteral("incoming"),
                       QStringLiteral("--extension"), extension,
                       QStringLiteral("--caller"),    caller,
                       QStringLiteral("--json") };
    if (!code.isEmpty())
        args << QStringLiteral("--code") << code;
    QProcess p;
    p.start(QStringLiteral(FOUADCTL_PATH), args);
    ChildCall r;
    r.finished = p.waitForFinished(60000);
    if (!r.finished)
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    r.stderrText = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace fouad::test
