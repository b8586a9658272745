#include "dashboardscorecard.h"

#include "dashboardview.h"
#include "domain/referencedata.h"

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

template<typename T> QVariant orNull(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

} // namespace

ScorecardModel::ScorecardModel(const ReferenceCatalog &catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
{
}

void ScorecardModel::setScorecard(const Scorecard &scorecard)
{
    beginResetModel();
    m_scorecard = scorecard;
    endResetModel();
}

QString ScorecardModel::nameOf(const ScorecardRow &row) const
{
    const Agency *agency = m_catalog.agency(row.agency);
    const Province *province = m_catalog.province(row.province);
    const QString agencyName = agency ? localizedName(*agency) : row.agency;
    const QString provinceName = province ? localizedName(*province) : row.province;
    switch (m_scorecard.level) {
    case ScorecardLevel::Agency:
        return agency ? agencyName : row.code;
    case ScorecardLevel::Province:
        return province ? provinceName : row.code;
    case ScorecardLevel::Directorate:
        return tr("%1 — %2").arg(agencyName, provinceName);
    case ScorecardLevel::Office:
        if (const Office *office = m_catalog.office(row.code))
            return office->name;
        return row.code;
    }
    return row.code;
}

int ScorecardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_scorecard.rows.size());
}

int ScorecardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScorecardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_scorecard.rows.size())
        return {};
    const ScorecardRow &row = m_scorecard.rows.at(index.row());
    if (role == CodeRole)
        return row.code;
    if (role == Qt::TextAlignmentRole)
        return index.column() == NameColumn ? QVariant() : QVariant(int(Qt::AlignCenter));
    if (role != ValueRole && role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case RankColumn:
        return orNull(row.rank);
    case NameColumn:
        return nameOf(row);
    case ComplaintsColumn:
        return row.complaints;
    case FoundedColumn:
        return orNull(row.foundedShare);
    case SlaColumn:
        return orNull(row.slaCompliance);
    case AverageResolutionColumn:
        return orNull(row.averageResolutionSeconds);
    case ReopenColumn:
        return orNull(row.reopenRate);
    case SatisfactionColumn:
        return orNull(row.averageSatisfaction);
    case ScoreColumn:
        return orNull(row.score);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ScorecardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RankColumn:
        return tr("Rank");
    case NameColumn:
        switch (m_scorecard.level) {
        case ScorecardLevel::Agency:
            return tr("Agency");
        case ScorecardLevel::Province:
            return tr("Province");
        case ScorecardLevel::Directorate:
            return tr("Provincial directorate");
        case ScorecardLevel::Office:
            return tr("Office");
        }
        return {};
    case ComplaintsColumn:
        return tr("Complaints");
    case FoundedColumn:
        return tr("Founded");
    case SlaColumn:
        return tr("Within target");
    case AverageResolutionColumn:
        return tr("Average resolution");
    case ReopenColumn:
        return tr("Reopened");
    case SatisfactionColumn:
        return tr("Satisfaction");
    case ScoreColumn:
        return tr("Score");
    case ColumnCount:
        break;
    }
    return {};
}

QString ScorecardDelegate::text(int column, const QVariant &value, const QLocale &locale)
{
    if (column == ScorecardModel::NameColumn)
        return value.toString();
    if (!value.isValid() || value.isNull())
        return DashboardView::tr("—");
    switch (ScorecardModel::Column(column)) {
    case ScorecardModel::RankColumn:
    case ScorecardModel::ComplaintsColumn:
        return locale.toString(value.toLongLong());
    case ScorecardModel::FoundedColumn:
    case ScorecardModel::SlaColumn:
    case ScorecardModel::ReopenColumn:
        return DashboardView::percent(value.toDouble(), locale);
    case ScorecardModel::AverageResolutionColumn:
        return DashboardView::duration(value.toDouble(), locale);
    case ScorecardModel::SatisfactionColumn:
        return locale.toString(value.toDouble(), 'f', 1);
    case ScorecardModel::ScoreColumn:
        return locale.toString(value.toDouble(), 'f', 0);
    case ScorecardModel::NameColumn:
    case ScorecardModel::ColumnCount:
        break;
    }
    return value.toString();
}

void ScorecardDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = text(index.column(), index.data(ScorecardModel::ValueRole), option->locale);
}

} // namespace fouad::ui
