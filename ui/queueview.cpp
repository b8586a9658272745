#include "queueview.h"

#include "domain/complaintenums.h"
#include "itemmodels/complaintqueuemodel.h"
#include "queueitemdelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

QueueView::QueueView(std::shared_ptr<Database> database, const ReferenceCatalog &catalog,
                     const Clock &clock, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"queueView"_s);
    // Off the GUI thread: a search at a million complaints must not freeze the
    // console while the citizen waits on the line.
    m_model = new ComplaintQueueModel(std::move(database),
                                      ComplaintQueueModel::Fetching::InBackground, this);
    m_delegate = new QueueItemDelegate(catalog, clock, this);

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    layout->addLayout(bar);

    m_scope = new QComboBox(this);
    m_scope->setObjectName(u"queueScope"_s);
    m_scope->addItem(tr("All complaints"), int(Scope::All));
    m_scope->addItem(tr("My queue"), int(Scope::Mine));
    m_scope->addItem(tr("Verification calls"), int(Scope::VerificationCalls));
    bar->addWidget(m_scope);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"queueSearch"_s);
    m_search->setPlaceholderText(tr("Search: tracking code, phone or name"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);

    auto *statusLabel = new QLabel(tr("&Status:"), this);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"statusFilter"_s);
    statusLabel->setBuddy(m_status);
    m_status->addItem(tr("All"), QString());
    for (Status s : allStatuses())
        m_status->addItem(title(s), code(s));
    bar->addWidget(statusLabel);
    bar->addWidget(m_status);

    m_message = new QLabel(this);
    m_message->setObjectName(u"queueMessage"_s);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_scopeBar = new QWidget(this);
    m_scopeBar->setObjectName(u"queueScopeBar"_s);
    auto *scopeRow = new QHBoxLayout(m_scopeBar);
    scopeRow->setContentsMargins(0, 0, 0, 0);
    m_scopeCaption = new QLabel(m_scopeBar);
    m_scopeCaption->setObjectName(u"queueScopeCaption"_s);
    scopeRow->addWidget(m_scopeCaption, 1);
    auto *clearScopeButton = new QToolButton(m_scopeBar);
    clearScopeButton->setObjectName(u"clearQueueScope"_s);
    clearScopeButton->setText(tr("Show all"));
    scopeRow->addWidget(clearScopeButton);
    connect(clearScopeButton, &QToolButton::clicked, this, &QueueView::clearScope);
    m_scopeBar->setVisible(false);
    layout->addWidget(m_scopeBar);

    m_table = new QTableView(this);
    m_table->setObjectName(u"queueTable"_s);
    m_table->setModel(m_model);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    // Long names elide; the last column takes what is left.
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(ComplaintQueueModel::ReceivedAtColumn,
                                                  Qt::DescendingOrder);
    m_sortColumn = ComplaintQueueModel::ReceivedAtColumn;
    m_table->setSortingEnabled(true);
    // Only the orders the model serves: a click on another column leaves the
    // indicator where the rows' order is.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (ComplaintQueueModel::isSortable(column)) {
                    m_sortColumn = column;
                    m_sortOrder = order;
                    return;
                }
                const QSignalBlocker blocker(m_table->horizontalHeader());
                m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
            });
    const int dateWidth = fontMetrics().horizontalAdvance(u"0000/00/00 00:00"_s) + 24;
    m_table->setColumnWidth(ComplaintQueueModel::TrackingCodeColumn,
                            fontMetrics().horizontalAdvance(u"00000000"_s) + 40);
    m_table->setColumnWidth(ComplaintQueueModel::ReceivedAtColumn, dateWidth);
    m_table->setColumnWidth(ComplaintQueueModel::DueAtColumn, dateWidth);
    m_table->setColumnWidth(ComplaintQueueModel::ProvinceColumn, 100);
    m_table->setColumnWidth(ComplaintQueueModel::AgencyColumn, 170);
    m_table->setColumnWidth(ComplaintQueueModel::CategoryColumn, 150);
    m_table->setColumnWidth(ComplaintQueueModel::StatusColumn, 120);
    layout->addWidget(m_table, 1);
    m_table->setColumnWidth(ComplaintQueueModel::RemainingColumn,
                            fontMetrics().horizontalAdvance(u"00 d 00:00:00"_s) + 30);
    // The countdown is what a supervisor scans for: right after the code.
    m_table->horizontalHeader()->moveSection(ComplaintQueueModel::RemainingColumn, 1);

    // One timer for every countdown: repaint the visible cells of that column,
    // nothing else: no query, no per-row timer.
    m_tick = new QTimer(this);
    m_tick->setObjectName(u"countdownTick"_s);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &QueueView::tick);
    m_tick->start();

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250); // type a whole code before querying
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &QueueView::applyFilter);
    connect(m_searchDelay, &QTimer::timeout, this, &QueueView::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &QueueView::applyFilter);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        // The verification-call list is a status of its own.
        const bool calls = Scope(m_scope->currentData().toInt()) == Scope::VerificationCalls;
        m_status->setEnabled(!calls);
        applyFilter();
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT complaintActivated(
            index.siblingAtColumn(0).data(ComplaintQueueModel::TrackingCodeRole).toString());
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (index.isValid())
            Q_EMIT contextMenuForComplaint(
                index.siblingAtColumn(0).data(ComplaintQueueModel::TrackingCodeRole).toString(),
                m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &ComplaintQueueModel::loadFailed, this, [this](const QString &message) {
        m_message->setText(tr("The queue could not be loaded: %1").arg(message));
        m_message->setVisible(true);
    });
    connect(m_model, &ComplaintQueueModel::pageLoaded, this, [this](int rows) {
        m_message->setVisible(false);
        if (!m_selectWhenLoaded.isEmpty())
            selectLoaded(std::exchange(m_selectWhenLoaded, QString()));
        if (rows > 0 && !m_announcedRows) {
            m_announcedRows = true;
            // Let the view lay the rows out before anyone looks at them.
            QTimer::singleShot(0, this, &QueueView::firstRowsShown);
        }
    });
}

void QueueView::applyFilter()
{
    m_searchDelay->stop();
    ComplaintQuery query = m_model->query();
    query.search = m_search->text();
    const QString status = m_status->currentData().toString();
    query.status = status.isEmpty() ? std::nullopt : statusFromCode(status);
    query.assignee.clear();
    query.scope = m_drill.scope;
    switch (Scope(m_scope->currentData().toInt())) {
    case Scope::All:
        break;
    case Scope::Mine:
        // Nobody signed in has no queue of their own: show none rather than all.
        query.assignee = m_user.isEmpty() ? u"\n"_s : m_user;
        break;
    case Scope::VerificationCalls:
        query.status = Status::ResolvedByAgency;
        query.sort = ComplaintQuery::Sort::DueSoonestFirst; // the most overdue call first
        break;
    }
    m_model->setQuery(query);
}

void QueueView::showScope(const ComplaintQuery &scope, const QString &caption)
{
    m_drill.scope = scope.scope;
    m_drill.status = scope.status;
    {
        // The status filter is the queue's own: the drill-down sets it as a click would.
        const QSignalBlocker blocker(m_status);
        const QSignalBlocker scopeBlocker(m_scope);
        const QSignalBlocker searchBlocker(m_search);
        m_scope->setCurrentIndex(m_scope->findData(int(Scope::All)));
        m_status->setEnabled(true);
        m_status->setCurrentIndex(
            qMax(0, m_status->findData(scope.status ? code(*scope.status) : QString())));
        m_search->clear();
    }
    m_scopeCaption->setText(tr("From the dashboard: %1").arg(caption));
    m_scopeBar->setVisible(!caption.isEmpty());
    applyFilter();
}

void QueueView::clearScope()
{
    showScope({}, {});
}

void QueueView::reload()
{
    applyFilter();
}

void QueueView::search(const QString &text)
{
    m_search->setText(text);
    applyFilter();
}

void QueueView::tick()
{
    QWidget *viewport = m_table->viewport();
    const int x = m_table->columnViewportPosition(ComplaintQueueModel::RemainingColumn);
    if (x < 0 && m_table->isColumnHidden(ComplaintQueueModel::RemainingColumn))
        return;
    viewport->update(QRect(x, 0, m_table->columnWidth(ComplaintQueueModel::RemainingColumn),
                           viewport->height()));
}

QString QueueView::currentCode() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid()
        ? index.siblingAtColumn(0).data(ComplaintQueueModel::TrackingCodeRole).toString()
        : QString();
}

void QueueView::showComplaint(const QString &trackingCode)
{
    m_selectWhenLoaded = trackingCode;
    m_model->reload();
}

void QueueView::selectLoaded(const QString &trackingCode)
{
    const int row = m_model->rowOf(trackingCode);
    if (row >= 0) {
        // Through the selection model: the view's setCurrentIndex() ignores an
        // index right after a model reset.
        const QModelIndex index = m_model->index(row, 0);
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    }
}

} // namespace fouad::ui
