#include "queueitemdelegate.h"

#include "domain/complaintenums.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "itemmodels/complaintqueuemodel.h"

namespace fouad::ui {

QueueItemDelegate::QueueItemDelegate(const ReferenceCatalog &catalog, const Clock &clock, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_catalog(catalog)
    , m_clock(clock)
{
}

QString QueueItemDelegate::text(const QModelIndex &index, const QLocale &locale) const
{
    using Model = ComplaintQueueModel;
    switch (index.column()) {
    case Model::TrackingCodeColumn:
        return PersianText::localizeDigits(index.data(Model::TrackingCodeRole).toString(), locale);
    case Model::ReceivedAtColumn:
        return Jalali::formatDateTime(index.data(Model::ReceivedAtRole).toDateTime(), locale);
    case Model::DueAtColumn:
        return Jalali::formatDateTime(index.data(Model::DueAtRole).toDateTime(), locale);
    case Model::ProvinceColumn: {
        const QString code = index.data(Model::ProvinceRole).toString();
        const Province *p = m_catalog.province(code);
        return p ? localizedName(*p) : code;
    }
    case Model::AgencyColumn: {
        const QString code = index.data(Model::AgencyRole).toString();
        const Agency *a = m_catalog.agency(code);
        return a ? localizedName(*a) : code;
    }
    case Model::CategoryColumn: {
        const QString code = index.data(Model::CategoryRole).toString();
        const Category *c = m_catalog.category(code);
        return c ? localizedName(*c) : code;
    }
    case Model::StatusColumn: {
        const auto status = statusFromCode(index.data(Model::StatusRole).toString());
        return status ? title(*status) : index.data(Model::StatusRole).toString();
    }
    case Model::LockedByColumn:
        // An expired mark is no mark.
        return index.data(Model::LockedUntilRole).toDateTime() > m_clock.nowUtc()
                ? index.data(Model::LockedByRole).toString()
                : QString();
    default:
        return index.data().toString();
    }
}

void QueueItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = text(index, option->locale);
    if (index.column() == ComplaintQueueModel::TrackingCodeColumn)
        option->font.setBold(true);
}

} // namespace fouad::ui
