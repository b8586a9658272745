#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace fouad {

// Each enum has a stable machine code (stored in the database, used in JSON and
// on the command line) and a translated title for people.

enum class Status {
    Registered,
    Referred,
    InProgress,
    FieldInspection,
    WaitingForCitizen,
    ResolvedByAgency,
    Verified,
    Closed,
};

enum class Channel { Line128, AbroadLine, Web, InPerson, Letter };

enum class Priority { Urgent, Normal };

QString code(Status status);
QString code(Channel channel);
QString code(Priority priority);

std::optional<Status> statusFromCode(QStringView code);
std::optional<Channel> channelFromCode(QStringView code);
std::optional<Priority> priorityFromCode(QStringView code);

QString title(Status status);
QString title(Channel channel);
QString title(Priority priority);
// For citizens (the IVR reads it): Persian whatever the program's language.
QString persianTitle(Status status);

QList<Status> allStatuses();
QList<Channel> allChannels();
QList<Priority> allPriorities();

// The codes joined for messages: "line128, abroad_line, …".
QString statusCodes();
QString channelCodes();
QString priorityCodes();

} // namespace fouad
