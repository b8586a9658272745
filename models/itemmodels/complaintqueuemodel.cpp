#include "itemmodels/complaintqueuemodel.h"

#include "domain/persiantext.h"
#include "domain/searchterm.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"

#include <QMutex>
#include <QThread>

using namespace Qt::StringLiterals;

namespace fouad {

// One page asked for and, once fetched, its rows or the error.
struct ComplaintQueueModel::Page
{
    quint64 generation = 0;
    bool first = true; // replaces the rows; otherwise appends to them
    ComplaintQuery query; // with the page's limit and position
    QList<Complaint> rows;
    std::optional<Error> error;
};

// Complaints to re-read for live updates and, once read, those that exist.
struct ComplaintQueueModel::Refresh
{
    quint64 generation = 0;
    QStringList codes;
    QList<Complaint> found;
    std::optional<Error> error;
};

namespace {

// The complaints with these codes (those that exist), without history.
Result<QList<Complaint>> readComplaints(ComplaintRepository &repository, const QStringList &codes)
{
    QList<Complaint> out;
    for (const QString &code : codes) {
        auto found = repository.findByCode(code, false);
        if (found)
            out.append(std::move(found).value());
        else if (found.error().kind != ErrorKind::NotFound)
            return found.error();
    }
    return out;
}

} // namespace

// Lives on the model's thread; owns that thread's connection (opened on first
// use, closed with the thread). Holds at most one page not yet started: a newer
// one replaces it, so a burst of keystrokes runs one query, the last.
class ComplaintQueueModel::Fetcher final : public QObject
{
public:
    Fetcher(DatabaseUrl url, ComplaintQueueModel *model)
        : m_url(std::move(url))
        , m_model(model)
    {
    }

    // From the model's thread.
    void post(Page page)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_next = std::move(page);
        }
        QMetaObject::invokeMethod(this, &Fetcher::runNext, Qt::QueuedConnection);
    }

    // From the model's thread: re-read these complaints, after any page posted before.
    void postRefresh(Refresh refresh)
    {
        QMetaObject::invokeMethod(
            this,
            [this, refresh = std::move(refresh)]() mutable {
                if (auto error = openRepository())
                    refresh.error = *error;
                else if (auto found = readComplaints(*m_repository, refresh.codes))
                    refresh.found = std::move(found).value();
                else
                    refresh.error = found.error();
                QMetaObject::invokeMethod(
                    m_model,
                    [model = m_model, done = std::move(refresh)] { model->applyRefresh(done); },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

private:
    std::optional<Error> openRepository()
    {
        if (m_repository)
            return std::nullopt;
        auto opened = Database::open(m_url);
        if (!opened)
            return opened.error();
        m_database = opened.value();
        m_repository = std::make_unique<ComplaintRepository>(*m_database);
        return std::nullopt;
    }

    void runNext()
    {
        std::optional<Page> page;
        {
            QMutexLocker lock(&m_mutex);
            page.swap(m_next);
        }
        if (!page)
            return; // a later post() took its place and has run
        if (auto error = openRepository())
            page->error = *error;
        if (m_repository) {
            auto rows = m_repository->list(page->query);
            if (rows)
                page->rows = std::move(rows).value();
            else
                page->error = rows.error();
        }
        // Dropped by Qt if the model is gone by then.
        QMetaObject::invokeMethod(
            m_model, [model = m_model, done = std::move(*page)] { model->apply(done); },
            Qt::QueuedConnection);
    }

    DatabaseUrl m_url;
    ComplaintQueueModel *m_model;
    QMutex m_mutex;
    std::optional<Page> m_next;
    std::shared_ptr<Database> m_database;
    std::unique_ptr<ComplaintRepository> m_repository;
};

ComplaintQueueModel::ComplaintQueueModel(std::shared_ptr<Database> database, QObject *parent)
    : ComplaintQueueModel(std::move(database), Fetching::OnCallingThread, parent)
{
}

ComplaintQueueModel::ComplaintQueueModel(std::shared_ptr<Database> database, Fetching fetching,
                                         QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(std::move(database))
    , m_fetching(fetching)
{
    if (m_fetching == Fetching::OnCallingThread) {
        m_repository = std::make_unique<ComplaintRepository>(*m_database);
        return;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(u"queue-fetcher"_s);
    m_fetcher = new Fetcher(m_database->url(), this);
    m_fetcher->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_fetcher, &QObject::deleteLater);
    m_thread->start();
}

ComplaintQueueModel::~ComplaintQueueModel()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void ComplaintQueueModel::setQuery(const ComplaintQuery &query)
{
    m_query = query;
    m_query.limit = PageSize;
    m_query.after.reset();
    reload();
}

void ComplaintQueueModel::reload()
{
    ++m_generation;
    request(true);
}

void ComplaintQueueModel::request(bool firstPage)
{
    Page page;
    page.generation = m_generation;
    page.first = firstPage;
    page.query = m_query;
    page.query.limit = PageSize;
    if (!firstPage && !m_rows.isEmpty())
        page.query.after = positionOf(m_rows.constLast());
    const bool wasLoading = isLoading();
    m_pendingGeneration = m_generation;
    if (m_fetching == Fetching::OnCallingThread) {
        auto rows = m_repository->list(page.query);
        if (rows)
            page.rows = std::move(rows).value();
        else
            page.error = rows.error();
        apply(page);
        return;
    }
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
    m_fetcher->post(std::move(page));
}

void ComplaintQueueModel::apply(const Page &page)
{
    if (page.generation != m_generation)
        return; // a newer query is on its way; this one's rows are stale
    m_pendingGeneration = 0;
    if (m_fetching == Fetching::InBackground)
        Q_EMIT loadingChanged(false);
    if (page.error) {
        m_atEnd = true;
        Q_EMIT loadFailed(page.error->message);
        return;
    }
    if (page.first) {
        beginResetModel();
        m_rows = page.rows;
        m_atEnd = m_rows.size() < PageSize;
        endResetModel();
    } else {
        m_atEnd = page.rows.size() < PageSize;
        if (!page.rows.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(page.rows.size()) - 1);
            m_rows.append(page.rows);
            endInsertRows();
        }
    }
    Q_EMIT pageLoaded(int(m_rows.size()));
}

void ComplaintQueueModel::refreshComplaints(const QStringList &trackingCodes)
{
    Refresh refresh;
    refresh.generation = m_generation;
    refresh.codes = trackingCodes;
    refresh.codes.removeDuplicates();
    if (refresh.codes.isEmpty())
        return;
    if (refresh.codes.size() > MaxRefreshed) {
        reload(); // a bulk load: one query beats a lookup per complaint
        return;
    }
    if (m_fetching == Fetching::OnCallingThread) {
        if (auto found = readComplaints(*m_repository, refresh.codes))
            refresh.found = std::move(found).value();
        else
            refresh.error = found.error();
        applyRefresh(refresh);
        return;
    }
    m_fetcher->postRefresh(std::move(refresh));
}

void ComplaintQueueModel::applyRefresh(const Refresh &refresh)
{
    // A new query's first page (on its way or come) was read after these rows:
    // it shows them already.
    if (refresh.generation != m_generation)
        return;
    if (refresh.error) {
        Q_EMIT loadFailed(refresh.error->message);
        return;
    }
    for (const Complaint &c : refresh.found) {
        const int row = rowOf(c.trackingCode);
        const bool stays = belongs(c);
        if (row >= 0 && stays && (row == 0 || sortsBefore(m_rows.at(row - 1), c))
            && (row + 1 == m_rows.size() || sortsBefore(c, m_rows.at(row + 1)))) {
            m_rows[row] = c; // in place: the selection and scroll stay
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        if (!stays)
            continue;
        // Where it sorts among the rows fetched; past the last one only if all are.
        qsizetype at = 0;
        while (at < m_rows.size() && sortsBefore(m_rows.at(at), c))
            ++at;
        if (at == m_rows.size() && !m_atEnd)
            continue; // a later page will bring it
        beginInsertRows({}, int(at), int(at));
        m_rows.insert(at, c);
        endInsertRows();
    }
    Q_EMIT rowsRefreshed(refresh.codes);
}

bool ComplaintQueueModel::belongs(const Complaint &c) const
{
    if (m_query.status && c.status != *m_query.status)
        return false;
    if (!m_query.assignee.isEmpty() && c.assignee != m_query.assignee)
        return false;
    const ComplaintQuery::Scope &q = m_query.scope;
    if ((!q.province.isEmpty() && c.provinceCode != q.province)
        || (!q.agency.isEmpty() && c.agencyCode != q.agency)
        || (!q.office.isEmpty() && c.officeCode != q.office)
        || (!q.category.isEmpty() && c.categoryCode != q.category)
        || (q.channel && c.channel != *q.channel)
        || (q.receivedFrom && c.receivedAt < *q.receivedFrom)
        || (q.receivedTo && c.receivedAt >= *q.receivedTo)
        || (q.openOnly && c.status == Status::Closed)
        || (q.satisfaction && c.satisfaction != q.satisfaction)
        || (q.escalationLevel && c.escalationLevel != *q.escalationLevel))
        return false;
    if (m_query.search.trimmed().isEmpty())
        return true;
    const SearchTerm term = SearchTerm::parse(m_query.search);
    // A whole code that exists answers alone; this one exists if it is c's or shown.
    const bool wholeCodeExists =
        term.wholeCode && (*term.wholeCode == c.trackingCode || rowOf(*term.wholeCode) >= 0);
    return term.matches(c.trackingCode, c.citizen.phone, PersianText::searchKey(c.citizen.name),
                        wholeCodeExists);
}

bool ComplaintQueueModel::sortsBefore(const Complaint &a, const Complaint &b) const
{
    const ComplaintQuery::Position pa = positionOf(a), pb = positionOf(b);
    const auto key = [](const ComplaintQuery::Position &p) {
        return std::pair(p.sortValue, p.id);
    };
    const bool ascending = m_query.sort == ComplaintQuery::Sort::DueSoonestFirst
        || m_query.sort == ComplaintQuery::Sort::ReceivedOldestFirst;
    return ascending ? key(pa) < key(pb) : key(pb) < key(pa);
}

ComplaintQuery::Position ComplaintQueueModel::positionOf(const Complaint &c) const
{
    const bool byDue = m_query.sort == ComplaintQuery::Sort::DueSoonestFirst
        || m_query.sort == ComplaintQuery::Sort::DueLatestFirst;
    const QDateTime &key = byDue ? c.dueAt : c.receivedAt;
    return { key.toMSecsSinceEpoch(), c.id };
}

int ComplaintQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComplaintQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComplaintQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Complaint &c = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case TrackingCodeColumn:
            role = TrackingCodeRole;
            break;
        case ReceivedAtColumn:
            role = ReceivedAtRole;
            break;
        case ProvinceColumn:
            role = ProvinceRole;
            break;
        case AgencyColumn:
            role = AgencyRole;
            break;
        case CategoryColumn:
            role = CategoryRole;
            break;
        case StatusColumn:
            role = StatusRole;
            break;
        case DueAtColumn:
            role = DueAtRole;
            break;
        case RemainingColumn:
            role = DueAtRole;
            break;
        case LockedByColumn:
            role = LockedByRole;
            break;
        default:
            return {};
        }
    }
    switch (role) {
    case TrackingCodeRole:
        return c.trackingCode;
    case ReceivedAtRole:
        return c.receivedAt;
    case ProvinceRole:
        return c.provinceCode;
    case AgencyRole:
        return c.agencyCode;
    case CategoryRole:
        return c.categoryCode;
    case StatusRole:
        return code(c.status);
    case DueAtRole:
        return c.dueAt;
    case CitizenNameRole:
        return c.citizen.name;
    case PhoneRole:
        return c.citizen.phone;
    case PriorityRole:
        return code(c.priority);
    case ComplaintIdRole:
        return c.id;
    case AssigneeRole:
        return c.assignee;
    case LockedByRole:
        return c.lockedBy;
    case LockedUntilRole:
        return c.lockedUntil;
    default:
        return {};
    }
}

QVariant ComplaintQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TrackingCodeColumn:
        return tr("Tracking code");
    case ReceivedAtColumn:
        return tr("Received");
    case ProvinceColumn:
        return tr("Province");
    case AgencyColumn:
        return tr("Agency");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    case DueAtColumn:
        return tr("Due");
    case RemainingColumn:
        return tr("Time left");
    case LockedByColumn:
        return tr("Open by");
    default:
        return {};
    }
}

QHash<int, QByteArray> ComplaintQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TrackingCodeRole, "trackingCode");
    names.insert(ReceivedAtRole, "receivedAt");
    names.insert(ProvinceRole, "province");
    names.insert(AgencyRole, "agency");
    names.insert(CategoryRole, "category");
    names.insert(StatusRole, "status");
    names.insert(DueAtRole, "dueAt");
    names.insert(CitizenNameRole, "citizenName");
    names.insert(PhoneRole, "phone");
    names.insert(PriorityRole, "priority");
    names.insert(ComplaintIdRole, "complaintId");
    names.insert(AssigneeRole, "assignee");
    names.insert(LockedByRole, "lockedBy");
    names.insert(LockedUntilRole, "lockedUntil");
    return names;
}

bool ComplaintQueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !isLoading();
}

void ComplaintQueueModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || isLoading())
        return;
    request(false);
}

bool ComplaintQueueModel::isSortable(int column)
{
    return column == ReceivedAtColumn || column == DueAtColumn || column == RemainingColumn;
}

void ComplaintQueueModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return; // the view keeps its indicator on the sort in force (QueueView)
    using Sort = ComplaintQuery::Sort;
    ComplaintQuery query = m_query;
    if (column == ReceivedAtColumn)
        query.sort =
            order == Qt::DescendingOrder ? Sort::ReceivedNewestFirst : Sort::ReceivedOldestFirst;
    else
        query.sort = order == Qt::AscendingOrder ? Sort::DueSoonestFirst : Sort::DueLatestFirst;
    if (query.sort != m_query.sort)
        setQuery(query);
}

int ComplaintQueueModel::rowOf(const QString &trackingCode) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).trackingCode == trackingCode)
            return int(i);
    }
    return -1;
}

} // namespace fouad
