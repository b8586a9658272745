#pragma once

#include "core/error.h"
#include "domain/referencedata.h"
#include "domain/user.h"
#include "reportrequest.h"
#include "reportwriter.h"
#include "storage/databaseurl.h"

#include <QPointer>
#include <QPrintPreviewDialog>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QProgressBar;
class QPushButton;
class QThread;

namespace fouad {
class Clock;
struct ReportData;
} // namespace fouad

namespace fouad::ui {

class JalaliDateEdit;

// The management reports in the console (issue 10), for those who may review
// the figures: a Jalali period, a province and an agency, the format (PDF,
// Excel, CSV), personal data if the signed-in person may include it, and the
// file to write. The export runs the reports library (ReportExporter, the
// same as `fouadctl report`) on a thread of its own with its own read-only
// connection to figuresUrl (the reports database, else the main one): a
// progress bar and Cancel while it runs, and a cancelled or failed export
// leaves no file. Print preview paints the PDF's pages (ReportPainter) in
// QPrintPreviewDialog.
class ReportsPage final : public QWidget
{
    Q_OBJECT

public:
    ReportsPage(DatabaseUrl figuresUrl, const ReferenceCatalog &catalog, const Clock &clock,
                User user, QWidget *parent = nullptr);
    ~ReportsPage() override;

    const DatabaseUrl &figuresUrl() const { return m_figuresUrl; }
    // What the form asks for as it stands (dates as chosen, not checked).
    ReportRequest request() const;
    // "report-1405-08-01-1405-08-30.csv": the Jalali period in the name, Latin digits.
    QString defaultFileName() const;
    bool isBusy() const { return m_busy; }
    // What the page says now: the export's outcome, or what to correct.
    QLabel *messageLabel() const { return m_message; }
    // The preview open now, if any.
    QPrintPreviewDialog *previewDialog() const { return m_preview; }

public Q_SLOTS:
    // Checks the form (a Persian message naming what is wrong, nothing
    // started) and starts the export in the background.
    void exportReport();
    // Stops the export running: it writes nothing.
    void cancelExport();
    // Reads the figures in the background, then shows the PDF's pages.
    void printPreview();
    // The output file, from a file dialog.
    void chooseOutput();

Q_SIGNALS:
    // After an export succeeded, failed or was cancelled (the message shows which).
    void exportFinished(bool succeeded);
    // When the preview is open, or could not be prepared (the message says why).
    void previewFinished(bool shown);

private:
    class Worker;
    struct Finished;

    std::optional<ReportRequest> checkedRequest(bool forExport);
    void startWorker();
    void setBusy(bool busy, bool exporting);
    void showProgress(quint64 job, qint64 done, qint64 total);
    void exported(const Finished &finished);
    void previewLoaded(quint64 job, const std::shared_ptr<ReportData> &figures,
                       const std::optional<Error> &error);
    void updateDefaultOutput();
    void fail(const QString &message, QWidget *field = nullptr);
    QString explain(const Error &error, const QString &path) const;

    DatabaseUrl m_figuresUrl;
    ReferenceCatalog m_catalog;
    const Clock &m_clock;
    User m_user;

    JalaliDateEdit *m_from = nullptr;
    JalaliDateEdit *m_to = nullptr;
    QComboBox *m_province = nullptr;
    QComboBox *m_agency = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_personal = nullptr;
    QLineEdit *m_output = nullptr;
    QPushButton *m_choose = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_previewButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QString m_lastDefault; // the output path last filled in by the page itself

    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr; // lives on m_thread
    quint64 m_job = 0; // the job running now (answers of another are ignored)
    bool m_busy = false;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;

    std::shared_ptr<ReportData> m_previewData;
    std::unique_ptr<QPrinter> m_printer;
    QPointer<QPrintPreviewDialog> m_preview;
};

} // namespace fouad::ui
