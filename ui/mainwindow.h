#pragma once

#include "domain/referencedata.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace fouad {
class Clock;
class Database;
class IntakeService;
}

namespace fouad::ui {

class IntakeForm;
class QueueView;

// The console's main window: the intake form beside the queue, the database in
// the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(std::shared_ptr<Database> database, ReferenceCatalog catalog, const Clock &clock,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    IntakeForm *intakeForm() const { return m_intake; }
    QueueView *queueView() const { return m_queue; }

    static QSize defaultSize() { return { 1366, 768 }; }

private:
    void buildMenus();
    void showSettings();
    void showAbout();

    std::shared_ptr<Database> m_database;
    ReferenceCatalog m_catalog;
    std::unique_ptr<IntakeService> m_intakeService;
    IntakeForm *m_intake = nullptr;
    QueueView *m_queue = nullptr;
    QLabel *m_databaseLabel = nullptr;
};

} // namespace fouad::ui
