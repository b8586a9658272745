#include "wallboard.h"

#include "countdown.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "messagelabel.h"
#include "palette.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/slaconfigcache.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

QLabel *figure(QWidget *parent, const QString &caption, QGridLayout *grid, int column,
               const QString &colour)
{
    auto *value = new QLabel(parent);
    value->setAlignment(Qt::AlignCenter);
    value->setStyleSheet(u"font-size: 64pt; font-weight: bold; color: %1;"_s.arg(colour));
    auto *label = new QLabel(caption, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(
        u"font-size: 22pt; color: %1;"_s.arg(Palette::hex(Palette::Colour::WallMuted)));
    grid->addWidget(value, 0, column);
    grid->addWidget(label, 1, column);
    return value;
}

QString hoursMinutes(qint64 secs, const QLocale &loc)
{
    return PersianText::localizeDigits(
        u"%1:%2"_s.arg(secs / 3600).arg((secs % 3600) / 60, 2, 10, QChar(u'0')), loc);
}

// The urgent categories' nationwide resolution target; when they differ, the
// one most of them share (the shorter on a tie).
qint64 urgentTarget(const SlaConfig &sla, const ReferenceCatalog &catalog)
{
    QHash<qint64, int> count;
    for (const Category &c : catalog.categories()) {
        if (c.urgent)
            ++count[sla.policyFor(c.code, {}).resolve.seconds];
    }
    qint64 best = SlaPolicy::defaultFor(true).resolve.seconds;
    int most = 0;
    for (auto it = count.cbegin(); it != count.cend(); ++it) {
        if (it.value() > most || (it.value() == most && it.key() < best)) {
            best = it.key();
            most = it.value();
        }
    }
    return best;
}

} // namespace

Wallboard::Wallboard(std::shared_ptr<Database> database, const ReferenceCatalog &catalog,
                     const Clock &clock, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_database(std::move(database))
    , m_catalog(catalog)
    , m_clock(clock)
{
    setObjectName(u"wallboard"_s);
    setWindowTitle(tr("Wallboard"));
    setAttribute(Qt::WA_DeleteOnClose);
    setStyleSheet(Palette::resolve(
        u"QWidget#wallboard { background: @wallBackground; }"
        " QTableWidget { background: @wallBackground; color: @wallText; font-size: 22pt;"
        " gridline-color: @wallPanel; }"
        " QHeaderView::section { background: @wallPanel; color: @wallMuted; font-size: 18pt;"
        " padding: 6px; }"_s));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Administrative emergencies 128 — live"), this);
    title->setStyleSheet(
        Palette::resolve(u"font-size: 30pt; font-weight: bold; color: @wallText;"_s));
    layout->addWidget(title);

    auto *grid = new QGridLayout;
    layout->addLayout(grid);
    m_open = figure(this, tr("open"), grid, 0, Palette::hex(Palette::Colour::WallText));
    m_open->setObjectName(u"openFigure"_s);
    m_near = figure(this, tr("near breach"), grid, 1, Palette::hex(Palette::Colour::WallNear));
    m_breached = figure(this, tr("breached"), grid, 2, Palette::hex(Palette::Colour::WallBreached));
    m_average = figure(this, {}, grid, 3, Palette::hex(Palette::Colour::WallGood));
    m_averageCaption = static_cast<QLabel *>(grid->itemAtPosition(1, 3)->widget());
    m_averageCaption->setObjectName(u"averageCaption"_s);

    m_error = newMessageLabel(this, MessageKind::Failure);
    layout->addWidget(m_error);

    m_urgent = new QTableWidget(0, 4, this);
    m_urgent->setObjectName(u"urgent"_s);
    m_urgent->setHorizontalHeaderLabels(
        { tr("Time left"), tr("Tracking code"), tr("Agency"), tr("Province") });
    m_urgent->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_urgent->setColumnWidth(0, 300);
    m_urgent->setColumnWidth(1, 260);
    m_urgent->setColumnWidth(3, 300);
    m_urgent->verticalHeader()->setDefaultSectionSize(52);
    m_urgent->verticalHeader()->setVisible(false);
    m_urgent->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_urgent->setSelectionMode(QAbstractItemView::NoSelection);
    m_urgent->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_urgent, 1);

    auto *refreshTimer = new QTimer(this);
    refreshTimer->setInterval(30 * 1000);
    connect(refreshTimer, &QTimer::timeout, this, &Wallboard::refresh);
    refreshTimer->start();
    m_refreshSoon = new QTimer(this);
    m_refreshSoon->setSingleShot(true);
    m_refreshSoon->setInterval(RefreshSoonMs);
    connect(m_refreshSoon, &QTimer::timeout, this, &Wallboard::readInBackground);
    auto *tickTimer = new QTimer(this);
    tickTimer->setInterval(1000);
    connect(tickTimer, &QTimer::timeout, this, &Wallboard::tick);
    tickTimer->start();
    // Until the reader answers the figures show a dash.
    for (QLabel *value : { m_open, m_near, m_breached, m_average })
        value->setText(tr("—"));
    refresh();
}

void Wallboard::refreshSoon()
{
    if (!m_refreshSoon->isActive())
        m_refreshSoon->start();
}

// The figures as read at one moment, on whichever thread read them.
struct Wallboard::Figures
{
    ComplaintRepository::Board board;
    QList<Complaint> urgent;
    std::shared_ptr<const SlaConfig> sla;
    std::optional<Error> error;
};

Wallboard::Figures Wallboard::readFigures(Database &database, const QDateTime &now)
{
    Figures f;
    ComplaintRepository complaints(database);
    const QDateTime localNow = now.toTimeZone(Jalali::tehran());
    const QDateTime midnight = QDateTime(localNow.date(), QTime(0, 0), Jalali::tehran()).toUTC();
    auto board = complaints.board(now, midnight);
    auto urgent = complaints.closestToBreach(now, Rows);
    auto sla = database.slaConfig().get();
    if (!board || !urgent || !sla) {
        f.error = !board ? board.error() : (!urgent ? urgent.error() : sla.error());
        return f;
    }
    f.board = board.value();
    f.urgent = urgent.value();
    f.sla = sla.value();
    return f;
}

// Every read of the figures happens here, off the GUI thread, on a connection of
// its own (opened on first use, closed with the thread).
class Wallboard::Reader final : public QObject
{
public:
    Reader(DatabaseUrl url, Wallboard *board)
        : m_url(std::move(url))
        , m_board(board)
    {
    }

    void read(const QDateTime &now)
    {
        Figures f;
        if (!m_database) {
            if (auto opened = Database::open(m_url))
                m_database = opened.value();
            else
                f.error = opened.error();
        }
        if (m_database)
            f = readFigures(*m_database, now);
        QMetaObject::invokeMethod(
            m_board, [board = m_board, f = std::move(f)] { board->answered(f); },
            Qt::QueuedConnection);
    }

private:
    DatabaseUrl m_url;
    Wallboard *m_board;
    std::shared_ptr<Database> m_database;
};

Wallboard::~Wallboard()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void Wallboard::readInBackground()
{
    // One read at a time: a request while one is under way (a slow database)
    // makes one more read after it, not a growing queue.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(u"wallboard-reader"_s);
        m_reader = new Reader(m_database->url(), this);
        m_reader->moveToThread(m_thread);
        connect(m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
        m_thread->start();
    }
    QMetaObject::invokeMethod(
        m_reader, [reader = m_reader, now = m_clock.nowUtc()] { reader->read(now); },
        Qt::QueuedConnection);
}

void Wallboard::refresh()
{
    readInBackground();
}

void Wallboard::answered(const Figures &figures)
{
    m_reading = false;
    showFigures(figures);
    if (m_readAgain) {
        m_readAgain = false;
        readInBackground();
    }
}

void Wallboard::showFigures(const Figures &f)
{
    if (f.error) {
        m_error->setText(f.error->message);
        m_error->setVisible(true);
        return;
    }
    m_error->setVisible(false);
    const auto *board = &f.board;
    const QLocale loc = locale();
    m_targetSecs = urgentTarget(*f.sla, m_catalog);
    m_averageCaption->setText(
        tr("average resolution today (target %1)").arg(hoursMinutes(m_targetSecs, loc)));
    m_open->setText(loc.toString(board->open));
    m_near->setText(loc.toString(board->nearBreach));
    m_breached->setText(loc.toString(board->breached));
    if (board->averageResolutionSecs) {
        const qint64 avg = *board->averageResolutionSecs;
        m_average->setText(hoursMinutes(avg, loc));
        m_average->setStyleSheet(
            u"font-size: 64pt; font-weight: bold; color: %1;"_s.arg(Palette::hex(
                avg <= m_targetSecs ? Palette::Colour::WallGood : Palette::Colour::WallBreached)));
    } else {
        m_average->setText(tr("—"));
    }

    m_rows = f.urgent;
    m_urgent->setRowCount(int(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const Complaint &c = m_rows.at(row);
        const Agency *agency = m_catalog.agency(c.agencyCode);
        const Province *province = m_catalog.province(c.provinceCode);
        m_urgent->setItem(row, 1,
                          new QTableWidgetItem(PersianText::localizeDigits(c.trackingCode, loc)));
        m_urgent->setItem(row, 2,
                          new QTableWidgetItem(agency ? localizedName(*agency) : c.agencyCode));
        m_urgent->setItem(
            row, 3, new QTableWidgetItem(province ? localizedName(*province) : c.provinceCode));
    }
    tick();
}

void Wallboard::tick()
{
    const QDateTime now = m_clock.nowUtc();
    for (int row = 0; row < m_rows.size(); ++row) {
        const qint64 remaining = now.secsTo(m_rows.at(row).dueAt);
        auto *item = new QTableWidgetItem(Countdown::text(remaining, locale()));
        item->setTextAlignment(Qt::AlignCenter);
        switch (
            Countdown::level(remaining, m_rows.at(row).receivedAt.secsTo(m_rows.at(row).dueAt))) {
        case Countdown::Level::Plenty:
            item->setForeground(Palette::colour(Palette::Colour::WallGood));
            break;
        case Countdown::Level::Close:
            item->setForeground(Palette::colour(Palette::Colour::WallNear));
            break;
        case Countdown::Level::Breached:
            item->setForeground(Palette::colour(Palette::Colour::WallBreached));
            break;
        }
        m_urgent->setItem(row, 0, item);
    }
}

void Wallboard::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape)
        close();
    else
        QWidget::keyPressEvent(event);
}

} // namespace fouad::ui
