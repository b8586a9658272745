#include "domain/complaintenums.h"

#include <QCoreApplication>

#include <array>

namespace fouad {

namespace {

template<typename E>
struct CodeEntry
{
    E value;
    const char16_t *code;
    const char *title; // translated in context "fouad::Codes"
};

constexpr std::array StatusTable = {
    CodeEntry<Status> { Status::Registered, u"registered", QT_TRANSLATE_NOOP("fouad::Codes", "Registered") },
    CodeEntry<Status> { Status::Referred, u"referred", QT_TRANSLATE_NOOP("fouad::Codes", "Referred") },
    CodeEntry<Status> { Status::InProgress, u"in_progress", QT_TRANSLATE_NOOP("fouad::Codes", "In progress") },
    CodeEntry<Status> { Status::FieldInspection, u"field_inspection", QT_TRANSLATE_NOOP("fouad::Codes", "Field inspection") },
    CodeEntry<Status> { Status::WaitingForCitizen, u"waiting_for_citizen", QT_TRANSLATE_NOOP("fouad::Codes", "Waiting for citizen") },
    CodeEntry<Status> { Status::ResolvedByAgency, u"resolved_by_agency", QT_TRANSLATE_NOOP("fouad::Codes", "Resolved by agency") },
    CodeEntry<Status> { Status::Verified, u"verified", QT_TRANSLATE_NOOP("fouad::Codes", "Verified") },
    CodeEntry<Status> { Status::Closed, u"closed", QT_TRANSLATE_NOOP("fouad::Codes", "Closed") },
};

constexpr std::array ChannelTable = {
    CodeEntry<Channel> { Channel::Line128, u"line128", QT_TRANSLATE_NOOP("fouad::Codes", "Line 128") },
    CodeEntry<Channel> { Channel::AbroadLine, u"abroad_line", QT_TRANSLATE_NOOP("fouad::Codes", "Abroad line") },
    CodeEntry<Channel> { Channel::Web, u"web", QT_TRANSLATE_NOOP("fouad::Codes", "Web portal") },
    CodeEntry<Channel> { Channel::InPerson, u"in_person", QT_TRANSLATE_NOOP("fouad::Codes", "In person") },
    CodeEntry<Channel> { Channel::Letter, u"letter", QT_TRANSLATE_NOOP("fouad::Codes", "Letter") },
};

constexpr std::array PriorityTable = {
    CodeEntry<Priority> { Priority::Urgent, u"urgent", QT_TRANSLATE_NOOP("fouad::Codes", "Urgent") },
    CodeEntry<Priority> { Priority::Normal, u"normal", QT_TRANSLATE_NOOP("fouad::Codes", "Normal") },
};

template<typename Table, typename E>
const auto &entry(const Table &table, E value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return e;
    }
    Q_UNREACHABLE();
}

template<typename Table>
auto fromCode(const Table &table, QStringView code) -> std::optional<decltype(table[0].value)>
{
    for (const auto &e : table) {
        if (code == QStringView(e.code))
            return e.value;
    }
    return std::nullopt;
}

template<typename Table>
auto values(const Table &table)
{
    QList<std::remove_const_t<decltype(table[0].value)>> out;
    for (const auto &e : table)
        out.append(e.value);
    return out;
}

template<typename Table>
QString codes(const Table &table)
{
    QStringList out;
    for (const auto &e : table)
        out.append(QStringView(e.code).toString());
    return out.join(u", ");
}

QString translate(const char *title)
{
    return QCoreApplication::translate("fouad::Codes", title);
}

} // namespace

QString code(Status status) { return QStringView(entry(StatusTable, status).code).toString(); }
QString code(Channel channel) { return QStringView(entry(ChannelTable, channel).code).toString(); }
QString code(Priority priority) { return QStringView(entry(PriorityTable, priority).code).toString(); }

std::optional<Status> statusFromCode(QStringView c) { return fromCode(StatusTable, c); }
std::optional<Channel> channelFromCode(QStringView c) { return fromCode(ChannelTable, c); }
std::optional<Priority> priorityFromCode(QStringView c) { return fromCode(PriorityTable, c); }

QString title(Status status) { return translate(entry(StatusTable, status).title); }
QString title(Channel channel) { return translate(entry(ChannelTable, channel).title); }
QString title(Priority priority) { return translate(entry(PriorityTable, priority).title); }

QList<Status> allStatuses() { return values(StatusTable); }
QList<Channel> allChannels() { return values(ChannelTable); }
QList<Priority> allPriorities() { return values(PriorityTable); }

QString statusCodes() { return codes(StatusTable); }
QString channelCodes() { return codes(ChannelTable); }
QString priorityCodes() { return codes(PriorityTable); }

} // namespace fouad
