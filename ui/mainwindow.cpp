#include "mainwindow.h"

#include "actiondialog.h"
#include "calendarsdialog.h"
#include "complaintwindow.h"
#include "contactsdialog.h"
#include "dashboardview.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/phonenumber.h"
#include "domain/workflow.h"
#include "failednotificationsdialog.h"
#include "guidedialog.h"
#include "incomingcallpanel.h"
#include "intakeform.h"
#include "itemmodels/complaintqueuemodel.h"
#include "live/changefeed.h"
#include "notify/dispatcherthread.h"
#include "officesdialog.h"
#include "queueview.h"
#include "referencedatadialog.h"
#include "reportspage.h"
#include "serialize/draftstore.h"
#include "services/administrationservice.h"
#include "services/intakeservice.h"
#include "settingsdialog.h"
#include "storage/complaintrepository.h"
#include "storage/connectionmonitor.h"
#include "storage/database.h"
#include "usersdialog.h"
#include "wallboard.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

MainWindow::MainWindow(std::shared_ptr<Database> database, ReferenceCatalog catalog,
                       const Clock &clock, User user, QWidget *parent)
    : QMainWindow(parent)
    , m_database(std::move(database))
    , m_clock(clock)
    , m_user(std::move(user))
    , m_catalog(std::move(catalog))
    , m_intakeService(std::make_unique<IntakeService>(*m_database, m_catalog, clock))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Fouad Console — administrative emergencies 128"));
    resize(defaultSize());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_intake = new IntakeForm(*m_intakeService, splitter);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidget(m_intake);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(440);
    m_intake->setActor(m_user.name);
    // The core says who registers; the others see the queue.
    m_intake->setEnabled(m_user.name.isEmpty() || Workflow::mayRegister(m_user));
    m_queue = new QueueView(m_database, m_catalog, clock, splitter);
    m_queue->setUser(m_user.name);
    splitter->addWidget(scroll);
    splitter->addWidget(m_queue);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 460, 900 });
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(u"connectionBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setAlignment(Qt::AlignCenter);
    // Styled by fouad.qss (@danger): not a dialog, nothing is in the way.
    m_banner->setVisible(false);
    column->addWidget(m_banner);
    offerDraft(column);
    m_callPanel = new IncomingCallPanel(central);
    column->addWidget(m_callPanel);
    if (Workflow::mayReviewFigures(m_user)) {
        // Issue 10: the dashboard beside the desk, the supervisors' landing page.
        m_pages = new QTabWidget(central);
        m_pages->setObjectName(u"pages"_s);
        m_pages->addTab(splitter, tr("&Desk"));
        // Figures are read read-only, from the reports database if one is set.
        const DatabaseUrl figures = SettingsDialog::reportsUrl(m_database->url());
        m_dashboard = new DashboardView(m_database, m_catalog, clock, m_pages);
        m_dashboard->setFiguresUrl(figures);
        m_pages->addTab(m_dashboard, tr("Das&hboard"));
        m_reports = new ReportsPage(figures, m_catalog, clock, m_user, m_pages);
        m_pages->addTab(m_reports, tr("Re&ports"));
        connect(m_dashboard, &DashboardView::drillDown, this,
                [this](const ComplaintQuery &scope, const QString &caption) {
                    showDashboard(false);
                    m_queue->showScope(scope, caption);
                });
        column->addWidget(m_pages, 1);
        showDashboard(m_user.role == Role::Supervisor && !m_user.name.isEmpty());
    } else {
        column->addWidget(splitter, 1);
    }
    setCentralWidget(central);

    m_databaseLabel = new QLabel(tr("Database: %1").arg(m_database->url().displayName()), this);
    m_databaseLabel->setObjectName(u"databaseLabel"_s);
    if (m_reports && m_reports->figuresUrl().toString() != m_database->url().toString())
        m_databaseLabel->setToolTip(tr("The dashboard and the reports read from %1.")
                                        .arg(m_reports->figuresUrl().displayName()));
    statusBar()->addPermanentWidget(m_databaseLabel);
    m_userLabel = new QLabel(
        m_user.name.isEmpty() ? tr("Not signed in")
                              : tr("Signed in: %1 (%2)")
                                    .arg(m_user.fullName.isEmpty() ? m_user.name : m_user.fullName,
                                         title(m_user.role)),
        this);
    m_userLabel->setObjectName(u"userLabel"_s);
    statusBar()->addPermanentWidget(m_userLabel);
    m_extensionLabel = new QLabel(this);
    m_extensionLabel->setObjectName(u"extensionLabel"_s);
    statusBar()->addPermanentWidget(m_extensionLabel);

    buildMenus();
    connect(m_intake, &IntakeForm::registered, this, [this](const QString &code) {
        m_queue->showComplaint(code);
        statusBar()->showMessage(
            tr("Complaint %1 registered.").arg(PersianText::localizeDigits(code, locale())), 10000);
    });
    connect(m_queue, &QueueView::complaintActivated, this, &MainWindow::openComplaint);
    connect(m_queue, &QueueView::contextMenuForComplaint, this, &MainWindow::showComplaintMenu);
    watchConnection();
    m_queue->reload();
    m_feed = new ChangeFeed(m_database->url(), this);
    connect(m_feed, &ChangeFeed::changed, this, &MainWindow::applyChanges);
    // The feed looks every few seconds, so it notices a lost server before a save
    // does, and that it is back before the banner's next try.
    connect(m_feed, &ChangeFeed::connectionLost, m_connection, &ConnectionMonitor::retryNow);
    connect(m_feed, &ChangeFeed::connectionRestored, this, [this] {
        if (!m_connection->isConnected())
            m_connection->retryNow();
    });
    connect(m_feed, &ChangeFeed::callRang, this, &MainWindow::popCall);
    connect(m_callPanel, &IncomingCallPanel::openRequested, this, &MainWindow::openComplaint);
    connect(m_callPanel, &IncomingCallPanel::useNumberRequested, this,
            [this](const QString &phone) {
                const auto parsed = PhoneNumber::parse(phone);
                m_intake->fillPhone(parsed ? parsed->national() : phone);
                m_callPanel->setNote(tr("The number is in the intake form."));
            });
    applyTelephony();
    m_feed->start();
    m_intake->focusFirstField(); // after reparenting into the scroll area
    startNearBreachAlerts();
}

void MainWindow::applyTelephony()
{
    const QString extension = SettingsDialog::telephony().extension;
    m_feed->setCallExtension(extension);
    m_extensionLabel->setText(
        extension.isEmpty()
            ? QString()
            : tr("Extension %1").arg(PersianText::localizeDigits(extension, locale())));
    m_extensionLabel->setVisible(!extension.isEmpty());
}

void MainWindow::popCall(const IncomingCall &call)
{
    m_callPanel->showCall(call);
    // The phone is ringing: the console comes forward (or its taskbar entry
    // asks for attention), without taking the keyboard from a dialog.
    if (isMinimized())
        showNormal();
    raise();
    QApplication::alert(this);
    if (!call.keyedCode.isEmpty())
        openComplaint(call.keyedCode);
    const auto phone = PhoneNumber::parse(call.caller);
    if (m_intake->isEnabled() && m_intake->isBlank()) {
        m_intake->fillPhone(phone ? phone->national() : call.caller);
        m_callPanel->setNote(call.complaints.isEmpty()
                                 ? tr("No earlier complaint from this number; it is in the "
                                      "intake form.")
                                 : tr("The number is in the intake form for a new complaint."));
    } else if (m_intake->isEnabled()) {
        // Never over what is being typed: the operator puts it in if they want.
        m_callPanel->setNote(tr("The intake form holds another complaint being typed: the "
                                "number was not put in."));
    }
}

void MainWindow::offerDraft(QVBoxLayout *column)
{
    // Keyed by database and user: a draft is offered only to whoever typed it.
    DatabaseUrl where = m_database->url();
    where.password.clear();
    m_drafts =
        std::make_unique<DraftStore>(DraftStore::defaultDirectory(), where.toString(), m_user.name);
    const auto left = m_drafts->load();
    m_intake->setDraftStore(m_drafts.get());
    if (!left)
        return;
    m_draftOffer = new QWidget(this);
    m_draftOffer->setObjectName(u"draftOffer"_s);
    auto *row = new QHBoxLayout(m_draftOffer);
    auto *text = new QLabel(
        tr("A complaint was being typed when the console last closed. Restore it?"), m_draftOffer);
    text->setWordWrap(true);
    row->addWidget(text, 1);
    auto *restore = new QPushButton(tr("Re&store"), m_draftOffer);
    restore->setObjectName(u"restoreDraft"_s);
    auto *discard = new QPushButton(tr("&Discard"), m_draftOffer);
    discard->setObjectName(u"discardDraft"_s);
    row->addWidget(restore);
    row->addWidget(discard);
    column->addWidget(m_draftOffer);
    connect(restore, &QPushButton::clicked, this, [this, draft = *left] {
        m_intake->restoreDraft(draft);
        m_draftOffer->hide();
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        m_drafts->remove();
        m_draftOffer->hide();
    });
}

void MainWindow::watchConnection()
{
    m_connection = new ConnectionMonitor(*m_database, this);
    // Everything stays on screen and in the form; only the banner says why saves fail.
    connect(m_intake, &IntakeForm::saveFailed, m_connection, &ConnectionMonitor::check);
    connect(m_connection, &ConnectionMonitor::retryScheduled, this, [this](int ms) {
        m_banner->setText(tr("The database cannot be reached. Everything on screen and "
                             "everything typed is kept; trying again in %n second(s)…",
                             nullptr, (ms + 999) / 1000));
        m_banner->setVisible(true);
    });
    connect(m_connection, &ConnectionMonitor::restored, this, [this] {
        m_banner->setVisible(false);
        statusBar()->showMessage(tr("The database is back."), 10000);
        m_queue->reload();
        m_intake->resumePendingSave();
    });
}

void MainWindow::watchDispatcher(DispatcherThread *dispatcher)
{
    if (!m_dispatchNote) {
        m_dispatchNote = new QLabel(this);
        m_dispatchNote->setObjectName(u"fieldError"_s); // red, as every failure note
        m_dispatchNote->setVisible(false);
        statusBar()->addPermanentWidget(m_dispatchNote);
    }
    // Emitted on this thread (DispatcherThread queues them from its worker).
    connect(dispatcher, &DispatcherThread::failed, this, &MainWindow::showDispatchFailure);
    connect(dispatcher, &DispatcherThread::recovered, this, &MainWindow::clearDispatchFailure);
}

void MainWindow::showDispatchFailure(const QString &message)
{
    m_dispatchNote->setText(tr("Messages are not being sent: %1").arg(message));
    m_dispatchNote->setToolTip(
        tr("They wait in the outbox; the console keeps trying and sends them once it can."));
    m_dispatchNote->setVisible(true);
}

void MainWindow::clearDispatchFailure()
{
    m_dispatchNote->clear();
    m_dispatchNote->setToolTip({});
    m_dispatchNote->setVisible(false);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newComplaint = file->addAction(tr("&New complaint"));
    newComplaint->setShortcut(QKeySequence::New);
    connect(newComplaint, &QAction::triggered, m_intake, &IntakeForm::startNew);
    QAction *settings = file->addAction(tr("&Settings…"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh queue"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_queue, &QueueView::reload);
    QAction *wallboard = view->addAction(tr("&Wallboard (full screen)"));
    wallboard->setShortcut(Qt::Key_F11);
    connect(wallboard, &QAction::triggered, this, &MainWindow::showWallboard);
    if (Workflow::mayRetryNotifications(m_user)) {
        QAction *failed = view->addAction(tr("&Undelivered messages…"));
        connect(failed, &QAction::triggered, this, [this] {
            FailedNotificationsDialog dialog(*m_database, m_user, m_clock, this);
            dialog.exec();
        });
    }

    if (AdministrationService::mayAdminister(m_user)) {
        QMenu *admin = menuBar()->addMenu(tr("&Administration"));
        QAction *users = admin->addAction(tr("&Users…"));
        connect(users, &QAction::triggered, this, [this] {
            UsersDialog dialog(*m_database, m_user, m_clock, this);
            dialog.exec();
        });
        QAction *reference = admin->addAction(tr("&Agencies and categories…"));
        connect(reference, &QAction::triggered, this, [this] {
            ReferenceDataDialog dialog(*m_database, m_user, this);
            dialog.exec();
        });
        QAction *contacts = admin->addAction(tr("C&ontacts…"));
        connect(contacts, &QAction::triggered, this, [this] {
            ContactsDialog dialog(*m_database, m_catalog, m_user, m_clock, this);
            dialog.exec();
        });
        QAction *offices = admin->addAction(tr("O&ffices…"));
        connect(offices, &QAction::triggered, this, [this] {
            OfficesDialog dialog(*m_database, m_catalog, m_user, m_clock, this);
            dialog.exec();
        });
        QAction *calendars = admin->addAction(tr("Work &calendars…"));
        connect(calendars, &QAction::triggered, this, [this] {
            CalendarsDialog dialog(*m_database, m_catalog, m_user, this);
            dialog.exec();
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    for (const auto &entry :
         { std::pair { GuideDialog::Guide::Operator, tr("&Operator's guide") },
           std::pair { GuideDialog::Guide::Administrator, tr("A&dministrator's guide") } }) {
        connect(help->addAction(entry.second), &QAction::triggered, this,
                [this, guide = entry.first] {
                    GuideDialog dialog(guide, this);
                    dialog.exec();
                });
    }
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Fouad Console"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::startNearBreachAlerts()
{
    // Only someone with complaints of their own, on a desktop that has a tray.
    if (m_user.name.isEmpty() || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QIcon(u":/icons/fouad.svg"_s), this);
    m_tray->setToolTip(windowTitle());
    m_tray->show();
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_lastAlerted.isEmpty())
            openComplaint(m_lastAlerted);
    });
    auto *timer = new QTimer(this);
    timer->setInterval(60 * 1000);
    connect(timer, &QTimer::timeout, this, &MainWindow::checkNearBreach);
    timer->start();
    checkNearBreach();
}

void MainWindow::checkNearBreach()
{
    auto near = ComplaintRepository(*m_database).nearBreachFor(m_user.name, m_clock.nowUtc());
    if (!near)
        return;
    for (const Complaint &c : near.value()) {
        if (m_alerted.contains(c.trackingCode))
            continue; // once per complaint
        m_alerted.insert(c.trackingCode);
        m_lastAlerted = c.trackingCode;
        m_tray->showMessage(tr("Close to breach"),
                            tr("Complaint %1 is due at %2.")
                                .arg(PersianText::localizeDigits(c.trackingCode, locale()),
                                     Jalali::formatDateTime(c.dueAt, locale())),
                            QSystemTrayIcon::Warning, 15000);
    }
}

ComplaintWindow *MainWindow::openComplaint(const QString &trackingCode)
{
    if (trackingCode.isEmpty())
        return nullptr;
    if (ComplaintWindow *open = m_open.value(trackingCode)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *window = new ComplaintWindow(m_database, m_catalog, m_user, trackingCode, m_clock, this);
    m_open.insert(trackingCode, window);
    connect(window, &ComplaintWindow::changed, m_queue, &QueueView::showComplaint);
    window->show();
    return window;
}

void MainWindow::showComplaintMenu(const QString &trackingCode, const QPoint &globalPos)
{
    QMenu menu(this);
    QAction *open = menu.addAction(tr("&Open"));
    QAction *assign = nullptr;
    // Those who hand complaints out do it from the queue too.
    if (Workflow::mayAssignOthers(m_user))
        assign = menu.addAction(tr("&Assign to…"));
    QAction *chosen = menu.exec(globalPos);
    if (chosen == open) {
        openComplaint(trackingCode);
    } else if (chosen && chosen == assign) {
        if (ComplaintWindow *window = openComplaint(trackingCode))
            window->openAction(Action::Assign)->open();
    }
}

void MainWindow::showPage(Page page)
{
    if (!m_pages)
        return;
    QWidget *shown = nullptr;
    if (page == Page::Dashboard)
        shown = m_dashboard;
    else if (page == Page::Reports)
        shown = m_reports;
    m_pages->setCurrentIndex(shown ? m_pages->indexOf(shown) : 0);
}

Wallboard *MainWindow::showWallboard()
{
    auto *board = new Wallboard(m_database, m_catalog, m_clock, this);
    m_wallboard = board;
    board->showFullScreen();
    return board;
}

void MainWindow::applyChanges(const QList<Change> &changes)
{
    QStringList codes;
    for (const Change &change : changes) {
        codes << change.trackingCode;
        if (ComplaintWindow *window = m_open.value(change.trackingCode))
            window->noticeChange(change);
    }
    m_queue->model()->refreshComplaints(codes);
    if (m_dashboard)
        m_dashboard->refreshSoon(); // throttled
    if (m_wallboard)
        m_wallboard->refreshSoon();
}

void MainWindow::showSettings()
{
    QSettings settings;
    const QString languageBefore =
        settings.value(SettingsDialog::languageKey(), u"fa"_s).toString();
    const QString databaseBefore = settings.value(SettingsDialog::databaseKey()).toString();
    const QString reportsBefore = settings.value(SettingsDialog::reportsDatabaseKey()).toString();
    SettingsDialog dialog(m_database->url(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    applyTelephony(); // at once
    const bool languageChanged =
        settings.value(SettingsDialog::languageKey()).toString() != languageBefore;
    const bool databaseChanged =
        settings.value(SettingsDialog::databaseKey()).toString() != databaseBefore
        || settings.value(SettingsDialog::reportsDatabaseKey()).toString() != reportsBefore;
    if (!languageChanged && !databaseChanged)
        return;
    const auto answer =
        QMessageBox::question(this, tr("Restart the console?"),
                              tr("The new settings apply after a restart. Restart now?"));
    if (answer != QMessageBox::Yes)
        return;
    // The settings now decide what --lang and --db decided for this run.
    QStringList arguments = QCoreApplication::arguments().mid(1);
    for (const QString &option : { u"--lang"_s, u"--db"_s }) {
        const qsizetype at = arguments.indexOf(option);
        if (at >= 0)
            arguments.remove(at, qMin<qsizetype>(2, arguments.size() - at));
    }
    if (QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments))
        close();
    else
        QMessageBox::warning(this, tr("Restart the console?"),
                             tr("The console could not be restarted: "
                                "please close and open it again."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Fouad Console"),
                       tr("<p><b>Fouad Console</b> %1</p>"
                          "<p>Registering, referring and following up complaints to the "
                          "administrative-emergencies line 128.</p>"
                          "<p>Interface font: Vazirmatn, under the SIL Open Font License 1.1.</p>")
                           .arg(QStringLiteral(FOUAD_VERSION)));
}

} // namespace fouad::ui
