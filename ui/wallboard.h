#pragma once

#include "core/clock.h"
#include "domain/complaint.h"
#include "domain/referencedata.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;
class QThread;
class QTimer;

namespace fouad {
class Database;
}

namespace fouad::ui {

// For the centre's big screen: full screen, large type. Open, near-breach and
// breached counts, the complaints closest to breach with ticking countdowns, and
// today's average resolution time against the urgent categories' resolution
// target (from the configuration). Figures come from the database every 30
// seconds, read off the GUI thread (a slow or absent server never freezes the
// screen); the countdowns tick every second.
class Wallboard final : public QWidget
{
    Q_OBJECT

public:
    Wallboard(std::shared_ptr<Database> database, const ReferenceCatalog &catalog,
              const Clock &clock, QWidget *parent = nullptr);
    ~Wallboard() override;

    static constexpr int Rows = 10;
    // How long refreshSoon() gathers changes before one refresh.
    static constexpr int RefreshSoonMs = 250;
    // The urgent categories' resolution target (the most common one if they
    // differ), as of the last refresh.
    qint64 targetSecs() const { return m_targetSecs; }

public Q_SLOTS:
    // Reads the figures in the background; they show when the reader answers.
    void refresh();
    // After a change committed somewhere (live updates): one refresh for a burst.
    void refreshSoon();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Figures;
    class Reader;
    static Figures readFigures(Database &database, const QDateTime &now);
    void showFigures(const Figures &figures);
    void readInBackground();
    void answered(const Figures &figures);
    void tick();

    std::shared_ptr<Database> m_database;
    const ReferenceCatalog &m_catalog;
    const Clock &m_clock;
    QLabel *m_open = nullptr;
    QLabel *m_near = nullptr;
    QLabel *m_breached = nullptr;
    QLabel *m_average = nullptr;
    QLabel *m_averageCaption = nullptr;
    qint64 m_targetSecs = 0;
    QLabel *m_error = nullptr;
    QTableWidget *m_urgent = nullptr;
    QList<Complaint> m_rows;
    QTimer *m_refreshSoon = nullptr;
    QThread *m_thread = nullptr; // every read of the figures
    Reader *m_reader = nullptr; // lives on m_thread
    bool m_reading = false; // a read is under way
    bool m_readAgain = false; // and another was asked for meanwhile
};

} // namespace fouad::ui
