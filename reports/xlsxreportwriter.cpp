#include "xlsxreportwriter.h"

#include "domain/jalali.h"
#include "storage/reportrowsrepository.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <xlsxwriter.h>

namespace fouad {

namespace {

// The workbook, closed (and so freed) on every path; a workbook not completed
// is removed with its temporary file.
class Workbook final
{
public:
    explicit Workbook(const QString &path)
        : m_path(path)
    {
        lxw_workbook_options options {};
        options.constant_memory = LXW_TRUE;
        m_book = workbook_new_opt(QFile::encodeName(path).constData(), &options);
    }
    ~Workbook()
    {
        if (m_book)
            workbook_close(m_book);
        if (!m_done)
            QFile::remove(m_path);
    }
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;

    lxw_workbook *get() const { return m_book; }
    bool close()
    {
        const lxw_error error = workbook_close(m_book);
        m_book = nullptr;
        return error == LXW_NO_ERROR;
    }
    void keep() { m_done = true; }

private:
    QString m_path;
    lxw_workbook *m_book = nullptr;
    bool m_done = false;
};

lxw_worksheet *sheet(lxw_workbook *book, const QString &name)
{
    lxw_worksheet *s = workbook_add_worksheet(book, name.toUtf8().constData());
    worksheet_right_to_left(s);
    return s;
}

void text(lxw_worksheet *s, lxw_row_t row, lxw_col_t col, const QString &value,
          lxw_format *format = nullptr)
{
    if (!value.isEmpty())
        worksheet_write_string(s, row, col, value.toUtf8().constData(), format);
}

void number(lxw_worksheet *s, lxw_row_t row, lxw_col_t col, const std::optional<double> &value,
            lxw_format *format = nullptr)
{
    if (value)
        worksheet_write_number(s, row, col, *value, format);
}

// Excel's dates have no zone: the Tehran wall time people read.
void dateCell(lxw_worksheet *s, lxw_row_t row, lxw_col_t col, const QDateTime &utc,
              lxw_format *format)
{
    if (!utc.isValid())
        return;
    const QDateTime t = utc.toTimeZone(Jalali::tehran());
    lxw_datetime dt { t.date().year(), t.date().month(),  t.date().day(),
                      t.time().hour(), t.time().minute(), double(t.time().second()) };
    worksheet_write_datetime(s, row, col, &dt, format);
}

void writeFigures(lxw_workbook *book, lxw_format *bold, lxw_format *percent, const ReportData &data)
{
    lxw_worksheet *s = sheet(book, reportText(QT_TRANSLATE_NOOP("Reports", "Key figures")));
    worksheet_set_column(s, 0, 0, 36, nullptr);
    worksheet_set_column(s, 1, 1, 18, nullptr);
    const QLocale latin = QLocale::c();
    lxw_row_t row = 0;
    text(s, row, 0, reportText(QT_TRANSLATE_NOOP("Reports", "Figure")), bold);
    text(s, row, 1, reportText(QT_TRANSLATE_NOOP("Reports", "Value")), bold);
    text(s, ++row, 0, reportText(QT_TRANSLATE_NOOP("Reports", "From")));
    text(s, row, 1, Jalali::formatDate(data.request.fromDay, latin));
    text(s, ++row, 0, reportText(QT_TRANSLATE_NOOP("Reports", "To")));
    text(s, row, 1, Jalali::formatDate(data.request.toDay, latin));
    for (const FigureLine &line : figureLines(data.dashboard.figures)) {
        text(s, ++row, 0, line.label);
        std::optional<double> v = line.value;
        if (v && line.kind == FigureLine::Kind::Duration)
            v = *v / 3600.0; // hours read better than seconds
        if (line.kind == FigureLine::Kind::Duration)
            text(s, row, 0, line.label + reportText(QT_TRANSLATE_NOOP("Reports", " (hours)")));
        number(s, row, 1, v, line.kind == FigureLine::Kind::Share ? percent : nullptr);
    }
}

void writeScorecard(lxw_worksheet *s, lxw_row_t &row, lxw_format *bold, lxw_format *percent,
                    const Scorecard &card, const ReportData &data)
{
    const bool directorate = card.level == ScorecardLevel::Directorate;
    const char *const titles[] = {
        QT_TRANSLATE_NOOP("Reports", "Rank"),
        QT_TRANSLATE_NOOP("Reports", "Agency"),
        QT_TRANSLATE_NOOP("Reports", "Province"),
        QT_TRANSLATE_NOOP("Reports", "Complaints"),
        QT_TRANSLATE_NOOP("Reports", "Founded share"),
        QT_TRANSLATE_NOOP("Reports", "SLA compliance"),
        QT_TRANSLATE_NOOP("Reports", "Average resolution (hours)"),
        QT_TRANSLATE_NOOP("Reports", "Reopen rate"),
        QT_TRANSLATE_NOOP("Reports", "Average satisfaction"),
        QT_TRANSLATE_NOOP("Reports", "Score"),
    };
    lxw_col_t col = 0;
    for (const char *title : titles)
        text(s, row, col++, reportText(title), bold);
    for (const ScorecardRow &r : card.rows) {
        ++row;
        number(s, row, 0, r.rank ? std::optional<double>(*r.rank) : std::nullopt);
        text(s, row, 1, data.agencyName(directorate ? r.agency : r.code));
        text(s, row, 2, directorate ? data.provinceName(r.province) : QString());
        number(s, row, 3, double(r.complaints));
        number(s, row, 4, r.foundedShare, percent);
        number(s, row, 5, r.slaCompliance, percent);
        number(s, row, 6,
               r.averageResolutionSeconds
                   ? std::optional<double>(*r.averageResolutionSeconds / 3600.0)
                   : std::nullopt);
        number(s, row, 7, r.reopenRate, percent);
        number(s, row, 8, r.averageSatisfaction);
        number(s, row, 9, r.score);
    }
}

} // namespace

Result<ReportOutcome> XlsxReportWriter::write(Database &db, const ReportData &data,
                                              const ExportControl &control)
{
    const QString target = data.request.outputPath;
    const QFileInfo info(target);
    // Beside the target (same file system, so the rename is atomic).
    const QString partial = info.absolutePath() + u"/." + info.fileName() + u'.'
        + QUuid::createUuid().toString(QUuid::WithoutBraces) + u".part";
    Workbook book(partial);
    if (!book.get())
        return Error::runtime(QStringLiteral("cannot write %1").arg(target));
    lxw_format *bold = workbook_add_format(book.get());
    format_set_bold(bold);
    lxw_format *percent = workbook_add_format(book.get());
    format_set_num_format(percent, "0.0%");
    lxw_format *date = workbook_add_format(book.get());
    format_set_num_format(date, "yyyy-mm-dd hh:mm");

    writeFigures(book.get(), bold, percent, data);

    lxw_worksheet *cards = sheet(book.get(), reportText(QT_TRANSLATE_NOOP("Reports", "Scorecard")));
    worksheet_set_column(cards, 0, 9, 14, nullptr);
    worksheet_set_column(cards, 1, 1, 30, nullptr);
    lxw_row_t cardRow = 0;
    writeScorecard(cards, cardRow, bold, percent, data.dashboard.scorecard, data);
    cardRow += 2; // a blank row between the two tables
    writeScorecard(cards, cardRow, bold, percent, data.directorates, data);

    // The complaints: one header row, then one row per complaint. The times
    // get a real date cell after the text ones (the last columns).
    const bool personal = data.request.includePersonal;
    lxw_worksheet *list = sheet(book.get(), reportText(QT_TRANSLATE_NOOP("Reports", "Complaints")));
    const QStringList header = ReportColumns::persianHeader(personal);
    const lxw_col_t receivedDate = lxw_col_t(header.size());
    const lxw_col_t resolvedDate = receivedDate + 1;
    for (qsizetype i = 0; i < header.size(); ++i)
        text(list, 0, lxw_col_t(i), header.at(i), bold);
    text(list, 0, receivedDate, reportText(QT_TRANSLATE_NOOP("Reports", "Received (date)")), bold);
    text(list, 0, resolvedDate, reportText(QT_TRANSLATE_NOOP("Reports", "Resolved (date)")), bold);
    worksheet_set_column(list, receivedDate, resolvedDate, 17, nullptr);

    auto written = eachRow(db, data, control, [&](const ReportRow &row, qint64 index) {
        const lxw_row_t at = lxw_row_t(index + 1);
        const QStringList cells = ReportColumns::cells(row, personal);
        for (qsizetype i = 0; i < cells.size(); ++i)
            text(list, at, lxw_col_t(i), cells.at(i));
        dateCell(list, at, receivedDate, row.receivedAt, date);
        dateCell(list, at, resolvedDate, row.resolvedAt, date);
    });
    if (!written)
        return written.error();
    if (!book.close())
        return Error::runtime(QStringLiteral("cannot write %1").arg(target));
    QFile::remove(target);
    if (!QFile::rename(partial, target))
        return Error::runtime(QStringLiteral("cannot write %1").arg(target));
    book.keep();
    control.report(*written, data.dashboard.figures.total);
    return ReportOutcome { *written, 0, target };
}

} // namespace fouad
