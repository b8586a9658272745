#pragma once

#include "stats/scorecard.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace fouad {
class ReferenceCatalog;
}

namespace fouad::ui {

// One scorecard (agencies, provinces, directorates or offices) for a table
// view: raw values under ValueRole (a double, an integer, or null where the
// figure is undefined), the row's code under CodeRole; ScorecardDelegate
// formats them for people.
class ScorecardModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RankColumn,
        NameColumn,
        ComplaintsColumn,
        FoundedColumn,
        SlaColumn,
        AverageResolutionColumn,
        ReopenColumn,
        SatisfactionColumn,
        ScoreColumn,
        ColumnCount,
    };
    enum Role {
        ValueRole = Qt::UserRole + 1,
        CodeRole,
    };

    explicit ScorecardModel(const ReferenceCatalog &catalog, QObject *parent = nullptr);

    void setScorecard(const Scorecard &scorecard);
    const Scorecard &scorecard() const { return m_scorecard; }
    // The row's name for people: the agency, the province, "agency — province", the office.
    QString nameOf(const ScorecardRow &row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const ReferenceCatalog &m_catalog;
    Scorecard m_scorecard;
};

// Persian digits, shares as percentages, times as hours:minutes, "—" for null.
class ScorecardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static QString text(int column, const QVariant &value, const QLocale &locale);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace fouad::ui
