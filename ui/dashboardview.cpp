#include "dashboardview.h"

#include "core/clock.h"
#include "dashboardscorecard.h"
#include "domain/complaintenums.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "jalalidateedit.h"
#include "palette.h"
#include "services/statsservice.h"
#include "storage/database.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCalendar>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QKeyEvent>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QStyleOptionFocusRect>
#include <QStylePainter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

QDateTime tehranMidnightUtc(QDate day)
{
    return QDateTime(day, QTime(0, 0), Jalali::tehran()).toUTC();
}

// "۰۹/۰۱": the day on a crowded axis.
QString shortJalali(QDate day, const QLocale &locale)
{
    const auto parts = QCalendar(QCalendar::System::Jalali).partsFromDate(day);
    return PersianText::localizeDigits(
        u"%1/%2"_s.arg(parts.month, 2, 10, QChar(u'0')).arg(parts.day, 2, 10, QChar(u'0')), locale);
}

QChart *newChart(const QString &title, const QWidget *owner)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = owner->font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setLocale(owner->locale());
    chart->setLocalizeNumbers(true); // Persian digits on the value axes
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    return chart;
}

// Counts: whole numbers ("%d" would print nothing with localised numbers).
QValueAxis *countAxis(const QWidget *owner, qreal max)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(u"%.0f"_s);
    axis->setLabelsFont(owner->font());
    axis->setRange(0, std::max<qreal>(max, 1));
    axis->applyNiceNumbers();
    if (axis->min() < 0)
        axis->setMin(0);
    return axis;
}

// Hovering a bar of `set` shows what it is and its value: its name (`names`
// in the set's index order), after it the set's own label when the chart has
// several sets. An axis shows a subset of its names when they do not fit (a
// year's days), and long names shortened: the tooltip has each one whole.
void tellOnHover(QBarSet *set, const QStringList &names, const QLocale &locale,
                 const QString &unit = {}, bool withSetLabel = false)
{
    QObject::connect(
        set, &QBarSet::hovered, set, [set, names, locale, unit, withSetLabel](bool on, int index) {
            if (!on || index < 0 || index >= names.size()) {
                QToolTip::hideText();
                return;
            }
            const qreal value = set->at(index);
            QString what = names.at(index);
            if (withSetLabel)
                what += u" — "_s + set->label();
            // A name that starts with digits (a date) would lay the tooltip out
            // left to right: a right-to-left mark makes it read as the rest.
            if (locale.textDirection() == Qt::RightToLeft && !what.isEmpty()
                && what.front().direction() != QChar::DirR
                && what.front().direction() != QChar::DirAL)
                what.prepend(QChar(0x200F));
            const QString number = locale.toString(value, 'f', value == qRound(value) ? 0 : 1);
            QToolTip::showText(QCursor::pos(), u"%1: %2%3"_s.arg(what, number, unit));
        });
}

// Vertical bars, categories already in right-to-left order (the first data
// item rightmost), the value axis on the right: Qt Charts does not mirror.
// Hovering a bar tells its name (`names`, by default the labels) and value.
QChart *verticalBars(const QString &title, const QStringList &labels, const QList<QBarSet *> &sets,
                     const QWidget *owner, QValueAxis **valueAxis, bool rotateLabels,
                     const QStringList &names = {})
{
    QChart *chart = newChart(title, owner);
    auto *series = new QBarSeries;
    qreal max = 0;
    for (QBarSet *set : sets) {
        series->append(set);
        for (int i = 0; i < set->count(); ++i)
            max = std::max(max, set->at(i));
        tellOnHover(set, names.isEmpty() ? labels : names, owner->locale(), {}, sets.size() > 1);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setLabelsFont(owner->font());
    x->setTruncateLabels(false); // Persian names are elided to "…" otherwise
    if (rotateLabels)
        x->setLabelsAngle(-90);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(owner, max);
    chart->addAxis(y, Qt::AlignRight);
    series->attachAxis(y);
    if (valueAxis)
        *valueAxis = y;
    if (sets.size() > 1) {
        chart->legend()->setVisible(true);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->legend()->setFont(owner->font());
    }
    return chart;
}

// A chart's height when nothing asks for more.
constexpr int ChartHeight = 270;

// The height a chart of `rows` names across needs so that Qt Charts, which
// hides a name taller than its bar's band, shows every one.
int heightForRows(qsizetype rows, const QFontMetrics &fm)
{
    const int band = fm.height() + fm.height() / 3;
    const int around = 4 * fm.height() + 24; // the title, the value axis, margins
    return std::max(ChartHeight, int(rows) * band + around);
}

// Names longer than about 26 characters shortened with "…", so that the bars
// keep their room; the whole name is in the bar's tooltip. The axis drops a
// repeated category, so a name another bar already has is told apart by
// zero-width spaces.
QStringList shortNames(const QStringList &names, const QFontMetrics &fm)
{
    QStringList out;
    for (const QString &name : names) {
        QString shorter = fm.elidedText(name, Qt::ElideRight, 26 * fm.averageCharWidth());
        while (out.contains(shorter))
            shorter += QChar(0x200B);
        out << shorter;
    }
    return out;
}

// Horizontal bars, the first item on top, names on the right, bars growing
// from the right edge leftwards; hovering a bar shows its whole name and value.
QChart *horizontalBars(const QString &title, const QStringList &labels, QBarSet *set,
                       const QWidget *owner, qreal fixedMax = 0, const QString &unit = {})
{
    QChart *chart = newChart(title, owner);
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    QStringList bottomUp = labels;
    std::reverse(bottomUp.begin(),
                 bottomUp.end()); // a horizontal series draws index 0 at the bottom
    tellOnHover(set, bottomUp, owner->locale(), unit);
    auto *y = new QBarCategoryAxis;
    y->append(shortNames(bottomUp, QFontMetrics(owner->font())));
    y->setLabelsFont(owner->font());
    y->setTruncateLabels(false); // Persian names are elided to "…" otherwise
    chart->addAxis(y, Qt::AlignRight);
    series->attachAxis(y);
    qreal max = fixedMax;
    for (int i = 0; i < set->count(); ++i)
        max = std::max(max, set->at(i));
    QValueAxis *x = countAxis(owner, max);
    if (fixedMax > 0)
        x->setRange(0, fixedMax);
    x->setReverse(true);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    return chart;
}

// A key figure's frame, which opens the queue of the complaints it counts:
// clicked, or with Space or Enter once tabbed to.
class TileFrame final : public QFrame
{
public:
    TileFrame(std::function<void()> activated, QWidget *parent)
        : QFrame(parent)
        , m_activated(std::move(activated))
    {
        setFocusPolicy(Qt::StrongFocus);
        setCursor(Qt::PointingHandCursor);
    }

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
            m_activated();
        else
            QFrame::mouseReleaseEvent(event);
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        switch (event->key()) {
        case Qt::Key_Space:
        case Qt::Key_Enter:
        case Qt::Key_Return:
            m_activated();
            break;
        default:
            QFrame::keyPressEvent(event);
        }
    }

    void paintEvent(QPaintEvent *event) override
    {
        QFrame::paintEvent(event);
        if (!hasFocus())
            return;
        QStylePainter painter(this);
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = rect().adjusted(2, 2, -2, -2);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
    }

private:
    std::function<void()> m_activated;
};

template<typename T> std::function<T(int)> reversedIndex(QList<T> items)
{
    return [items = std::move(items)](int index) {
        const qsizetype at = items.size() - 1 - index;
        return at >= 0 && at < items.size() ? items.at(at) : T();
    };
}

} // namespace

// What the worker hands back: the figures of one generation, or why not.
struct DashboardView::Answer
{
    quint64 generation = 0;
    DashboardData data;
    Scorecard scorecard;
    std::optional<Error> error;
    qint64 elapsedMs = 0;
};

// Every computation happens here, off the GUI thread, with a StatsService on
// this thread's own connection (opened on first use, closed with the thread).
class DashboardView::Worker final : public QObject
{
public:
    Worker(DatabaseUrl url, std::shared_ptr<std::atomic<quint64>> latest, DashboardView *view)
        : m_url(std::move(url))
        , m_latest(std::move(latest))
        , m_view(view)
    {
    }

    void compute(quint64 generation, const StatsFilter &filter, ScorecardLevel level)
    {
        if (generation != m_latest->load())
            return; // superseded before it started: the newer one follows
        QElapsedTimer timer;
        timer.start();
        Answer answer;
        answer.generation = generation;
        if (!m_database) {
            if (auto opened = Database::open(m_url, Database::Access::ReadOnly))
                m_database = opened.value();
            else
                answer.error = opened.error();
        }
        if (m_database) {
            StatsService stats(*m_database);
            auto data = stats.dashboard(filter);
            if (!data) {
                answer.error = data.error();
            } else {
                answer.data = std::move(data).value();
                if (level == ScorecardLevel::Agency) {
                    answer.scorecard = answer.data.scorecard;
                } else if (auto card = stats.scorecard(filter, level)) {
                    answer.scorecard = std::move(card).value();
                } else {
                    answer.error = card.error();
                }
            }
        }
        answer.elapsedMs = timer.elapsed();
        QMetaObject::invokeMethod(
            m_view, [view = m_view, answer = std::move(answer)] { view->answered(answer); },
            Qt::QueuedConnection);
    }

private:
    DatabaseUrl m_url;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    DashboardView *m_view;
    std::shared_ptr<Database> m_database;
};

DashboardView::DashboardView(std::shared_ptr<Database> database, const ReferenceCatalog &catalog,
                             const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_database(std::move(database))
    , m_figuresUrl(m_database->url())
    , m_catalog(catalog)
    , m_clock(clock)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    setObjectName(u"dashboard"_s);
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QGridLayout;
    layout->addLayout(filters);
    buildFilters(filters);
    auto *tiles = new QGridLayout;
    tiles->setSpacing(6);
    layout->addLayout(tiles);
    buildTiles(tiles);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"dashboardTabs"_s);
    m_tabs->addTab(buildCharts(), tr("Charts"));
    m_tabs->addTab(buildScorecard(), tr("Scorecard"));
    layout->addWidget(m_tabs, 1);

    m_throttle = new QTimer(this);
    m_throttle->setSingleShot(true);
    m_throttle->setTimerType(Qt::PreciseTimer); // a coarse one may fire 5% early
    connect(m_throttle, &QTimer::timeout, this, &DashboardView::refresh);
}

DashboardView::~DashboardView()
{
    stopWorker();
}

void DashboardView::stopWorker()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        m_worker = nullptr; // deleted when its thread finished
    }
}

void DashboardView::setFiguresUrl(const DatabaseUrl &url)
{
    if (url.toString() == m_figuresUrl.toString())
        return;
    m_figuresUrl = url;
    stopWorker(); // the next refresh opens the new one
}

void DashboardView::buildFilters(QGridLayout *bar)
{
    auto labelled = [this, bar](const QString &text, QWidget *field, int row, int column) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        bar->addWidget(label, row, column * 2);
        bar->addWidget(field, row, column * 2 + 1);
    };
    m_from = new JalaliDateEdit(this);
    m_from->setObjectName(u"dashboardFrom"_s);
    m_to = new JalaliDateEdit(this);
    m_to->setObjectName(u"dashboardTo"_s);
    // The last 30 days of Tehran, today included.
    const QDate today = m_clock.nowUtc().toTimeZone(Jalali::tehran()).date();
    m_from->setDate(today.addDays(-29));
    m_to->setDate(today);
    labelled(tr("&From:"), m_from, 0, 0);
    labelled(tr("&To:"), m_to, 1, 0);

    auto combo = [this](const QString &name, const QString &all) {
        auto *box = new QComboBox(this);
        box->setObjectName(name);
        box->addItem(all, QString());
        box->setMinimumContentsLength(14);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        return box;
    };
    m_province = combo(u"dashboardProvince"_s, tr("All provinces"));
    for (const Province &p : m_catalog.provinces())
        m_province->addItem(localizedName(p), p.code);
    m_agency = combo(u"dashboardAgency"_s, tr("All agencies"));
    for (const Agency &a : m_catalog.agencies())
        m_agency->addItem(localizedName(a), a.code);
    m_office = combo(u"dashboardOffice"_s, tr("All offices"));
    m_category = combo(u"dashboardCategory"_s, tr("All categories"));
    for (const Category &c : m_catalog.categories())
        m_category->addItem(localizedName(c), c.code);
    m_channel = combo(u"dashboardChannel"_s, tr("All channels"));
    for (Channel c : allChannels())
        m_channel->addItem(title(c), code(c));
    labelled(tr("&Province:"), m_province, 0, 1);
    labelled(tr("&Agency:"), m_agency, 0, 2);
    labelled(tr("O&ffice:"), m_office, 0, 3);
    labelled(tr("&Category:"), m_category, 1, 1);
    labelled(tr("C&hannel:"), m_channel, 1, 2);
    fillOffices();

    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(u"dashboardRefresh"_s);
    bar->addWidget(refreshButton, 1, 6);
    m_status = new QLabel(this);
    m_status->setObjectName(u"dashboardStatus"_s);
    bar->addWidget(m_status, 1, 7);
    bar->setColumnStretch(8, 1);

    connect(refreshButton, &QPushButton::clicked, this, &DashboardView::refresh);
    connect(m_from, &JalaliDateEdit::dateChanged, this, &DashboardView::refresh);
    connect(m_to, &JalaliDateEdit::dateChanged, this, &DashboardView::refresh);
    for (QComboBox *box : { m_province, m_agency })
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            fillOffices();
            refresh();
        });
    for (QComboBox *box : { m_office, m_category, m_channel })
        connect(box, &QComboBox::currentIndexChanged, this, &DashboardView::refresh);
}

void DashboardView::fillOffices()
{
    // An office belongs to one agency in one province: offered once the agency is chosen.
    const QString agency = m_agency->currentData().toString();
    const QString province = m_province->currentData().toString();
    const QString before = m_office->currentData().toString();
    const QSignalBlocker blocker(m_office);
    while (m_office->count() > 1)
        m_office->removeItem(1);
    if (!agency.isEmpty()) {
        for (const Province &p : m_catalog.provinces()) {
            if (!province.isEmpty() && p.code != province)
                continue;
            for (const Office &o : m_catalog.officesOf(agency, p.code))
                m_office->addItem(o.name, o.code);
        }
    }
    m_office->setCurrentIndex(qMax(0, m_office->findData(before)));
    m_office->setEnabled(m_office->count() > 1);
}

void DashboardView::buildTiles(QGridLayout *grid)
{
    using Figure = ComplaintQuery::Scope::Figure;
    struct Tile
    {
        const char *key;
        QString caption;
        Figure figure; // the complaints the queue shows for it
        QString queueCaption;
    };
    const QList<Tile> tiles {
        { "total", tr("complaints registered"), Figure::Any, tr("complaints registered") },
        { "open", tr("open now"), Figure::Open, tr("open now") },
        { "resolved", tr("resolved"), Figure::Resolved, tr("resolved") },
        { "withinTarget", tr("resolved within target"), Figure::WithinTarget,
          tr("resolved within target") },
        { "average", tr("average resolution"), Figure::Resolved, tr("resolved") },
        { "median", tr("median resolution"), Figure::Resolved, tr("resolved") },
        { "founded", tr("found in the citizen's favour"), Figure::Founded,
          tr("found in the citizen's favour") },
        { "satisfaction", tr("average satisfaction (1–5)"), Figure::Rated,
          tr("rated by the citizen") },
        { "reopen", tr("reopen rate"), Figure::Reopened, tr("reopened") },
        { "escalation", tr("open by escalation level"), Figure::Escalated,
          tr("open and escalated") },
    };
    for (int i = 0; i < tiles.size(); ++i) {
        const Figure figure = tiles.at(i).figure;
        const QString queueCaption = tiles.at(i).queueCaption;
        auto *frame = new TileFrame(
            [this, figure, queueCaption] {
                drill([figure](ComplaintQuery &q) { q.scope.figure = figure; }, queueCaption);
            },
            this);
        frame->setObjectName(u"dashboardTile"_s);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setToolTip(tr("Show these complaints in the queue"));
        auto *column = new QVBoxLayout(frame);
        column->setContentsMargins(6, 4, 6, 4);
        column->setSpacing(0);
        auto *value = new QLabel(tr("—"), frame);
        value->setObjectName(u"tile_"_s + QLatin1StringView(tiles.at(i).key));
        value->setAlignment(Qt::AlignCenter);
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * (i == tiles.size() - 1 ? 1.1 : 1.8));
        big.setBold(true);
        value->setFont(big);
        auto *caption = new QLabel(tiles.at(i).caption, frame);
        caption->setObjectName(u"caption_"_s + QLatin1StringView(tiles.at(i).key));
        caption->setAlignment(Qt::AlignCenter);
        caption->setWordWrap(true);
        caption->setStyleSheet(Palette::resolve(u"color: @muted;"_s));
        column->addWidget(value);
        column->addWidget(caption);
        m_tiles.insert(QLatin1StringView(tiles.at(i).key), value);
        grid->addWidget(frame, i / 5, i % 5);
    }
}

QWidget *DashboardView::buildCharts()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    auto place = [this, grid](Chart which, int row, int column, int span) {
        auto *view = new QChartView(this);
        view->setObjectName(u"chart%1"_s.arg(int(which)));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(ChartHeight);
        view->setChart(newChart({}, this));
        m_charts.insert(int(which), view);
        grid->addWidget(view, row, column, 1, span);
    };
    place(Chart::PerDay, 0, 1, 2);
    place(Chart::ByCategory, 0, 0, 1);
    place(Chart::AgenciesByCount, 1, 2, 1);
    place(Chart::AgenciesBySla, 1, 1, 1);
    place(Chart::ResolutionTimes, 1, 0, 1);
    place(Chart::Satisfaction, 2, 2, 1);
    place(Chart::Provinces, 2, 0, 2);
    scroll->setWidget(page);
    return scroll;
}

QWidget *DashboardView::buildScorecard()
{
    auto *page = new QWidget(this);
    auto *column = new QVBoxLayout(page);
    auto *row = new QHBoxLayout;
    column->addLayout(row);
    auto *label = new QLabel(tr("&Level:"), page);
    m_level = new QComboBox(page);
    m_level->setObjectName(u"scorecardLevel"_s);
    label->setBuddy(m_level);
    m_level->addItem(tr("Agencies"), code(ScorecardLevel::Agency));
    m_level->addItem(tr("Provinces"), code(ScorecardLevel::Province));
    m_level->addItem(tr("Provincial directorates"), code(ScorecardLevel::Directorate));
    m_level->addItem(tr("Offices"), code(ScorecardLevel::Office));
    row->addWidget(label);
    row->addWidget(m_level);
    row->addStretch(1);
    m_formula = new QLabel(tr("Score: %1").arg(Scorecard::formula()), page);
    m_formula->setObjectName(u"scorecardFormula"_s);
    m_formula->setWordWrap(true);
    column->addWidget(m_formula);
    m_scorecardModel = new ScorecardModel(m_catalog, this);
    m_scorecardTable = new QTableView(page);
    m_scorecardTable->setObjectName(u"scorecardTable"_s);
    m_scorecardTable->setModel(m_scorecardModel);
    m_scorecardTable->setItemDelegate(new ScorecardDelegate(m_scorecardTable));
    m_scorecardTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_scorecardTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scorecardTable->setAlternatingRowColors(true);
    m_scorecardTable->verticalHeader()->setVisible(false);
    m_scorecardTable->horizontalHeader()->setSectionResizeMode(ScorecardModel::NameColumn,
                                                               QHeaderView::Stretch);
    column->addWidget(m_scorecardTable, 1);
    connect(m_level, &QComboBox::currentIndexChanged, this, &DashboardView::refresh);
    // A row opens the queue of its complaints, as a bar does.
    connect(m_scorecardTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const ScorecardRow &r = m_scorecardModel->scorecard().rows.at(index.row());
        const ScorecardLevel level = m_scorecardModel->scorecard().level;
        drill(
            [&](ComplaintQuery &q) {
                if (!r.agency.isEmpty() || level == ScorecardLevel::Agency)
                    q.scope.agency = r.agency.isEmpty() ? r.code : r.agency;
                if (level == ScorecardLevel::Province)
                    q.scope.province = r.province.isEmpty() ? r.code : r.province;
                else if (!r.province.isEmpty() && level != ScorecardLevel::Agency)
                    q.scope.province = r.province;
                if (level == ScorecardLevel::Office)
                    q.scope.office = r.code;
            },
            m_scorecardModel->nameOf(r));
    });
    return page;
}

StatsFilter DashboardView::filter() const
{
    StatsFilter f;
    if (const auto from = m_from->date())
        f.from = tehranMidnightUtc(*from);
    if (const auto to = m_to->date())
        f.to = tehranMidnightUtc(to->addDays(1)); // the last day included
    f.province = m_province->currentData().toString();
    f.agency = m_agency->currentData().toString();
    f.office = m_office->currentData().toString();
    f.category = m_category->currentData().toString();
    f.channel = m_channel->currentData().toString();
    return f;
}

ScorecardLevel DashboardView::scorecardLevel() const
{
    return scorecardLevelFromCode(m_level->currentData().toString())
        .value_or(ScorecardLevel::Agency);
}

QChart *DashboardView::chart(Chart which) const
{
    QChartView *view = m_charts.value(int(which));
    return view ? view->chart() : nullptr;
}

void DashboardView::refresh()
{
    m_throttle->stop();
    m_stale = false;
    m_sinceRefresh.start();
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(u"dashboard-stats"_s);
        m_worker = new Worker(m_figuresUrl, m_latest, this);
        m_worker->moveToThread(m_thread);
        connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread->start();
    }
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    m_status->setText(tr("Computing…"));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, generation, f = filter(), level = scorecardLevel()] {
            worker->compute(generation, f, level);
        },
        Qt::QueuedConnection);
}

void DashboardView::refreshSoon()
{
    if (!isVisible()) {
        m_stale = true; // refreshed when shown
        return;
    }
    if (m_throttle->isActive())
        return;
    const qint64 since = m_sinceRefresh.isValid() ? m_sinceRefresh.elapsed() : RefreshThrottleMs;
    m_throttle->start(int(std::max<qint64>(0, RefreshThrottleMs - since)));
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_generation == 0 || m_stale)
        refresh();
}

void DashboardView::answered(const Answer &answer)
{
    if (answer.generation != m_generation)
        return; // a newer request is on its way
    if (answer.error) {
        m_status->setText(tr("The figures could not be computed: %1").arg(answer.error->message));
        m_status->setStyleSheet(Palette::resolve(u"color: @danger;"_s));
        Q_EMIT refreshed();
        return;
    }
    m_status->setStyleSheet({});
    m_lastComputeMs = answer.elapsedMs;
    m_status->setText(
        tr("Updated %1").arg(Jalali::formatDateTime(m_clock.nowUtc(), locale()).section(u' ', 1)));
    m_status->setToolTip(tr("Computed in %1 ms").arg(locale().toString(answer.elapsedMs)));
    showData(answer.data, answer.scorecard);
    Q_EMIT refreshed();
}

void DashboardView::showData(const DashboardData &dashboard, const Scorecard &scorecard)
{
    m_data = dashboard;
    showTiles(dashboard.figures);
    showCharts(dashboard);
    m_scorecardModel->setScorecard(scorecard);
    m_scorecardTable->resizeColumnsToContents();
    m_scorecardTable->horizontalHeader()->setSectionResizeMode(ScorecardModel::NameColumn,
                                                               QHeaderView::Stretch);
}

QString DashboardView::percent(double share, const QLocale &locale)
{
    return locale.toString(share * 100.0, 'f', share * 100 >= 10 || share == 0 ? 0 : 1)
        + locale.percent();
}

QString DashboardView::duration(double seconds, const QLocale &locale)
{
    const qint64 minutes = qRound64(seconds / 60.0);
    return PersianText::localizeDigits(
        u"%1:%2"_s.arg(minutes / 60).arg(minutes % 60, 2, 10, QChar(u'0')), locale);
}

void DashboardView::showTiles(const KeyFigures &f)
{
    const QLocale loc = locale();
    const QString none = tr("—");
    auto share = [&](const std::optional<double> &v) {
        return v ? percent(*v, loc) : none;
    };
    auto time = [&](const std::optional<double> &v) {
        return v ? duration(*v, loc) : none;
    };
    m_tiles.value(u"total"_s)->setText(loc.toString(f.total));
    m_tiles.value(u"open"_s)->setText(loc.toString(f.open));
    m_tiles.value(u"resolved"_s)->setText(loc.toString(f.resolved));
    m_tiles.value(u"withinTarget"_s)->setText(share(f.resolvedWithinTargetShare));
    m_tiles.value(u"average"_s)->setText(time(f.averageResolutionSeconds));
    m_tiles.value(u"median"_s)
        ->setText(time(f.medianResolutionSeconds ? std::optional<double>(*f.medianResolutionSeconds)
                                                 : std::nullopt));
    m_tiles.value(u"founded"_s)->setText(share(f.foundedShare));
    m_tiles.value(u"satisfaction"_s)
        ->setText(f.averageSatisfaction ? loc.toString(*f.averageSatisfaction, 'f', 1) : none);
    m_tiles.value(u"reopen"_s)->setText(share(f.reopenRate));
    QStringList levels;
    for (const auto &[level, count] : f.openByEscalationLevel)
        levels << tr("level %1: %2").arg(loc.toString(level), loc.toString(count));
    m_tiles.value(u"escalation"_s)->setText(levels.isEmpty() ? none : levels.join(u"  "_s));
    // Against the target: red when the average or median is over it.
    const QString target = duration(double(m_data.targetSeconds), loc);
    for (const char *key : { "average", "median" }) {
        QLabel *value = m_tiles.value(QLatin1StringView(key));
        const bool average = qstrcmp(key, "average") == 0;
        const bool over = average
            ? f.averageResolutionSeconds && *f.averageResolutionSeconds > m_data.targetSeconds
            : f.medianResolutionSeconds && *f.medianResolutionSeconds > m_data.targetSeconds;
        value->setStyleSheet(over ? Palette::resolve(u"color: @danger;"_s) : QString());
        value->setToolTip(tr("target %1").arg(target));
        if (auto *caption = findChild<QLabel *>(u"caption_"_s + QLatin1StringView(key)))
            caption->setText(average ? tr("average resolution (target %1)").arg(target)
                                     : tr("median resolution (target %1)").arg(target));
    }
}

void DashboardView::drill(const std::function<void(ComplaintQuery &)> &narrow,
                          const QString &caption)
{
    const StatsFilter f = filter();
    ComplaintQuery q;
    q.scope.province = f.province;
    q.scope.agency = f.agency;
    q.scope.office = f.office;
    q.scope.category = f.category;
    q.scope.channel = f.channel.isEmpty() ? std::nullopt : channelFromCode(f.channel);
    q.scope.receivedFrom = f.from;
    q.scope.receivedTo = f.to;
    narrow(q);
    Q_EMIT drillDown(q, caption);
}

QString DashboardView::nameOf(const QString &kind, const QString &code) const
{
    if (kind == u"province") {
        const Province *p = m_catalog.province(code);
        return p ? localizedName(*p) : code;
    }
    if (kind == u"agency") {
        const Agency *a = m_catalog.agency(code);
        return a ? localizedName(*a) : code;
    }
    const Category *c = m_catalog.category(code);
    return c ? localizedName(*c) : code;
}

void DashboardView::showCharts(const DashboardData &dashboard)
{
    const QLocale loc = locale();
    auto install = [this](Chart which, QChart *chart) {
        QChartView *view = m_charts.value(int(which));
        QChart *old = view->chart();
        QToolTip::hideText(); // a hovered bar of the old chart never says it was left
        view->setChart(chart);
        delete old; // setChart gives up the old one without deleting it
    };
    auto barSet = [](const QString &name, const QList<qreal> &values, Palette::Colour colour) {
        auto *set = new QBarSet(name);
        set->append(values);
        set->setColor(Palette::colour(colour));
        set->setBorderColor(Palette::colour(colour));
        return set;
    };
    const QColor accent = palette().color(QPalette::Highlight);
    const auto fitRows = [this](Chart which, qsizetype rows) {
        m_charts.value(int(which))->setMinimumHeight(heightForRows(rows, fontMetrics()));
    };

    // Complaints per day, the first day rightmost.
    {
        QList<QDate> days;
        QStringList labels, dates;
        QList<qreal> counts;
        for (auto it = dashboard.perDay.crbegin(); it != dashboard.perDay.crend(); ++it) {
            days << it->first;
            labels << shortJalali(it->first, loc);
            dates << Jalali::formatDate(it->first, loc); // with its year, when hovered
            counts << qreal(it->second);
        }
        std::reverse(days.begin(), days.end()); // reversedIndex flips it back
        auto *set = new QBarSet(tr("complaints"));
        set->append(counts);
        set->setColor(accent);
        QChart *chart = verticalBars(tr("Complaints per day"), labels, { set }, this, nullptr,
                                     labels.size() > 14, dates);
        const auto dayAt = reversedIndex(days);
        connect(set, &QBarSet::clicked, this, [this, dayAt](int index) {
            const QDate day = dayAt(index);
            if (!day.isValid())
                return;
            drill(
                [day](ComplaintQuery &q) {
                    const QDateTime from = tehranMidnightUtc(day),
                                    to = tehranMidnightUtc(day.addDays(1));
                    q.scope.receivedFrom =
                        q.scope.receivedFrom ? std::max(*q.scope.receivedFrom, from) : from;
                    q.scope.receivedTo =
                        q.scope.receivedTo ? std::min(*q.scope.receivedTo, to) : to;
                },
                tr("received %1").arg(Jalali::formatDate(day, locale())));
        });
        install(Chart::PerDay, chart);
    }

    // By category: the most frequent on top.
    {
        auto byCategory = dashboard.figures.byCategory;
        std::stable_sort(byCategory.begin(), byCategory.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        QStringList labels, codes;
        QList<qreal> counts;
        for (const auto &[category, count] : byCategory) {
            codes << category;
            labels << nameOf(u"category"_s, category);
            counts << qreal(count);
        }
        // A horizontal series counts from the bottom: index 0 is the last label.
        QList<qreal> bottomUp(counts.crbegin(), counts.crend());
        auto *set = new QBarSet(tr("complaints"));
        set->append(bottomUp);
        set->setColor(accent);
        const auto codeAt = reversedIndex(codes);
        connect(set, &QBarSet::clicked, this, [this, codeAt](int index) {
            const QString category = codeAt(index);
            if (!category.isEmpty())
                drill([category](ComplaintQuery &q) { q.scope.category = category; },
                      nameOf(u"category"_s, category));
        });
        m_categoryCodes = codes;
        install(Chart::ByCategory, horizontalBars(tr("By category"), labels, set, this));
        fitRows(Chart::ByCategory, labels.size());
    }

    // Top agencies by count, and by SLA compliance (of those with resolved complaints).
    {
        QStringList labels, codes;
        QList<qreal> counts;
        for (const GroupFigures &g : dashboard.agencies) {
            if (codes.size() == TopAgencies)
                break;
            codes << g.code;
            labels << nameOf(u"agency"_s, g.code);
            counts << qreal(g.complaints);
        }
        auto *set = new QBarSet(tr("complaints"));
        set->append(QList<qreal>(counts.crbegin(), counts.crend()));
        set->setColor(accent);
        const auto codeAt = reversedIndex(codes);
        connect(set, &QBarSet::clicked, this, [this, codeAt](int index) {
            const QString agency = codeAt(index);
            if (!agency.isEmpty())
                drill([agency](ComplaintQuery &q) { q.scope.agency = agency; },
                      nameOf(u"agency"_s, agency));
        });
        m_agencyCodes = codes;
        install(Chart::AgenciesByCount,
                horizontalBars(tr("Agencies with the most complaints"), labels, set, this));
        fitRows(Chart::AgenciesByCount, labels.size());

        QList<GroupFigures> rated;
        for (const GroupFigures &g : dashboard.agencies) {
            if (g.slaCompliance)
                rated << g;
        }
        std::stable_sort(rated.begin(), rated.end(), [](const auto &a, const auto &b) {
            return *a.slaCompliance > *b.slaCompliance;
        });
        QStringList slaLabels, slaCodes;
        QList<qreal> shares;
        for (const GroupFigures &g : rated) {
            if (slaCodes.size() == TopAgencies)
                break;
            slaCodes << g.code;
            slaLabels << nameOf(u"agency"_s, g.code);
            shares << *g.slaCompliance * 100.0;
        }
        auto *slaSet =
            barSet(tr("resolved within target (%)"), QList<qreal>(shares.crbegin(), shares.crend()),
                   Palette::Colour::Success);
        const auto slaCodeAt = reversedIndex(slaCodes);
        connect(slaSet, &QBarSet::clicked, this, [this, slaCodeAt](int index) {
            const QString agency = slaCodeAt(index);
            if (!agency.isEmpty())
                drill([agency](ComplaintQuery &q) { q.scope.agency = agency; },
                      nameOf(u"agency"_s, agency));
        });
        m_slaAgencyCodes = slaCodes;
        install(Chart::AgenciesBySla,
                horizontalBars(tr("Agencies by share resolved within target (%)"), slaLabels,
                               slaSet, this, 100, loc.percent()));
        fitRows(Chart::AgenciesBySla, slaLabels.size());
    }

    // Resolution times, the shortest rightmost, with the target as a line.
    {
        const qsizetype n = dashboard.resolutionHistogram.size();
        const qint64 bucket = dashboard.resolutionBucketSeconds;
        // Bucket i's span in words, for its tooltip and its drill-down's caption;
        // the last has no upper end.
        const auto spanOf = [this, n, bucket](qsizetype i, const QLocale &here) -> QString {
            const QString from = duration(double(i * bucket), here);
            return i == n - 1
                ? tr("resolved in %1 or more").arg(from)
                : tr("resolved in %1 to %2").arg(from, duration(double((i + 1) * bucket), here));
        };
        QStringList labels, spans;
        QList<qreal> counts;
        for (qsizetype i = n - 1; i >= 0; --i) {
            const QString start = duration(double(i * bucket), loc);
            labels << (i == n - 1 ? tr("%1+").arg(start) : start);
            spans << spanOf(i, loc);
            counts << qreal(dashboard.resolutionHistogram.at(i));
        }
        auto *set = new QBarSet(tr("resolved"));
        set->append(counts);
        set->setColor(accent);
        QValueAxis *y = nullptr;
        QChart *chart = verticalBars(tr("Resolution time (hours:minutes; red line: the %1 target)")
                                         .arg(duration(double(dashboard.targetSeconds), loc)),
                                     labels, { set }, this, &y, n > 12, spans);
        if (n > 0 && bucket > 0) {
            // Bar i (of the reversed order) spans [i − ½, i + ½] on a hidden axis.
            const qreal x = qreal(n) - 0.5 - qreal(dashboard.targetSeconds) / qreal(bucket);
            auto *line = new QLineSeries;
            line->setName(tr("target"));
            line->append(x, 0);
            line->append(x, y->max());
            QPen pen(Palette::colour(Palette::Colour::Danger));
            pen.setWidth(3);
            line->setPen(pen);
            chart->addSeries(line);
            auto *hidden = new QValueAxis;
            hidden->setRange(-0.5, qreal(n) - 0.5);
            hidden->setVisible(false);
            chart->addAxis(hidden, Qt::AlignTop);
            line->attachAxis(hidden);
            line->attachAxis(y);
        }
        // Bar k (from the right) is bucket n − 1 − k; the last has no upper end.
        connect(set, &QBarSet::clicked, this, [this, n, bucket, spanOf](int index) {
            const qsizetype i = n - 1 - index;
            if (i < 0 || i >= n || bucket <= 0)
                return;
            const qint64 from = i * bucket;
            const std::optional<qint64> to =
                i == n - 1 ? std::nullopt : std::optional<qint64>((i + 1) * bucket);
            drill(
                [from, to](ComplaintQuery &q) {
                    q.scope.resolutionFrom = from;
                    q.scope.resolutionTo = to;
                },
                spanOf(i, locale()));
        });
        install(Chart::ResolutionTimes, chart);
    }

    // Satisfaction 1..5, 1 rightmost.
    {
        QStringList labels;
        QList<qreal> counts;
        for (int score = 5; score >= 1; --score) {
            labels << loc.toString(score);
            counts << qreal(dashboard.satisfaction.at(score - 1));
        }
        auto *set = barSet(tr("citizens"), counts, Palette::Colour::Success);
        connect(set, &QBarSet::clicked, this, [this](int index) {
            const int score = 5 - index;
            drill([score](ComplaintQuery &q) { q.scope.satisfaction = score; },
                  tr("satisfaction %1").arg(locale().toString(score)));
        });
        install(Chart::Satisfaction,
                verticalBars(tr("Satisfaction (1–5)"), labels, { set }, this, nullptr, false));
    }

    // Provinces side by side: complaints and those still open.
    {
        QStringList labels, codes;
        QList<qreal> complaints, open;
        for (auto it = dashboard.provinces.crbegin(); it != dashboard.provinces.crend(); ++it) {
            codes << it->code;
            labels << nameOf(u"province"_s, it->code);
            complaints << qreal(it->complaints);
            open << qreal(it->open);
        }
        std::reverse(codes.begin(), codes.end());
        auto *all = new QBarSet(tr("complaints"));
        all->append(complaints);
        all->setColor(accent);
        auto *stillOpen = barSet(tr("open now"), open, Palette::Colour::Caution);
        const auto codeAt = reversedIndex(codes);
        for (QBarSet *set : { all, stillOpen }) {
            const bool openOnly = set == stillOpen;
            connect(set, &QBarSet::clicked, this, [this, codeAt, openOnly](int index) {
                const QString province = codeAt(index);
                if (province.isEmpty())
                    return;
                drill(
                    [province, openOnly](ComplaintQuery &q) {
                        q.scope.province = province;
                        q.scope.openOnly = openOnly;
                    },
                    openOnly ? tr("%1, open").arg(nameOf(u"province"_s, province))
                             : nameOf(u"province"_s, province));
            });
        }
        m_provinceCodes = codes;
        install(Chart::Provinces,
                verticalBars(tr("Provinces"), labels, { all, stillOpen }, this, nullptr, true));
    }
}

} // namespace fouad::ui
