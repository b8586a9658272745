#include "queueitemdelegate.h"

#include "countdown.h"
#include "domain/complaintenums.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "itemmodels/complaintqueuemodel.h"
#include "palette.h"
#include "sla/resolutionclock.h"

namespace fouad::ui {

QueueItemDelegate::QueueItemDelegate(const ReferenceCatalog &catalog, const Clock &clock,
                                     QObject *parent)
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
    case Model::RemainingColumn: {
        const auto remaining = remainingSeconds(index);
        if (!remaining)
            return statusFromCode(index.data(Model::StatusRole).toString())
                    == Status::WaitingForCitizen
                ? tr("paused")
                : QString();
        return Countdown::text(*remaining, locale);
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

std::optional<qint64> QueueItemDelegate::remainingSeconds(const QModelIndex &index) const
{
    using Model = ComplaintQueueModel;
    // The resolution clock runs only until the agency's fix; paused while waiting.
    const auto status = statusFromCode(index.data(Model::StatusRole).toString());
    if (!status || !ResolutionClock::runsIn(*status))
        return std::nullopt;
    const QDateTime due = index.data(Model::DueAtRole).toDateTime();
    if (!due.isValid())
        return std::nullopt;
    return m_clock.nowUtc().secsTo(due);
}

void QueueItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = text(index, option->locale);
    if (index.column() == ComplaintQueueModel::TrackingCodeColumn)
        option->font.setBold(true);
    if (index.column() == ComplaintQueueModel::RemainingColumn) {
        option->displayAlignment = Qt::AlignCenter;
        if (const auto remaining = remainingSeconds(index)) {
            const QDateTime received = index.data(ComplaintQueueModel::ReceivedAtRole).toDateTime();
            const QDateTime due = index.data(ComplaintQueueModel::DueAtRole).toDateTime();
            option->font.setBold(true);
            switch (Countdown::level(*remaining, received.secsTo(due))) {
            case Countdown::Level::Plenty:
                option->palette.setColor(QPalette::Text, Palette::colour(Palette::Colour::Success));
                break;
            case Countdown::Level::Close:
                option->palette.setColor(QPalette::Text, Palette::colour(Palette::Colour::Caution));
                break;
            case Countdown::Level::Breached:
                option->palette.setColor(QPalette::Text, Palette::colour(Palette::Colour::Danger));
                option->backgroundBrush = Palette::colour(Palette::Colour::DangerBackground);
                break;
            }
        }
    }
}

} // namespace fouad::ui
