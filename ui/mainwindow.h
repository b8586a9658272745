#pragma once

#include "domain/referencedata.h"
#include "domain/user.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <memory>

class QLabel;
class QSystemTrayIcon;
class QTabWidget;
class QVBoxLayout;

namespace fouad {
class ChangeFeed;
class Clock;
class ConnectionMonitor;
class Database;
class DispatcherThread;
class DraftStore;
class IntakeService;
struct Change;
struct IncomingCall;
} // namespace fouad

namespace fouad::ui {

class DashboardView;
class IncomingCallPanel;
class IntakeForm;
class QueueView;
class ReportsPage;

// The console's main window: the intake form beside the queue, the database in
// the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // user: who signed in; an empty name (screenshots) registers as "system".
    MainWindow(std::shared_ptr<Database> database, ReferenceCatalog catalog, const Clock &clock,
               User user, QWidget *parent = nullptr);
    ~MainWindow() override;

    IntakeForm *intakeForm() const { return m_intake; }
    ConnectionMonitor *connectionMonitor() const { return m_connection; }
    // Shown while the database cannot be reached.
    QLabel *connectionBanner() const { return m_banner; }
    // Shown at start when a draft was left behind (a killed console): restore or discard.
    QWidget *draftOffer() const { return m_draftOffer; }
    QueueView *queueView() const { return m_queue; }
    // The console's one feed of committed changes (live updates).
    ChangeFeed *changeFeed() const { return m_feed; }
    // The screen pop of a call ringing this desk's extension (settings).
    IncomingCallPanel *incomingCallPanel() const { return m_callPanel; }
    const User &user() const { return m_user; }
    // The supervisors' dashboard, for those who may review the figures (else null).
    DashboardView *dashboard() const { return m_dashboard; }
    // The management reports, for the same people (else null).
    ReportsPage *reportsPage() const { return m_reports; }
    enum class Page { Desk, Dashboard, Reports };
    // Shows that page (the desk, if this user has no other).
    void showPage(Page page);
    // Shows the dashboard or the desk (the intake form and the queue).
    void showDashboard(bool dashboard) { showPage(dashboard ? Page::Dashboard : Page::Desk); }

    // Messages not going out (the outbox's dispatcher failing) show in the status
    // bar with the reason until it recovers.
    void watchDispatcher(DispatcherThread *dispatcher);
    QLabel *dispatchNote() const { return m_dispatchNote; }

    // Opens (or raises) the window of one complaint.
    class ComplaintWindow *openComplaint(const QString &trackingCode);
    // The centre's big-screen view, full screen (Escape closes it).
    class Wallboard *showWallboard();

    static QSize defaultSize() { return { 1366, 768 }; }

private:
    void buildMenus();
    void showSettings();
    void showAbout();
    void showComplaintMenu(const QString &trackingCode, const QPoint &globalPos);
    // Near-breach alerts to the signed-in assignee, through the system tray.
    void startNearBreachAlerts();
    void checkNearBreach();
    // Live updates: the queue's rows concerned, open windows, the wallboard.
    void applyChanges(const QList<Change> &changes);
    // The banner while the database is away, and what resumes when it is back.
    void watchConnection();
    void offerDraft(QVBoxLayout *column);
    // A call rang this desk: the caller's complaints shown, the keyed one opened,
    // the number in the intake form if it holds nothing typed.
    void popCall(const IncomingCall &call);
    void applyTelephony();
    void showDispatchFailure(const QString &message);
    void clearDispatchFailure();

    std::shared_ptr<Database> m_database;
    const Clock &m_clock;
    User m_user;
    ReferenceCatalog m_catalog;
    std::unique_ptr<IntakeService> m_intakeService;
    IntakeForm *m_intake = nullptr;
    QueueView *m_queue = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    ConnectionMonitor *m_connection = nullptr;
    QLabel *m_banner = nullptr;
    std::unique_ptr<DraftStore> m_drafts;
    QWidget *m_draftOffer = nullptr;
    QHash<QString, QPointer<class ComplaintWindow>> m_open;
    QSystemTrayIcon *m_tray = nullptr;
    ChangeFeed *m_feed = nullptr;
    IncomingCallPanel *m_callPanel = nullptr;
    QLabel *m_extensionLabel = nullptr;
    QPointer<class Wallboard> m_wallboard;
    QSet<QString> m_alerted;
    QString m_lastAlerted;
    QLabel *m_dispatchNote = nullptr;
    QTabWidget *m_pages = nullptr;
    DashboardView *m_dashboard = nullptr;
    ReportsPage *m_reports = nullptr;
};

} // namespace fouad::ui
