#include "domain/complaintenums.h"

#include "domain/codetable.h"

#include <array>

namespace fouad {

namespace {

using CodeTable::Entry;

constexpr std::array StatusTable = {
    Entry<Status> { Status::Registered, u"registered",
                    QT_TRANSLATE_NOOP("fouad::Codes", "Registered") },
    Entry<Status> { Status::Referred, u"referred", QT_TRANSLATE_NOOP("fouad::Codes", "Referred") },
    Entry<Status> { Status::InProgress, u"in_progress",
                    QT_TRANSLATE_NOOP("fouad::Codes", "In progress") },
    Entry<Status> { Status::FieldInspection, u"field_inspection",
                    QT_TRANSLATE_NOOP("fouad::Codes", "Field inspection") },
    Entry<Status> { Status::WaitingForCitizen, u"waiting_for_citizen",
                    QT_TRANSLATE_NOOP("fouad::Codes", "Waiting for citizen") },
    Entry<Status> { Status::ResolvedByAgency, u"resolved_by_agency",
                    QT_TRANSLATE_NOOP("fouad::Codes", "Resolved by agency") },
    Entry<Status> { Status::Verified, u"verified", QT_TRANSLATE_NOOP("fouad::Codes", "Verified") },
    Entry<Status> { Status::Closed, u"closed", QT_TRANSLATE_NOOP("fouad::Codes", "Closed") },
};

constexpr std::array ChannelTable = {
    Entry<Channel> { Channel::Line128, u"line128", QT_TRANSLATE_NOOP("fouad::Codes", "Line 128") },
    Entry<Channel> { Channel::AbroadLine, u"abroad_line",
                     QT_TRANSLATE_NOOP("fouad::Codes", "Abroad line") },
    Entry<Channel> { Channel::Web, u"web", QT_TRANSLATE_NOOP("fouad::Codes", "Web portal") },
    Entry<Channel> { Channel::InPerson, u"in_person",
                     QT_TRANSLATE_NOOP("fouad::Codes", "In person") },
    Entry<Channel> { Channel::Letter, u"letter", QT_TRANSLATE_NOOP("fouad::Codes", "Letter") },
};

constexpr std::array PriorityTable = {
    Entry<Priority> { Priority::Urgent, u"urgent", QT_TRANSLATE_NOOP("fouad::Codes", "Urgent") },
    Entry<Priority> { Priority::Normal, u"normal", QT_TRANSLATE_NOOP("fouad::Codes", "Normal") },
};

} // namespace

QString code(Status status)
{
    return CodeTable::code(StatusTable, status);
}
QString code(Channel channel)
{
    return CodeTable::code(ChannelTable, channel);
}
QString code(Priority priority)
{
    return CodeTable::code(PriorityTable, priority);
}

std::optional<Status> statusFromCode(QStringView c)
{
    return CodeTable::fromCode(StatusTable, c);
}
std::optional<Channel> channelFromCode(QStringView c)
{
    return CodeTable::fromCode(ChannelTable, c);
}
std::optional<Priority> priorityFromCode(QStringView c)
{
    return CodeTable::fromCode(PriorityTable, c);
}

QString title(Status status)
{
    return CodeTable::title(StatusTable, status);
}
QString persianTitle(Status status)
{
    return CodeTable::persianTitle(StatusTable, status);
}
QString title(Channel channel)
{
    return CodeTable::title(ChannelTable, channel);
}
QString title(Priority priority)
{
    return CodeTable::title(PriorityTable, priority);
}

QList<Status> allStatuses()
{
    return CodeTable::values(StatusTable);
}
QList<Channel> allChannels()
{
    return CodeTable::values(ChannelTable);
}
QList<Priority> allPriorities()
{
    return CodeTable::values(PriorityTable);
}

QString statusCodes()
{
    return CodeTable::codes(StatusTable);
}
QString channelCodes()
{
    return CodeTable::codes(ChannelTable);
}
QString priorityCodes()
{
    return CodeTable::codes(PriorityTable);
}

} // namespace fouad
