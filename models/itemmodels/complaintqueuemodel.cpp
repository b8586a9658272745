#include "itemmodels/complaintqueuemodel.h"

#include "storage/complaintrepository.h"
#include "storage/database.h"

using namespace Qt::StringLiterals;

namespace fouad {

ComplaintQueueModel::ComplaintQueueModel(std::shared_ptr<Database> database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(std::move(database))
    , m_repository(std::make_unique<ComplaintRepository>(*m_database))
{
}

ComplaintQueueModel::~ComplaintQueueModel() = default;

void ComplaintQueueModel::setQuery(const ComplaintQuery &query)
{
    m_query = query;
    m_query.limit = PageSize;
    m_query.after.reset();
    reload();
}

void ComplaintQueueModel::reload()
{
    beginResetModel();
    m_rows = fetchPage(std::nullopt);
    m_atEnd = m_rows.size() < PageSize;
    endResetModel();
    Q_EMIT pageLoaded(int(m_rows.size()));
}

QList<Complaint>
ComplaintQueueModel::fetchPage(const std::optional<ComplaintQuery::Position> &after)
{
    ComplaintQuery page = m_query;
    page.limit = PageSize;
    page.after = after;
    auto rows = m_repository->list(page);
    if (!rows) {
        m_atEnd = true;
        Q_EMIT loadFailed(rows.error().message);
        return {};
    }
    return std::move(rows).value();
}

ComplaintQuery::Position ComplaintQueueModel::positionOf(const Complaint &c) const
{
    const QDateTime &key =
        m_query.sort == ComplaintQuery::Sort::DueSoonestFirst ? c.dueAt : c.receivedAt;
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
    return !parent.isValid() && !m_atEnd;
}

void ComplaintQueueModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    const auto after =
        m_rows.isEmpty() ? std::nullopt : std::optional(positionOf(m_rows.constLast()));
    QList<Complaint> page = fetchPage(after);
    m_atEnd = m_atEnd || page.size() < PageSize;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
    Q_EMIT pageLoaded(int(m_rows.size()));
}

void ComplaintQueueModel::sort(int column, Qt::SortOrder order)
{
    Q_UNUSED(order) // each sortable column has the one order the queue needs
    ComplaintQuery query = m_query;
    if (column == ReceivedAtColumn)
        query.sort = ComplaintQuery::Sort::ReceivedNewestFirst;
    else if (column == DueAtColumn || column == RemainingColumn)
        query.sort = ComplaintQuery::Sort::DueSoonestFirst;
    else
        return;
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
