#pragma once

#include "reportdata.h"

#include <functional>

class QPagedPaintDevice;
class QPainter;

namespace fouad {

// The PDF report's layout, painted on any paged device: QPdfWriter for the
// file, the console's QPrinter for its print preview, so both show the same.
// A4, right to left, Persian in the bundled Vazirmatn (shaped text the PDF
// keeps selectable): title, period and filters, key figures; the charts on
// their own page; the agencies' and directorates' scorecards; page numbers in
// Persian digits.
class ReportPainter final
{
public:
    explicit ReportPainter(const ReportData &data);

    // Registers Vazirmatn from the resources (once); its family name.
    static QString fontFamily();

    // How text is painted: as text (a PDF's, selectable), or as the outlines
    // of its glyphs (a print preview's, which would lay text out again left
    // to right).
    enum class Text { Selectable, Outlines };

    // Paints every page; `page(n)` after each, false to stop (cancel).
    // Returns the pages painted, or nothing if stopped.
    std::optional<int> paint(QPagedPaintDevice &device, const std::function<bool(int)> &page,
                             Text textAs = Text::Selectable);

private:
    const ReportData &m_data;
};

} // namespace fouad
