#pragma once

#include "domain/complaintenums.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace fouad {

// One of a caller's complaints, as the screen pop and the PBX see it: nothing
// personal beyond what the caller's own number already says.
struct CallerComplaint
{
    QString trackingCode;
    Status status = Status::Registered;
    QDateTime receivedAt; // UTC
};

// A call ringing an operator's extension, as the PBX reported it
// (`fouadctl call incoming`), with the caller's complaints, newest first.
struct IncomingCall
{
    qint64 id = 0;
    QString extension;
    QString caller; // E.164
    QString keyedCode; // what the caller keyed into the IVR, normalised; may be empty
    QDateTime rangAt; // UTC
    QList<CallerComplaint> complaints;

    // At most this many of the caller's complaints are read.
    static constexpr int MaxComplaints = 50;

    // An extension as the PBX names it: 1 to 32 letters, digits, '.', '_' or
    // '-' (any digit form, surrounding spaces dropped); nothing when not one.
    static std::optional<QString> normalizedExtension(const QString &input);
};

} // namespace fouad

Q_DECLARE_METATYPE(fouad::IncomingCall)
