#include "consoleapp.h"

#include "complaintwindow.h"
#include "core/clock.h"
#include "dashboardview.h"
#include "domain/trackingcode.h"
#include "intakeform.h"
#include "itemmodels/complaintqueuemodel.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "notify/dispatcherthread.h"
#include "palette.h"
#include "queueview.h"
#include "seed/demoseeder.h"
#include "services/signin.h"
#include "settingsdialog.h"
#include "slasweeper.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "storage/userrepository.h"
#include "upgradedialog.h"
#include "wallboard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

constexpr qint64 DemoCount = 500;

QLocale localeFor(const QString &language)
{
    return language == u"en" ? QLocale(QLocale::English, QLocale::UnitedStates)
                             : QLocale(QLocale::Persian, QLocale::Iran);
}

// Offers demo data once, on a database with no complaints.
void offerDemoData(Database &database, const ReferenceCatalog &catalog)
{
    ComplaintQuery any;
    any.limit = 1;
    auto rows = ComplaintRepository(database).list(any);
    if (!rows || !rows->isEmpty())
        return;
    const QString key = u"demo/offered/"_s + database.url().toString();
    QSettings settings;
    if (settings.value(key).toBool())
        return;
    settings.setValue(key, true);
    const auto answer = QMessageBox::question(
        nullptr, QApplication::translate("fouad::ui::ConsoleApp", "Demo data"),
        QApplication::translate(
            "fouad::ui::ConsoleApp",
            "This database has no complaints yet. Load %1 realistic demo complaints "
            "to try the console? Do not do this on the centre's real database.")
            .arg(QLocale().toString(DemoCount)));
    if (answer != QMessageBox::Yes)
        return;
    QProgressDialog progress(
        QApplication::translate("fouad::ui::ConsoleApp", "Loading demo complaints…"), QString(), 0,
        int(DemoCount));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(0);
    DemoSeeder seeder(database, catalog);
    DemoSeeder::Options options;
    options.count = DemoCount;
    const auto seeded = seeder.run(options, [&](qint64 done) { progress.setValue(int(done)); });
    if (!seeded)
        QMessageBox::warning(nullptr, QApplication::translate("fouad::ui::ConsoleApp", "Demo data"),
                             seeded.error().message);
}

} // namespace

void ConsoleApp::installLanguage(QApplication &app, const QString &language)
{
    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);
    // Qt's own strings (dialog buttons, context menus) in the same language.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, u"fouad"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
    // The direction follows the locale, never a list of languages.
    app.setLayoutDirection(locale.textDirection());
}

void ConsoleApp::installFontAndStyle(QApplication &app)
{
    const int regular = QFontDatabase::addApplicationFont(u":/fonts/Vazirmatn-Regular.ttf"_s);
    QFontDatabase::addApplicationFont(u":/fonts/Vazirmatn-Bold.ttf"_s);
    if (regular >= 0) {
        QFont font(QFontDatabase::applicationFontFamilies(regular).value(0, u"Vazirmatn"_s));
        font.setPointSize(10);
        app.setFont(font);
    }
    app.setStyleSheet(styleSheet()); // fouad.qss with the palette's colours
}

int ConsoleApp::run(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fouad Console"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        u"db"_s, u"Database URL: sqlite:PATH or postgresql://user@host:port/db"_s, u"URL"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, u"Save a PNG of the main window once the queue shows rows, then exit"_s,
        u"FILE"_s);
    const QCommandLineOption languageOption(
        u"lang"_s, u"Interface language for this run: fa or en"_s, u"LANG"_s);
    const QCommandLineOption wallboardOption(
        u"wallboard"_s, u"Open the wallboard (with --screenshot: its picture)"_s);
    const QCommandLineOption openOption(
        u"open"_s, u"Open this complaint's window (with --screenshot: its picture)"_s, u"CODE"_s);
    const QCommandLineOption searchOption(
        u"search"_s, u"Type this into the queue's search box (with --screenshot: its results)"_s,
        u"TEXT"_s);
    const QCommandLineOption pageOption(
        u"page"_s,
        u"Open on this page: desk, dashboard or reports (with --screenshot: its picture)"_s,
        u"PAGE"_s);
    parser.addOptions({ dbOption, screenshotOption, languageOption, openOption, wallboardOption,
                        searchOption, pageOption });
    parser.process(app);

    QSettings settings;
    const QString language = parser.isSet(languageOption)
        ? parser.value(languageOption)
        : settings.value(SettingsDialog::languageKey(), u"fa"_s).toString();
    installLanguage(app, language);
    installFontAndStyle(app);

    const bool screenshot = parser.isSet(screenshotOption);
    QString urlText = parser.value(dbOption);
    if (urlText.isEmpty())
        urlText = settings.value(SettingsDialog::databaseKey()).toString();
    DatabaseUrl url = DatabaseUrl::defaultUrl();
    if (!urlText.isEmpty()) {
        auto parsed = DatabaseUrl::parse(urlText);
        if (!parsed) {
            std::fprintf(stderr, "fouad: %s\n", qPrintable(parsed.error().message));
            return 2;
        }
        url = parsed.value();
    }

    std::shared_ptr<Database> database;
    User user;
    // A shared PostgreSQL: each person connects as their own login, so signing in
    // comes first. Screenshots need no one: they only look.
    const bool asPerson = !screenshot && SignIn::connectsAsPerson(url);
    if (asPerson) {
        LoginDialog login(url);
        if (login.exec() != QDialog::Accepted)
            return 0;
        database = login.connectedDatabase();
        user = login.user();
    } else {
        // A database made by an earlier version, with complaints: a backup is
        // offered before the opening below migrates it.
        std::shared_ptr<Database> asIs;
        DatabaseBackup::PendingUpgrade pending;
        if (!screenshot && UpgradeDialog::needed(url, &asIs, &pending)) {
            UpgradeDialog offer(asIs, pending, Clock::system());
            if (offer.exec() != QDialog::Accepted)
                return 0;
        }
        asIs.reset();
        for (;;) {
            auto opened = Database::open(url);
            if (opened) {
                database = opened.value();
                break;
            }
            std::fprintf(stderr, "fouad: %s\n", qPrintable(opened.error().message));
            if (screenshot)
                return 1;
            // Let the administrator fix the URL instead of dying on a bad setting.
            // The driver's words are for the administrator: under "Show Details", not the headline.
            const Error &why = opened.error();
            QMessageBox box(QMessageBox::Critical,
                            QApplication::translate("fouad::ui::ConsoleApp", "No database"),
                            why.detail.isEmpty()
                                ? why.message
                                : QApplication::translate("fouad::ui::ConsoleApp",
                                                          "Cannot open the database %1. Check the "
                                                          "address in the settings, or try again.")
                                      .arg(url.displayName()),
                            QMessageBox::Retry | QMessageBox::Close);
            box.setDetailedText(why.detail);
            QPushButton *settingsButton =
                box.addButton(QApplication::translate("fouad::ui::ConsoleApp", "Settings…"),
                              QMessageBox::ActionRole);
            box.exec();
            if (box.clickedButton() == settingsButton) {
                SettingsDialog dialog(url, nullptr);
                if (dialog.exec() == QDialog::Accepted)
                    url =
                        DatabaseUrl::parse(settings.value(SettingsDialog::databaseKey()).toString())
                            .value();
            } else if (box.standardButton(box.clickedButton()) != QMessageBox::Retry) {
                return 1;
            }
        }
    }

    auto catalog = ReferenceRepository(*database).load();
    if (!catalog) {
        std::fprintf(stderr, "fouad: %s\n", qPrintable(catalog.error().message));
        return 1;
    }
    // Under a staff login the owner loads data (fouadctl seed-demo), not a console.
    if (!screenshot && !database->session().staff)
        offerDemoData(*database, catalog.value());

    // Who is at the desk, on the program's own accounts.
    if (!screenshot && !asPerson) {
        const auto users = UserRepository(*database).count();
        const auto mode = users.ok() && users.value() == 0 ? LoginDialog::Mode::FirstAdministrator
                                                           : LoginDialog::Mode::SignIn;
        LoginDialog login(*database, mode);
        if (login.exec() != QDialog::Accepted)
            return 0;
        user = login.user();
    }

    MainWindow window(database, catalog.value(), Clock::system(), user);
    // Every running console sweeps the escalation ladder each minute; pictures don't.
    SlaSweeper sweeper(database->url());
    if (!screenshot) {
        QObject::connect(&sweeper, &SlaSweeper::escalated, window.queueView(), &QueueView::reload);
        sweeper.showFailuresIn(window.statusBar());
        sweeper.start();
    }
    // And every console sends the outbox, one at a time across them all (the
    // lease): this one idles while another holds it, and releases it on quitting.
    DispatcherThread dispatcher(database->url());
    if (!screenshot) {
        window.watchDispatcher(&dispatcher);
        dispatcher.start();
    }
    window.resize(MainWindow::defaultSize());
    window.show();

    QWidget *pictured = &window;
    const QString page = parser.value(pageOption);
    const bool onDashboard = page == u"dashboard"_s && window.dashboard();
    const bool onReports = page == u"reports"_s && window.reportsPage();
    if (parser.isSet(pageOption)) {
        if (page != u"desk"_s && page != u"dashboard"_s && page != u"reports"_s) {
            std::fprintf(stderr, "fouad: --page: desk, dashboard or reports\n");
            return 2;
        }
        window.showPage(onDashboard     ? MainWindow::Page::Dashboard
                            : onReports ? MainWindow::Page::Reports
                                        : MainWindow::Page::Desk);
        if (screenshot && onDashboard)
            window.resize(1600, 1000); // the charts at a readable size
    }
    if (parser.isSet(searchOption))
        window.queueView()->search(parser.value(searchOption));
    if (parser.isSet(openOption)) {
        const auto code = TrackingCode::normalized(parser.value(openOption));
        if (!code) {
            std::fprintf(stderr, "fouad: --open: invalid tracking code\n");
            return 2;
        }
        if (QWidget *complaint = window.openComplaint(*code))
            pictured = complaint;
    }

    if (parser.isSet(wallboardOption)) {
        QWidget *board = window.showWallboard();
        if (screenshot) {
            board->showNormal(); // a picture at a known size
            board->resize(1600, 900);
        }
        pictured = board;
    }

    if (screenshot) {
        const QString file = parser.value(screenshotOption);
        auto save = [pictured, file] {
            const bool saved = pictured->grab().save(file, "PNG");
            std::fprintf(stderr, saved ? "fouad: saved %s\n" : "fouad: cannot write %s\n",
                         qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        };
        if (onDashboard)
            // Once the figures are drawn (the first answer of its worker).
            QObject::connect(window.dashboard(), &DashboardView::refreshed, &window,
                             [&window, save] {
                                 std::fprintf(stderr, "fouad: dashboard computed in %lld ms\n",
                                              window.dashboard()->lastComputeMs());
                                 QTimer::singleShot(500, &window, save);
                             });
        else if (onReports)
            QTimer::singleShot(500, &window, save); // a form: nothing to wait for
        else if (window.queueView()->model()->rowCount() > 0)
            QTimer::singleShot(300, &window, save);
        else
            QObject::connect(window.queueView(), &QueueView::firstRowsShown, &window,
                             [&window, save] { QTimer::singleShot(300, &window, save); });
        // An empty database never shows rows: take the picture anyway, and say so.
        QTimer::singleShot(20000, &window, [save] {
            std::fprintf(stderr, "fouad: the queue showed no rows within 20 s\n");
            save();
        });
    }
    return QApplication::exec();
}

} // namespace fouad::ui
