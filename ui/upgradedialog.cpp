#include "upgradedialog.h"

#include "core/clock.h"
#include "messagelabel.h"
#include "storage/database.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

UpgradeDialog::UpgradeDialog(std::shared_ptr<Database> database,
                             DatabaseBackup::PendingUpgrade pending, const Clock &clock,
                             QWidget *parent)
    : QDialog(parent)
    , m_database(std::move(database))
    , m_pending(pending)
{
    setWindowTitle(tr("Upgrade the database"));
    const QLocale locale;
    auto *text = new QLabel(
        tr("This database holds %1 complaints and was made by an earlier version of Fouad "
           "Console (schema %2). This version upgrades it in place to schema %3; each step is "
           "applied whole or not at all. Make a backup first, so the centre can go back to "
           "it if anything is wrong.")
            .arg(locale.toString(m_pending.complaints), locale.toString(m_pending.from),
                 locale.toString(m_pending.to)),
        this);
    text->setWordWrap(true);

    auto *pathLabel = new QLabel(tr("Backup &file:"), this);
    m_path = new QLineEdit(suggestedPath(clock), this);
    m_path->setLayoutDirection(Qt::LeftToRight); // a path reads left to right
    pathLabel->setBuddy(m_path);
    m_browse = new QPushButton(tr("Choose…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy: the backup API says nothing until done
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_message = newMessageLabel(this, MessageKind::Failure);

    auto *buttons = new QDialogButtonBox(this);
    m_backUp = buttons->addButton(tr("&Back up, then upgrade"), QDialogButtonBox::AcceptRole);
    m_skip = buttons->addButton(tr("&Upgrade without a backup"), QDialogButtonBox::DestructiveRole);
    m_quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    m_backUp->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(pathRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(620, sizeHint().height());

    connect(m_browse, &QPushButton::clicked, this, &UpgradeDialog::chooseFile);
    connect(m_backUp, &QPushButton::clicked, this, &UpgradeDialog::startBackup);
    connect(m_skip, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(this, &UpgradeDialog::backupFinished, this, &UpgradeDialog::onBackupFinished);
}

UpgradeDialog::~UpgradeDialog()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

bool UpgradeDialog::needed(const DatabaseUrl &url, std::shared_ptr<Database> *opened,
                           DatabaseBackup::PendingUpgrade *pending)
{
    auto asIs = Database::open(url, Database::Access::ReadWrite, Database::Schema::AsIs);
    if (!asIs || asIs.value()->session().staff)
        return false; // the usual opening says why, or that the owner must upgrade
    auto found = DatabaseBackup::pendingUpgrade(*asIs.value());
    if (!found || !found->offersBackup())
        return false;
    *opened = asIs.value();
    *pending = found.value();
    return true;
}

QString UpgradeDialog::backupPath() const
{
    return m_path->text().trimmed();
}

void UpgradeDialog::setBackupPath(const QString &path)
{
    m_path->setText(path);
}

QString UpgradeDialog::suggestedPath(const Clock &clock) const
{
    // Machine text: Latin digits, UTC, sorted by name as by time.
    const QString stamp = clock.nowUtc().toString(u"yyyyMMdd-HHmm"_s);
    const DatabaseUrl &url = m_database->url();
    if (url.kind == DatabaseUrl::Kind::SQLite) {
        const QFileInfo file(url.path);
        return file.absoluteDir().filePath(u"%1-schema%2-%3.backup.sqlite"_s.arg(
            file.completeBaseName(), QString::number(m_pending.from), stamp));
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(
        u"%1-schema%2-%3.dump"_s.arg(url.database, QString::number(m_pending.from), stamp));
}

void UpgradeDialog::chooseFile()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Backup file"), backupPath());
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void UpgradeDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    for (QWidget *w : { static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_browse),
                        static_cast<QWidget *>(m_backUp), static_cast<QWidget *>(m_skip),
                        static_cast<QWidget *>(m_quit) })
        w->setEnabled(!busy);
}

void UpgradeDialog::startBackup()
{
    const QString path = backupPath();
    if (path.isEmpty()) {
        showMessage(m_message, tr("Give the file the backup is written to."), true);
        m_path->setFocus();
        return;
    }
    if (!QFileInfo(path).absoluteDir().exists()) {
        showMessage(m_message,
                    tr("The folder %1 does not exist: choose another file for the backup.")
                        .arg(QFileInfo(path).absolutePath()),
                    true);
        m_path->setFocus();
        return;
    }
    m_message->hide();
    setBusy(true);
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
    // A backup of a large database takes seconds to minutes: never on this thread.
    m_worker = QThread::create([this, database = m_database, path] {
        auto written = DatabaseBackup::backup(*database, path);
        database->closeConnection(); // this thread's own
        QString error, detail;
        qint64 complaints = 0;
        if (written) {
            complaints = written->counts.complaints();
        } else {
            error = written.error().message;
            detail = written.error().detail;
        }
        // Emitted on the dialog's thread, as its other signals are.
        QMetaObject::invokeMethod(
            this,
            [this, error, detail, complaints] { Q_EMIT backupFinished(error, detail, complaints); },
            Qt::QueuedConnection);
    });
    m_worker->start();
}

void UpgradeDialog::onBackupFinished(const QString &error, const QString &detail, qint64 complaints)
{
    setBusy(false);
    if (!error.isEmpty()) {
        Error e = Error::runtime(error);
        e.detail = detail;
        showError(m_message, e, tr("Not backed up, and nothing changed: %1"));
        return;
    }
    Q_UNUSED(complaints);
    m_writtenTo = backupPath();
    accept();
}

} // namespace fouad::ui
