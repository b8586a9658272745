#pragma once

#include "storage/backup.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QThread;

namespace fouad {
class Clock;
class Database;
} // namespace fouad

namespace fouad::ui {

// Before the console migrates a database that holds complaints (issue 11): it
// says what will happen and offers a backup first, written on a worker thread
// while this dialog shows that it is busy. Accepted: go on and upgrade (backed
// up, or knowingly not); rejected: quit, the database untouched.
class UpgradeDialog final : public QDialog
{
    Q_OBJECT

public:
    UpgradeDialog(std::shared_ptr<Database> database, DatabaseBackup::PendingUpgrade pending,
                  const Clock &clock, QWidget *parent = nullptr);
    ~UpgradeDialog() override;

    // The file the backup goes to (a suggestion beside the data, editable).
    QString backupPath() const;
    void setBackupPath(const QString &path);
    // What the last backup wrote; empty before one succeeded.
    const QString &writtenTo() const { return m_writtenTo; }

    QPushButton *backUpButton() const { return m_backUp; }
    QPushButton *skipButton() const { return m_skip; }
    QLabel *messageLabel() const { return m_message; }

    // Whether the database must be offered this dialog before it is migrated:
    // an earlier schema with complaints, opened by its owner (a staff login
    // never migrates). The database is opened as it is, never migrated here.
    static bool needed(const DatabaseUrl &url, std::shared_ptr<Database> *opened,
                       DatabaseBackup::PendingUpgrade *pending);

Q_SIGNALS:
    // The worker's answer, back on the GUI thread.
    void backupFinished(const QString &error, const QString &detail, qint64 complaints);

private:
    void startBackup();
    void chooseFile();
    void onBackupFinished(const QString &error, const QString &detail, qint64 complaints);
    void setBusy(bool busy);
    QString suggestedPath(const Clock &clock) const;

    std::shared_ptr<Database> m_database;
    DatabaseBackup::PendingUpgrade m_pending;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_backUp = nullptr;
    QPushButton *m_skip = nullptr;
    QPushButton *m_quit = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QThread *m_worker = nullptr;
    QString m_writtenTo;
};

} // namespace fouad::ui
