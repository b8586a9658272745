#pragma once

#include "core/clock.h"
#include "domain/referencedata.h"

#include <QStyledItemDelegate>

#include <optional>

namespace fouad::ui {

// Formats the queue's raw values for people: Jalali dates in Tehran, codes as
// names, digits of the UI's locale.
class QueueItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    QueueItemDelegate(const ReferenceCatalog &catalog, const Clock &clock,
                      QObject *parent = nullptr);

    // The text a cell shows; public for tests and for copying rows.
    QString text(const QModelIndex &index, const QLocale &locale) const;
    // Seconds left on the row's resolution clock (negative once breached), or
    // nothing when it does not run (resolved, closed, paused).
    std::optional<qint64> remainingSeconds(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const ReferenceCatalog &m_catalog;
    const Clock &m_clock;
};

} // namespace fouad::ui
