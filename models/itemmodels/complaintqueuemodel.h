#pragma once

#include "domain/complaint.h"
#include "storage/complaintquery.h"

#include <QAbstractTableModel>

#include <memory>

namespace fouad {

class Database;
class ComplaintRepository;

// The queue of complaints for the table views. Rows are fetched a page at a
// time with keyset paging (never the whole table), in the order and with the
// filter of a ComplaintQuery. Values are raw (codes, UTC times) under the
// custom roles and under DisplayRole; delegates format them for people.
class ComplaintQueueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TrackingCodeColumn,
        ReceivedAtColumn,
        ProvinceColumn,
        AgencyColumn,
        CategoryColumn,
        StatusColumn,
        DueAtColumn,
        RemainingColumn, // the resolution clock's countdown (formatted by the delegate, ticking)
        LockedByColumn, // who has it open now (the soft lock)
        ColumnCount,
    };

    enum Role {
        TrackingCodeRole = Qt::UserRole + 1,
        ReceivedAtRole, // QDateTime, UTC
        ProvinceRole, // code
        AgencyRole, // code
        CategoryRole, // code
        StatusRole, // code
        DueAtRole, // QDateTime, UTC
        CitizenNameRole,
        PhoneRole, // E.164
        PriorityRole, // code
        ComplaintIdRole,
        AssigneeRole,
        LockedByRole, // user name, or empty
        LockedUntilRole, // QDateTime, UTC: the mark means nothing after it
    };

    explicit ComplaintQueueModel(std::shared_ptr<Database> database, QObject *parent = nullptr);
    ~ComplaintQueueModel() override;

    const ComplaintQuery &query() const { return m_query; }
    // Replaces filter and order and loads the first page.
    void setQuery(const ComplaintQuery &query);
    // Reloads from the first page with the same query (after an intake, say).
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    // The row showing this tracking code among those fetched, or -1.
    int rowOf(const QString &trackingCode) const;

    static constexpr int PageSize = 100;

Q_SIGNALS:
    void loadFailed(const QString &message);
    void pageLoaded(int rowsNow);

private:
    QList<Complaint> fetchPage(const std::optional<ComplaintQuery::Position> &after);
    ComplaintQuery::Position positionOf(const Complaint &complaint) const;

    std::shared_ptr<Database> m_database;
    std::unique_ptr<ComplaintRepository> m_repository;
    ComplaintQuery m_query;
    QList<Complaint> m_rows;
    bool m_atEnd = false;
};

} // namespace fouad
