#include "reportpainter.h"

#include "domain/jalali.h"

#include <QFontDatabase>
#include <QGlyphRun>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QRawFont>
#include <QTextLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

// The page in points (A4), painted through a window of these logical units:
// fonts are sized in pixels of the same units, so they scale with the device.
constexpr qreal PageWidth = 595;
constexpr qreal PageHeight = 842;
constexpr qreal Margin = 40;
constexpr qreal Right = PageWidth - Margin;
constexpr qreal Width = PageWidth - 2 * Margin;

QLocale persian()
{
    QLocale l(QLocale::Persian, QLocale::Iran);
    l.setNumberOptions(QLocale::OmitGroupSeparator);
    return l;
}

class Pages final
{
public:
    Pages(QPagedPaintDevice &device, const std::function<bool(int)> &page,
          ReportPainter::Text textAs)
        : m_device(device)
        , m_page(page)
        , m_painter(&device)
        , m_outlines(textAs == ReportPainter::Text::Outlines)
    {
        setUp();
    }

    QPainter &p() { return m_painter; }
    qreal y = Margin;

    QFont font(int pixels, bool bold = false) const
    {
        QFont f(ReportPainter::fontFamily());
        f.setPixelSize(pixels);
        f.setBold(bold);
        return f;
    }

    // Right-aligned, right-to-left text in a box. The alignment is visual
    // (AlignAbsolute): with a right-to-left direction Qt would otherwise mirror
    // AlignRight to the left edge.
    void text(const QRectF &box, const QString &s, int pixels, bool bold = false,
              Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter)
    {
        m_painter.setFont(font(pixels, bold));
        QTextOption option(align | Qt::AlignAbsolute);
        option.setTextDirection(Qt::RightToLeft);
        option.setWrapMode(QTextOption::WordWrap);
        if (m_outlines)
            outlines(box, s, option);
        else
            m_painter.drawText(box, s, option);
    }
    // The same text laid out here and filled as the glyphs' outlines: a print
    // preview records text to lay it out again when it shows the page, and
    // then loses its right-to-left direction (spaces beside digits and
    // brackets land on the wrong side).
    void outlines(const QRectF &box, const QString &s, const QTextOption &option)
    {
        QTextOption wrapped = option;
        wrapped.setAlignment(option.alignment() & Qt::AlignHorizontal_Mask);
        QTextLayout layout(s, m_painter.font(), m_painter.device());
        layout.setTextOption(wrapped);
        layout.beginLayout();
        qreal height = 0;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(box.width());
            line.setPosition(QPointF(0, height));
            height += line.height();
        }
        layout.endLayout();
        qreal top = box.top();
        if (option.alignment() & Qt::AlignVCenter)
            top += (box.height() - height) / 2;
        else if (option.alignment() & Qt::AlignBottom)
            top += box.height() - height;
        QPainterPath path;
        for (const QGlyphRun &run : layout.glyphRuns()) {
            const QRawFont raw = run.rawFont();
            const QList<quint32> glyphs = run.glyphIndexes();
            const QList<QPointF> at = run.positions();
            for (qsizetype i = 0; i < glyphs.size(); ++i)
                path.addPath(raw.pathForGlyph(glyphs.at(i)).translated(at.at(i)));
        }
        m_painter.fillPath(path.translated(box.left(), top), m_painter.pen().color());
    }
    void line(const QString &s, int pixels, bool bold = false)
    {
        text(QRectF(Margin, y, Width, pixels * 1.8), s, pixels, bold);
        y += pixels * 1.8;
    }
    void need(qreal height)
    {
        if (y + height > PageHeight - Margin - 20)
            newPage();
    }
    bool newPage()
    {
        footer();
        if (!m_page(m_number))
            return m_stopped = true, false;
        m_device.newPage();
        ++m_number;
        setUp();
        y = Margin;
        return true;
    }
    std::optional<int> finish()
    {
        if (m_stopped)
            return std::nullopt;
        footer();
        m_painter.end();
        if (!m_page(m_number))
            return std::nullopt;
        return m_number;
    }
    bool stopped() const { return m_stopped; }

private:
    void setUp()
    {
        // Keep A4's proportions inside whatever the device's page is.
        const qreal scale = std::min(m_device.width() / PageWidth, m_device.height() / PageHeight);
        m_painter.setViewport(0, 0, int(PageWidth * scale), int(PageHeight * scale));
        m_painter.setWindow(0, 0, int(PageWidth), int(PageHeight));
        m_painter.setRenderHint(QPainter::Antialiasing);
    }
    void footer()
    {
        text(QRectF(Margin, PageHeight - Margin, Width, 16),
             reportText(QT_TRANSLATE_NOOP("Reports", "Page %1")).arg(persian().toString(m_number)),
             9, false, Qt::AlignHCenter | Qt::AlignVCenter);
    }

    QPagedPaintDevice &m_device;
    const std::function<bool(int)> &m_page;
    QPainter m_painter;
    int m_number = 1;
    bool m_stopped = false;
    bool m_outlines = false;
};

QString percentOrDash(const std::optional<double> &v)
{
    return v ? persian().toString(*v * 100.0, 'f', 1) + persian().percent() : u"-"_s;
}

QString numberOrDash(const std::optional<double> &v, int decimals)
{
    return v ? persian().toString(*v, 'f', decimals) : u"-"_s;
}

// A table of right-to-left columns: widths as shares of the text width.
void table(Pages &pages, const QStringList &header, const QList<qreal> &widths,
           const QList<QStringList> &rows)
{
    const qreal rowHeight = 16;
    auto drawRow = [&](const QStringList &cells, bool bold) {
        qreal x = Right;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const qreal w = widths.at(i) * Width;
            pages.text(QRectF(x - w, pages.y, w - 3, rowHeight), cells.at(i), 8, bold);
            x -= w;
        }
        pages.p().setPen(QPen(Qt::lightGray, 0.5));
        pages.p().drawLine(QPointF(Margin, pages.y + rowHeight),
                           QPointF(Right, pages.y + rowHeight));
        pages.p().setPen(Qt::black);
        pages.y += rowHeight;
    };
    pages.need(rowHeight * 2);
    drawRow(header, true);
    for (const QStringList &r : rows) {
        if (pages.stopped())
            return;
        if (pages.y + rowHeight > PageHeight - Margin - 20) {
            if (!pages.newPage())
                return;
            drawRow(header, true);
        }
        drawRow(r, false);
    }
}

void scorecardTable(Pages &pages, const ReportData &data, const Scorecard &card)
{
    const bool directorate = card.level == ScorecardLevel::Directorate;
    const QLocale fa = persian();
    QList<QStringList> rows;
    for (const ScorecardRow &r : card.rows) {
        QString name = data.agencyName(directorate ? r.agency : r.code);
        if (directorate)
            name += u" — "_s + data.provinceName(r.province);
        rows << QStringList { r.rank ? fa.toString(*r.rank) : u"-"_s,
                              name,
                              fa.toString(r.complaints),
                              percentOrDash(r.foundedShare),
                              percentOrDash(r.slaCompliance),
                              r.averageResolutionSeconds
                                  ? numberOrDash(*r.averageResolutionSeconds / 3600.0, 1)
                                  : u"-"_s,
                              percentOrDash(r.reopenRate),
                              numberOrDash(r.averageSatisfaction, 2),
                              numberOrDash(r.score, 1) };
    }
    table(pages,
          { reportText(QT_TRANSLATE_NOOP("Reports", "Rank")),
            reportText(directorate ? QT_TRANSLATE_NOOP("Reports", "Directorate")
                                   : QT_TRANSLATE_NOOP("Reports", "Agency")),
            reportText(QT_TRANSLATE_NOOP("Reports", "Complaints")),
            reportText(QT_TRANSLATE_NOOP("Reports", "Founded share")),
            reportText(QT_TRANSLATE_NOOP("Reports", "SLA compliance")),
            reportText(QT_TRANSLATE_NOOP("Reports", "Average resolution (hours)")),
            reportText(QT_TRANSLATE_NOOP("Reports", "Reopen rate")),
            reportText(QT_TRANSLATE_NOOP("Reports", "Average satisfaction")),
            reportText(QT_TRANSLATE_NOOP("Reports", "Score")) },
          { 0.06, 0.30, 0.08, 0.09, 0.09, 0.11, 0.09, 0.09, 0.09 }, rows);
}

// Horizontal bars growing leftwards from the right edge (right to left).
void agencyBars(Pages &pages, const ReportData &data)
{
    const QLocale fa = persian();
    QList<GroupFigures> top = data.dashboard.agencies.mid(0, 15);
    qint64 most = 1;
    for (const auto &a : top)
        most = std::max(most, a.complaints);
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Complaints per agency")), 13, true);
    const qreal labelWidth = 150, barHeight = 14, barSpace = Width - labelWidth - 40;
    for (const auto &a : top) {
        pages.text(QRectF(Right - labelWidth, pages.y, labelWidth - 4, barHeight),
                   data.agencyName(a.code), 8);
        const qreal w = barSpace * qreal(a.complaints) / qreal(most);
        const QRectF bar(Right - labelWidth - w, pages.y + 2, w, barHeight - 4);
        pages.p().fillRect(bar, QColor(0x2b, 0x6c, 0xb0));
        pages.text(QRectF(bar.left() - 40, pages.y, 38, barHeight), fa.toString(a.complaints), 8);
        pages.y += barHeight + 2;
    }
    pages.y += 16;
}

// Complaints per day, the first day on the right (time runs right to left).
void perDayLine(Pages &pages, const ReportData &data)
{
    const auto &days = data.dashboard.perDay;
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Complaints per day")), 13, true);
    if (days.isEmpty())
        return;
    const QLocale fa = persian();
    qint64 most = 1;
    for (const auto &d : days)
        most = std::max(most, d.second);
    const QRectF area(Margin + 30, pages.y, Width - 30, 180);
    pages.p().setPen(QPen(Qt::gray, 0.5));
    pages.p().drawRect(area);
    QPainterPath path;
    const qreal step = days.size() > 1 ? area.width() / qreal(days.size() - 1) : 0;
    for (qsizetype i = 0; i < days.size(); ++i) {
        const QPointF pt(area.right() - step * qreal(i),
                         area.bottom() - area.height() * qreal(days.at(i).second) / qreal(most));
        i == 0 ? path.moveTo(pt) : path.lineTo(pt);
    }
    pages.p().setPen(QPen(QColor(0xc0, 0x39, 0x2b), 1.2));
    pages.p().drawPath(path);
    pages.p().setPen(Qt::black);
    pages.text(QRectF(Margin - 4, area.top() - 6, 32, 12), fa.toString(most), 7);
    pages.text(QRectF(Margin - 4, area.bottom() - 6, 32, 12), fa.toString(0), 7);
    pages.text(QRectF(area.right() - 60, area.bottom() + 2, 60, 12),
               Jalali::formatDate(days.constFirst().first, fa), 7);
    pages.text(QRectF(area.left(), area.bottom() + 2, 60, 12),
               Jalali::formatDate(days.constLast().first, fa), 7, false,
               Qt::AlignLeft | Qt::AlignVCenter);
    pages.y = area.bottom() + 24;
}

} // namespace

ReportPainter::ReportPainter(const ReportData &data)
    : m_data(data)
{
}

QString ReportPainter::fontFamily()
{
    static const QString family = [] {
        const int id = QFontDatabase::addApplicationFont(u":/fonts/Vazirmatn-Regular.ttf"_s);
        QFontDatabase::addApplicationFont(u":/fonts/Vazirmatn-Bold.ttf"_s);
        return QFontDatabase::applicationFontFamilies(id).value(0, u"Vazirmatn"_s);
    }();
    return family;
}

std::optional<int> ReportPainter::paint(QPagedPaintDevice &device,
                                        const std::function<bool(int)> &page, Text textAs)
{
    const ReportRequest &r = m_data.request;
    const QLocale fa = persian();
    Pages pages(device, page, textAs);

    pages.line(
        reportText(QT_TRANSLATE_NOOP("Reports", "Report on administrative-emergency complaints")),
        18, true);
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Period: %1 to %2"))
                   .arg(Jalali::formatDate(r.fromDay, fa), Jalali::formatDate(r.toDay, fa)),
               11);
    const QString all = reportText(QT_TRANSLATE_NOOP("Reports", "all"));
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Province: %1 · Agency: %2"))
                   .arg(r.province.isEmpty() ? all : m_data.provinceName(r.province),
                        r.agency.isEmpty() ? all : m_data.agencyName(r.agency)),
               11);
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Made on %1; personal data %2"))
                   .arg(Jalali::formatDateTime(m_data.generatedAt, fa),
                        r.includePersonal ? reportText(QT_TRANSLATE_NOOP("Reports", "included"))
                                          : reportText(QT_TRANSLATE_NOOP("Reports", "masked"))),
               9);
    pages.y += 10;
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Key figures")), 14, true);
    QList<QStringList> figures;
    for (const FigureLine &line : figureLines(m_data.dashboard.figures))
        figures << QStringList { line.label, formatFigure(line, fa) };
    table(pages,
          { reportText(QT_TRANSLATE_NOOP("Reports", "Figure")),
            reportText(QT_TRANSLATE_NOOP("Reports", "Value")) },
          { 0.6, 0.4 }, figures);

    // The charts on a page of their own.
    if (!pages.newPage())
        return std::nullopt;
    agencyBars(pages, m_data);
    pages.need(220);
    perDayLine(pages, m_data);

    if (!pages.newPage())
        return std::nullopt;
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Agencies' scorecard")), 14, true);
    scorecardTable(pages, m_data, m_data.dashboard.scorecard);
    if (pages.stopped())
        return std::nullopt;
    pages.y += 14;
    pages.need(60);
    pages.line(reportText(QT_TRANSLATE_NOOP("Reports", "Provincial directorates' scorecard")), 14,
               true);
    scorecardTable(pages, m_data, m_data.directorates);
    return pages.finish();
}

} // namespace fouad
