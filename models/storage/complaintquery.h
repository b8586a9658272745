#pragma once

#include "domain/complaintenums.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fouad {

// What a queue or `complaint list` asks for: a filter, an order and a page.
struct ComplaintQuery
{
    enum class Sort {
        ReceivedNewestFirst, // received_at DESC, id DESC
        DueSoonestFirst, // due_at ASC, id ASC
        ReceivedOldestFirst, // received_at ASC, id ASC
        DueLatestFirst, // due_at DESC, id DESC
    };

    std::optional<Status> status;
    QString assignee; // "my queue": only complaints assigned to this user
    QString search; // as typed; what it finds: SearchTerm
    // The dashboard's drill-down (issue 10): the complaints behind a bar or a
    // tile, by the codes StatsFilter uses; empty or absent: any.
    struct Scope
    {
        QString province;
        QString agency;
        QString office;
        QString category;
        std::optional<Channel> channel;
        std::optional<QDateTime> receivedFrom; // UTC, inclusive
        std::optional<QDateTime> receivedTo; // UTC, exclusive
        bool openOnly = false; // not closed
        std::optional<int> satisfaction;
        std::optional<int> escalationLevel;
        // The complaints one key figure counts (a tile), as FigureSql says.
        enum class Figure {
            Any,
            Open,
            Resolved,
            WithinTarget,
            Founded,
            Rated,
            Reopened,
            Escalated
        };
        Figure figure = Figure::Any;
        // Resolved in [resolutionFrom, resolutionTo) seconds (a histogram bar).
        std::optional<qint64> resolutionFrom;
        std::optional<qint64> resolutionTo;
    };
    Scope scope;
    Sort sort = Sort::ReceivedNewestFirst;
    int limit = -1; // -1: every match

    // Keyset paging: continue after the row with this sort value (ms) and id.
    struct Position
    {
        qint64 sortValue = 0;
        qint64 id = 0;
    };
    std::optional<Position> after;
};

} // namespace fouad
