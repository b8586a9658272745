#pragma once

#include "storage/complaintquery.h"

#include <QString>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace fouad {
class ComplaintQueueModel;
class Database;
class ReferenceCatalog;
class Clock;
} // namespace fouad

namespace fouad::ui {

class QueueItemDelegate;

// The complaint queue: a search box (tracking code, phone or name, in any digit
// form or spelling), a status filter and the table, fetched a page at a time.
class QueueView final : public QWidget
{
    Q_OBJECT

public:
    QueueView(std::shared_ptr<Database> database, const ReferenceCatalog &catalog,
              const Clock &clock, QWidget *parent = nullptr);

    enum class Scope { All, Mine, VerificationCalls };
    // "My queue" needs to know who I am.
    void setUser(const QString &userName) { m_user = userName; }
    // The tracking code of the selected row, or empty.
    QString currentCode() const;

    ComplaintQueueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

public Q_SLOTS:
    void reload();
    // As if typed into the search box, and applied at once.
    void search(const QString &text);
    // Reloads and selects the complaint with this code once its rows arrive.
    void showComplaint(const QString &trackingCode);
    // The dashboard's drill-down: only the complaints the scope's province,
    // agency, office, category, channel, period, … select (its status too, if
    // any), named by `caption` above the table until cleared.
    void showScope(const ComplaintQuery &scope, const QString &caption);
    void clearScope();

Q_SIGNALS:
    void firstRowsShown();
    void complaintActivated(const QString &trackingCode);
    // A context-menu request on a row (supervisors reassign from here).
    void contextMenuForComplaint(const QString &trackingCode, const QPoint &globalPos);

public:
    // One countdown tick: asks for a repaint of the visible countdown cells.
    void tick();

private:
    void applyFilter();
    void selectLoaded(const QString &trackingCode);

    ComplaintQueueModel *m_model = nullptr;
    QueueItemDelegate *m_delegate = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_scope = nullptr;
    QString m_user;
    QTableView *m_table = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_scopeBar = nullptr;
    QLabel *m_scopeCaption = nullptr;
    ComplaintQuery m_drill; // the drill-down's scope, kept across the queue's own filters
    QTimer *m_searchDelay = nullptr;
    QTimer *m_tick = nullptr;
    bool m_announcedRows = false;
    QString m_selectWhenLoaded;
    int m_sortColumn = 0; // set from the model in the constructor
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace fouad::ui
