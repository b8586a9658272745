#include "reportspage.h"

#include "core/clock.h"
#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/workflow.h"
#include "jalalidateedit.h"
#include "messagelabel.h"
#include "reportdata.h"
#include "reportexporter.h"
#include "reportpainter.h"
#include "storage/database.h"

#include <QCalendar>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPageLayout>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

// "1405-08-01": a Jalali day in a file name, Latin digits.
QString fileDay(QDate day)
{
    const auto parts = QCalendar(QCalendar::System::Jalali).partsFromDate(day);
    return u"%1-%2-%3"_s.arg(parts.year, 4, 10, QChar(u'0'))
        .arg(parts.month, 2, 10, QChar(u'0'))
        .arg(parts.day, 2, 10, QChar(u'0'));
}

QString outputFolder()
{
    // Documents, if this account has that folder.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

} // namespace

// What the worker hands back when an export ends.
struct ReportsPage::Finished
{
    quint64 job = 0;
    QString path;
    std::optional<ReportOutcome> outcome;
    std::optional<Error> error;
    bool cancelled = false;
};

// Every export and preview reads here, off the GUI thread, on this thread's own
// read-only connection (opened on first use, closed with the thread).
class ReportsPage::Worker final : public QObject
{
public:
    Worker(DatabaseUrl url, ReportsPage *page)
        : m_url(std::move(url))
        , m_page(page)
    {
    }

    void exportReport(quint64 job, const ReportRequest &request, const User &user,
                      const QDateTime &now, std::shared_ptr<std::atomic_bool> cancel)
    {
        Finished finished;
        finished.job = job;
        finished.path = request.outputPath;
        if (cancel->load()) {
            finished.cancelled = true;
        } else if (auto db = database(); !db) {
            finished.error = db.error();
        } else {
            ExportControl control;
            control.cancel = cancel.get();
            control.progress = [page = m_page, job](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    page, [page, job, done, total] { page->showProgress(job, done, total); },
                    Qt::QueuedConnection);
            };
            auto outcome = ReportExporter(*db.value()).run(request, user, now, control);
            if (outcome)
                finished.outcome = outcome.value();
            else if (ReportWriter::isCancelled(outcome.error()))
                finished.cancelled = true;
            else
                finished.error = outcome.error();
        }
        QMetaObject::invokeMethod(
            m_page, [page = m_page, finished = std::move(finished)] { page->exported(finished); },
            Qt::QueuedConnection);
    }

    void loadPreview(quint64 job, const ReportRequest &request, const QDateTime &now)
    {
        std::shared_ptr<ReportData> figures;
        std::optional<Error> error;
        if (auto db = database(); !db) {
            error = db.error();
        } else if (auto loaded = ReportData::load(*db.value(), request, now)) {
            figures = std::make_shared<ReportData>(std::move(loaded).value());
        } else {
            error = loaded.error();
        }
        QMetaObject::invokeMethod(
            m_page,
            [page = m_page, job, figures, error] { page->previewLoaded(job, figures, error); },
            Qt::QueuedConnection);
    }

private:
    Result<Database *> database()
    {
        if (!m_database) {
            auto opened = Database::open(m_url, Database::Access::ReadOnly);
            if (!opened)
                return opened.error();
            m_database = opened.value();
        }
        return m_database.get();
    }

    DatabaseUrl m_url;
    ReportsPage *m_page;
    std::shared_ptr<Database> m_database;
};

ReportsPage::ReportsPage(DatabaseUrl figuresUrl, const ReferenceCatalog &catalog,
                         const Clock &clock, User user, QWidget *parent)
    : QWidget(parent)
    , m_figuresUrl(std::move(figuresUrl))
    , m_catalog(catalog)
    , m_clock(clock)
    , m_user(std::move(user))
    , m_cancelFlag(std::make_shared<std::atomic_bool>(false))
{
    setObjectName(u"reportsPage"_s);
    // A form of readable width at the leading (right) edge, not stretched across.
    auto *outer = new QHBoxLayout(this);
    auto *column = new QWidget(this);
    column->setMaximumWidth(860);
    outer->addWidget(column, 1);
    outer->addStretch(1);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Management report"), this);
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    title->setFont(big);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_from = new JalaliDateEdit(this);
    m_from->setObjectName(u"reportsFrom"_s);
    m_to = new JalaliDateEdit(this);
    m_to->setObjectName(u"reportsTo"_s);
    // As the dashboard: the last 30 days of Tehran, today included.
    const QDate today = m_clock.nowUtc().toTimeZone(Jalali::tehran()).date();
    m_from->setDate(today.addDays(-29));
    m_to->setDate(today);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);

    m_province = new QComboBox(this);
    m_province->setObjectName(u"reportsProvince"_s);
    m_province->addItem(tr("All provinces"), QString());
    for (const Province &p : m_catalog.provinces())
        m_province->addItem(localizedName(p), p.code);
    form->addRow(tr("Pro&vince:"), m_province);
    m_agency = new QComboBox(this);
    m_agency->setObjectName(u"reportsAgency"_s);
    m_agency->addItem(tr("All agencies"), QString());
    for (const Agency &a : m_catalog.agencies())
        m_agency->addItem(localizedName(a), a.code);
    form->addRow(tr("&Agency:"), m_agency);

    m_format = new QComboBox(this);
    m_format->setObjectName(u"reportsFormat"_s);
    m_format->addItem(tr("PDF (figures, charts and scorecards)"), code(ReportFormat::Pdf));
    m_format->addItem(tr("Excel (figures, scorecards and every complaint)"),
                      code(ReportFormat::Xlsx));
    m_format->addItem(tr("CSV (every complaint)"), code(ReportFormat::Csv));
    form->addRow(tr("F&ormat:"), m_format);

    m_personal =
        new QCheckBox(tr("Include &personal data (names, phone numbers, national IDs)"), this);
    m_personal->setObjectName(u"reportsPersonal"_s);
    // The core decides who may; the others see why it is off.
    const bool mayIncludePersonal = Workflow::mayIncludePersonalData(m_user);
    m_personal->setEnabled(mayIncludePersonal);
    m_personal->setToolTip(
        mayIncludePersonal
            ? tr("Without it, phone numbers are masked and names and national IDs left out.")
            : tr("Only supervisors and administrators may include personal data."));
    form->addRow(QString(), m_personal);

    auto *outputRow = new QHBoxLayout;
    m_output = new QLineEdit(this);
    m_output->setObjectName(u"reportsOutput"_s);
    m_output->setLayoutDirection(Qt::LeftToRight);
    m_output->setMinimumWidth(420);
    m_choose = new QPushButton(tr("C&hoose…"), this);
    m_choose->setObjectName(u"reportsChoose"_s);
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(m_choose);
    auto *outputLabel = new QLabel(tr("&Save as:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, outputRow);

    auto *buttons = new QHBoxLayout;
    m_export = new QPushButton(tr("&Export"), this);
    m_export->setObjectName(u"reportsExport"_s);
    m_export->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel export"), this);
    m_cancel->setObjectName(u"reportsCancel"_s);
    m_previewButton = new QPushButton(tr("Print previe&w…"), this);
    m_previewButton->setObjectName(u"reportsPreview"_s);
    m_previewButton->setToolTip(tr("The PDF report's pages, to read or print"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"reportsProgress"_s);
    m_progress->setTextVisible(true);
    buttons->addWidget(m_export);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_progress, 1);
    layout->addLayout(buttons);

    m_message = newMessageLabel(this, MessageKind::Failure);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    layout->addStretch(1);
    setBusy(false, false);

    updateDefaultOutput();
    connect(m_from, &JalaliDateEdit::dateChanged, this, &ReportsPage::updateDefaultOutput);
    connect(m_to, &JalaliDateEdit::dateChanged, this, &ReportsPage::updateDefaultOutput);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportsPage::updateDefaultOutput);
    connect(m_choose, &QPushButton::clicked, this, &ReportsPage::chooseOutput);
    connect(m_export, &QPushButton::clicked, this, &ReportsPage::exportReport);
    connect(m_cancel, &QPushButton::clicked, this, &ReportsPage::cancelExport);
    connect(m_previewButton, &QPushButton::clicked, this, &ReportsPage::printPreview);
}

ReportsPage::~ReportsPage()
{
    delete m_preview.data(); // before the printer it paints on
    m_cancelFlag->store(true); // a running export stops and leaves no file
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

ReportRequest ReportsPage::request() const
{
    ReportRequest r;
    r.fromDay = m_from->date().value_or(QDate());
    r.toDay = m_to->date().value_or(QDate());
    r.province = m_province->currentData().toString();
    r.agency = m_agency->currentData().toString();
    r.includePersonal = m_personal->isEnabled() && m_personal->isChecked();
    r.format = reportFormatFromCode(m_format->currentData().toString()).value_or(ReportFormat::Pdf);
    const QString path = m_output->text().trimmed();
    r.outputPath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    return r;
}

QString ReportsPage::defaultFileName() const
{
    const ReportRequest r = request();
    // Latin: a Persian word would reorder the digits around it in file names.
    QString name = u"report"_s;
    if (r.fromDay.isValid())
        name += u'-' + fileDay(r.fromDay);
    if (r.toDay.isValid())
        name += u'-' + fileDay(r.toDay);
    return name + u'.' + code(r.format);
}

void ReportsPage::updateDefaultOutput()
{
    // Follows the period and the format until a file is chosen or typed.
    const QString current = m_output->text().trimmed();
    if (!current.isEmpty() && current != m_lastDefault) {
        // A chosen name keeps its folder and stem; only the format's suffix follows.
        const QFileInfo info(current);
        const QString suffix = code(request().format);
        if (reportFormatFromCode(info.suffix().toLower()) && info.suffix().toLower() != suffix)
            m_output->setText(QDir(info.path()).filePath(info.completeBaseName() + u'.' + suffix));
        return;
    }
    m_lastDefault = QDir(outputFolder()).filePath(defaultFileName());
    m_output->setText(m_lastDefault);
}

void ReportsPage::chooseOutput()
{
    const ReportFormat format = request().format;
    QString filter;
    switch (format) {
    case ReportFormat::Pdf:
        filter = tr("PDF documents (*.pdf)");
        break;
    case ReportFormat::Xlsx:
        filter = tr("Excel workbooks (*.xlsx)");
        break;
    case ReportFormat::Csv:
        filter = tr("CSV files (*.csv)");
        break;
    }
    const QString start = m_output->text().trimmed().isEmpty()
        ? QDir(outputFolder()).filePath(defaultFileName())
        : m_output->text().trimmed();
    QString path = QFileDialog::getSaveFileName(this, tr("Save the report as"), start, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + code(format);
    m_output->setText(QDir::toNativeSeparators(path));
}

void ReportsPage::fail(const QString &message, QWidget *field)
{
    showMessage(m_message, message, true);
    if (field)
        field->setFocus();
}

std::optional<ReportRequest> ReportsPage::checkedRequest(bool forExport)
{
    if (!m_from->isAcceptable() || !m_from->date()) {
        fail(tr("Give the period's first day (From), as 1405/09/01."), m_from->lineEdit());
        return std::nullopt;
    }
    if (!m_to->isAcceptable() || !m_to->date()) {
        fail(tr("Give the period's last day (To), as 1405/09/30."), m_to->lineEdit());
        return std::nullopt;
    }
    ReportRequest r = request();
    if (r.fromDay > r.toDay) {
        fail(tr("The period's first day (From) is after its last day (To)."), m_from->lineEdit());
        return std::nullopt;
    }
    if (!forExport)
        return r;
    if (r.outputPath.isEmpty()) {
        fail(tr("Choose the file to save the report in (Save as)."), m_output);
        return std::nullopt;
    }
    const QFileInfo file(r.outputPath);
    if (file.isDir()) {
        fail(tr("%1 is a folder: give the file's name too (Save as).").arg(r.outputPath), m_output);
        return std::nullopt;
    }
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir()) {
        fail(tr("The folder %1 does not exist (Save as).").arg(folder.filePath()), m_output);
        return std::nullopt;
    }
    if (!folder.isWritable()) {
        fail(tr("The folder %1 cannot be written to (Save as).").arg(folder.filePath()), m_output);
        return std::nullopt;
    }
    return r;
}

void ReportsPage::startWorker()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(u"reports-export"_s);
    m_worker = new Worker(m_figuresUrl, this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

void ReportsPage::setBusy(bool busy, bool exporting)
{
    m_busy = busy;
    for (QWidget *w :
         std::initializer_list<QWidget *> { m_from, m_to, m_province, m_agency, m_format, m_output,
                                            m_choose, m_export, m_previewButton })
        w->setEnabled(!busy);
    m_personal->setEnabled(!busy && Workflow::mayIncludePersonalData(m_user));
    m_cancel->setVisible(busy && exporting);
    m_cancel->setEnabled(busy && exporting);
    m_progress->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0); // busy until the first count comes
        m_progress->setValue(0);
    }
}

void ReportsPage::exportReport()
{
    if (m_busy)
        return;
    const auto checked = checkedRequest(true);
    if (!checked)
        return;
    const ReportRequest r = *checked;
    m_message->setVisible(false);
    startWorker();
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    const quint64 job = ++m_job;
    setBusy(true, true);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, r, user = m_user, now = m_clock.nowUtc(), cancel = m_cancelFlag] {
            worker->exportReport(job, r, user, now, cancel);
        },
        Qt::QueuedConnection);
}

void ReportsPage::cancelExport()
{
    if (!m_busy)
        return;
    m_cancelFlag->store(true);
    m_cancel->setEnabled(false);
    showMessage(m_message, tr("Cancelling…"), false);
}

void ReportsPage::showProgress(quint64 job, qint64 done, qint64 total)
{
    if (job != m_job || !m_busy || total <= 0)
        return;
    // QProgressBar counts in int: scaled to thousandths.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
}

QString ReportsPage::explain(const Error &error, const QString &path) const
{
    switch (error.kind) {
    case ErrorKind::Forbidden:
        return error.message; // the core's words, in Persian
    case ErrorKind::InvalidInput:
    case ErrorKind::NotFound:
        if (error.field == u"province")
            return tr("The province chosen is not in the centre's list.");
        if (error.field == u"agency")
            return tr("The agency chosen is not in the centre's list.");
        break;
    case ErrorKind::Runtime:
        // The writers say so in English ("cannot write …"); the database in words.
        if (error.message.startsWith(u"cannot write")
            || (!path.isEmpty() && error.message.contains(path)))
            return tr("The file %1 could not be written; nothing was saved.").arg(path);
        break;
    default:
        break;
    }
    return tr("The report was not made: %1").arg(errorHeadline(error));
}

void ReportsPage::exported(const Finished &finished)
{
    if (finished.job != m_job)
        return;
    setBusy(false, false);
    if (finished.cancelled) {
        showMessage(m_message, tr("The export was cancelled; no file was written."), false);
        Q_EMIT exportFinished(false);
        return;
    }
    if (finished.error) {
        Error shown = *finished.error;
        const QString headline = explain(shown, finished.path);
        // The technical reason beneath, for the administrator.
        if (shown.detail.isEmpty() && shown.message != headline
            && !headline.contains(shown.message))
            shown.detail = shown.message;
        shown.message = headline;
        showError(m_message, shown);
        Q_EMIT exportFinished(false);
        return;
    }
    const ReportOutcome &done = *finished.outcome;
    const QLocale here = locale();
    QString text = done.pages > 0
        ? tr("The report was saved in %1: %2 pages on %3 complaints.")
              .arg(QDir::toNativeSeparators(done.path), here.toString(done.pages),
                   here.toString(done.rows))
        : tr("The report was saved in %1: %2 complaints.")
              .arg(QDir::toNativeSeparators(done.path), here.toString(done.rows));
    showMessage(m_message, text, false);
    m_lastDefault.clear(); // the name written stays until changed
    Q_EMIT exportFinished(true);
}

void ReportsPage::printPreview()
{
    if (m_busy)
        return;
    auto checked = checkedRequest(false);
    if (!checked)
        return;
    ReportRequest r = *checked;
    r.format = ReportFormat::Pdf;
    m_message->setVisible(false);
    startWorker();
    const quint64 job = ++m_job;
    setBusy(true, false);
    showMessage(m_message, tr("Preparing the preview…"), false);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, r, now = m_clock.nowUtc()] { worker->loadPreview(job, r, now); },
        Qt::QueuedConnection);
}

void ReportsPage::previewLoaded(quint64 job, const std::shared_ptr<ReportData> &figures,
                                const std::optional<Error> &error)
{
    if (job != m_job)
        return;
    setBusy(false, false);
    if (error || !figures) {
        Error shown = error.value_or(Error::runtime(QString()));
        shown.message = explain(shown, QString());
        showError(m_message, shown);
        Q_EMIT previewFinished(false);
        return;
    }
    m_message->setVisible(false);
    delete m_preview.data(); // one preview at a time, each on its own figures
    m_previewData = figures;
    m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    // The PDF's page: A4 with no printer margins (the layout keeps its own).
    m_printer->setFullPage(true);
    m_printer->setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    m_printer->setDocName(defaultFileName());
    auto *dialog = new QPrintPreviewDialog(m_printer.get(), this);
    dialog->setObjectName(u"reportsPreviewDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print preview of the report"));
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, [figures](QPrinter *printer) {
        ReportPainter(*figures).paint(
            *printer, [](int) { return true; }, ReportPainter::Text::Outlines);
    });
    m_preview = dialog;
    dialog->resize(900, 1000);
    dialog->open();
    Q_EMIT previewFinished(true);
}

} // namespace fouad::ui
