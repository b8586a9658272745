#pragma once

#include "core/clock.h"
#include "domain/complaint.h"
#include "domain/referencedata.h"
#include "domain/user.h"
#include "domain/workflow.h"
#include "sla/slaconfig.h"

#include <QWidget>

#include <memory>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace fouad {
class Database;
class Dialer;
class WorkflowService;
struct Change;
} // namespace fouad

namespace fouad::ui {

class ActionDialog;

// One complaint: its details, its whole history as a timeline, and a button
// for each action the signed-in user may take now (from the workflow table),
// and, where this desk is set up for click to call, one that rings the citizen.
// While open it holds the soft lock, renewed every minute.
class ComplaintWindow final : public QWidget
{
    Q_OBJECT

public:
    ComplaintWindow(std::shared_ptr<Database> database, const ReferenceCatalog &catalog,
                    const User &user, const QString &trackingCode,
                    const Clock &clock = Clock::system(), QWidget *parent = nullptr);
    ~ComplaintWindow() override;

    const Complaint &complaint() const { return m_complaint; }
    QTreeWidget *timeline() const { return m_timeline; }
    // How the last call to the citizen went; nullptr where this desk does not dial.
    QLabel *callStatus() const { return m_callStatus; }

    // Opens the dialog for an action (as its button does); the dialog is returned
    // so that tests and shortcuts can fill it.
    ActionDialog *openAction(Action action);

    // A change committed elsewhere (ChangeFeed). One that makes a newer version
    // than shown is not applied over what the user is reading: a notice says who
    // changed what, and its button reloads.
    void noticeChange(const Change &change);
    bool isOutdated() const { return m_newerVersion > 0; }

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void changed(const QString &trackingCode);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showComplaint();
    void renewLock();
    void updateClocks();
    void callCitizen();
    void callEnded(const QString &message, bool failed);
    void updateCallButton();

    std::shared_ptr<Database> m_database;
    const ReferenceCatalog &m_catalog;
    User m_user;
    QString m_code;
    const Clock &m_clock;
    std::unique_ptr<WorkflowService> m_workflow;
    Complaint m_complaint;

    QLabel *m_header = nullptr;
    QLabel *m_lockBanner = nullptr;
    QWidget *m_changedNotice = nullptr;
    QLabel *m_changedText = nullptr;
    int m_newerVersion = 0; // the newest version heard of beyond the one shown
    QLabel *m_error = nullptr;
    QGridLayout *m_details = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QHBoxLayout *m_actions = nullptr;
    Dialer *m_dialer = nullptr; // none unless this desk dials (settings read at opening)
    QPushButton *m_call = nullptr;
    QLabel *m_callStatus = nullptr;
    QTimer *m_lockTimer = nullptr;
    QTimer *m_clockTimer = nullptr;
    QLabel *m_clocks = nullptr;
    std::shared_ptr<const SlaConfig> m_sla; // the database's shared cache, checked at each reload
};

} // namespace fouad::ui
