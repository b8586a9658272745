#pragma once

#include "domain/referencedata.h"
#include "stats/dashboarddata.h"
#include "storage/complaintquery.h"
#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QGridLayout;
class QLabel;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;

class QChart;
class QChartView;

namespace fouad {
class Clock;
class Database;
} // namespace fouad

namespace fouad::ui {

class JalaliDateEdit;
class ScorecardModel;

// The supervisors' dashboard (issue 10): filters (a Jalali period, province,
// agency, office, category, channel), the key figures, the charts and the
// scorecards, all from StatsService on a thread of its own with its own
// connection (the GUI thread never waits on SQL). A newer request supersedes
// an older one; live changes refresh it at most every RefreshThrottleMs.
// Clicking a bar asks for the queue filtered to it (drillDown).
class DashboardView final : public QWidget
{
    Q_OBJECT

public:
    DashboardView(std::shared_ptr<Database> database, const ReferenceCatalog &catalog,
                  const Clock &clock, QWidget *parent = nullptr);
    ~DashboardView() override;

    enum class Chart {
        PerDay,
        ByCategory,
        AgenciesByCount,
        AgenciesBySla,
        ResolutionTimes,
        Satisfaction,
        Provinces,
    };
    static constexpr int RefreshThrottleMs = 5000;
    static constexpr int TopAgencies = 10;

    // Where the figures are read from, read-only (Database::Access::ReadOnly):
    // the reports database of the settings (a streaming replica), else the
    // main database's URL. Set before the first refresh; a later call makes
    // the next refresh use a new connection.
    void setFiguresUrl(const DatabaseUrl &url);
    const DatabaseUrl &figuresUrl() const { return m_figuresUrl; }

    // What the filters select now (invalid dates are ignored).
    StatsFilter filter() const;
    ScorecardLevel scorecardLevel() const;
    QChart *chart(Chart which) const;
    // The figures shown, and how long the last computation took.
    const DashboardData &shown() const { return m_data; }
    qint64 lastComputeMs() const { return m_lastComputeMs; }
    ScorecardModel *scorecardModel() const { return m_scorecardModel; }
    // Shows these figures (what an answer of the worker does).
    void showData(const DashboardData &data, const Scorecard &scorecard);

    // For people: "۴۲٫۵٪", "۲:۳۰" (hours:minutes), "—" for nothing.
    static QString percent(double share, const QLocale &locale);
    static QString duration(double seconds, const QLocale &locale);

public Q_SLOTS:
    // Computes now, in the background.
    void refresh();
    // After a change committed somewhere: one refresh, at most every RefreshThrottleMs.
    void refreshSoon();

Q_SIGNALS:
    // The queue filtered to a bar (or tile): the filter's scope and the bar's.
    void drillDown(const fouad::ComplaintQuery &scope, const QString &caption);
    // After an answer was shown (or its failure).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    class Worker;
    struct Answer;

    void stopWorker();
    void buildFilters(QGridLayout *bar);
    void buildTiles(QGridLayout *grid);
    QWidget *buildCharts();
    QWidget *buildScorecard();
    void fillOffices();
    void answered(const Answer &answer);
    void showTiles(const KeyFigures &figures);
    void showCharts(const DashboardData &data);
    // Drill-down: the filter's scope narrowed by `narrow`.
    void drill(const std::function<void(ComplaintQuery &)> &narrow, const QString &caption);
    QString nameOf(const QString &kind, const QString &code) const;

    std::shared_ptr<Database> m_database;
    DatabaseUrl m_figuresUrl;
    ReferenceCatalog m_catalog;
    const Clock &m_clock;
    JalaliDateEdit *m_from = nullptr;
    JalaliDateEdit *m_to = nullptr;
    QComboBox *m_province = nullptr;
    QComboBox *m_agency = nullptr;
    QComboBox *m_office = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_level = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, QLabel *> m_tiles;
    QHash<int, QChartView *> m_charts;
    QTabWidget *m_tabs = nullptr;
    ScorecardModel *m_scorecardModel = nullptr;
    QTableView *m_scorecardTable = nullptr;
    QLabel *m_formula = nullptr;
    DashboardData m_data;
    // What each chart's bar index stands for (codes, days), as last drawn.
    QStringList m_categoryCodes, m_agencyCodes, m_slaAgencyCodes, m_provinceCodes;
    QList<QDate> m_days;

    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr; // lives on m_thread
    std::shared_ptr<std::atomic<quint64>> m_latest; // the newest generation asked for
    quint64 m_generation = 0;
    qint64 m_lastComputeMs = -1;
    QTimer *m_throttle = nullptr;
    QElapsedTimer m_sinceRefresh;
    bool m_stale = false; // a change was heard while hidden
};

} // namespace fouad::ui
