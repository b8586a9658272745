#pragma once

#include "domain/complaint.h"
#include "storage/complaintquery.h"

#include <QAbstractTableModel>

#include <memory>

class QThread;

namespace fouad {

class Database;
class ComplaintRepository;

// The queue of complaints for the table views. Rows are fetched a page at a
// time with keyset paging (never the whole table), in the order and with the
// filter of a ComplaintQuery. Values are raw (codes, UTC times) under the
// custom roles and under DisplayRole; delegates format them for people.
//
// InBackground (the console): every page is fetched on a thread of the model's
// own, with its own connection, and arrives later (pageLoaded); the rows shown
// stay until then. A newer query supersedes an older one that has not started,
// and the result of one that has is dropped. OnCallingThread: before setQuery()
// returns (benchmarks, tests of the rows themselves).
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

    enum class Fetching { OnCallingThread, InBackground };

    explicit ComplaintQueueModel(std::shared_ptr<Database> database, QObject *parent = nullptr);
    ComplaintQueueModel(std::shared_ptr<Database> database, Fetching fetching,
                        QObject *parent = nullptr);
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
    // Received (both directions) and due or time left (both directions): the
    // orders the indexes serve with keyset paging. Other columns do not sort.
    void sort(int column, Qt::SortOrder order) override;
    static bool isSortable(int column);

    // Live updates (ChangeFeed): re-reads just these complaints (off the GUI
    // thread InBackground) and puts each where the query says: a row that still
    // matches is updated (and moved if its sort key changed), one that no longer
    // matches leaves, and one that now matches and sorts within the rows fetched
    // so far (or anywhere, once all are fetched) appears. rowsRefreshed() after.
    // More than MaxRefreshed at once (a bulk load): the first page is reloaded.
    void refreshComplaints(const QStringList &trackingCodes);

    // The row showing this tracking code among those fetched, or -1.
    int rowOf(const QString &trackingCode) const;
    // A query or page is on its way (InBackground).
    bool isLoading() const { return m_pendingGeneration != 0; }

    static constexpr int PageSize = 100;
    static constexpr int MaxRefreshed = PageSize;

Q_SIGNALS:
    void loadFailed(const QString &message);
    // After the first page of a query (rows replaced) or a further page (rows added).
    void pageLoaded(int rowsNow);
    void loadingChanged(bool loading);
    // After refreshComplaints(): the codes re-read (rows changed, added or removed).
    void rowsRefreshed(const QStringList &trackingCodes);

private:
    class Fetcher;
    struct Page;
    struct Refresh;

    void request(bool firstPage);
    void apply(const Page &page);
    void applyRefresh(const Refresh &refresh);
    bool belongs(const Complaint &complaint) const;
    bool sortsBefore(const Complaint &a, const Complaint &b) const;
    ComplaintQuery::Position positionOf(const Complaint &complaint) const;

    std::shared_ptr<Database> m_database;
    Fetching m_fetching;
    std::unique_ptr<ComplaintRepository> m_repository; // OnCallingThread
    QThread *m_thread = nullptr; // InBackground
    Fetcher *m_fetcher = nullptr; // lives on m_thread
    ComplaintQuery m_query;
    QList<Complaint> m_rows;
    bool m_atEnd = false;
    quint64 m_generation = 0; // of the query now asked for
    quint64 m_pendingGeneration = 0; // of the page on its way, 0 if none
};

} // namespace fouad
