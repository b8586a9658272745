#include "reportrequest.h"

#include "domain/jalali.h"

using namespace Qt::StringLiterals;

namespace fouad {

QString code(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return u"pdf"_s;
    case ReportFormat::Xlsx:
        return u"xlsx"_s;
    case ReportFormat::Csv:
        return u"csv"_s;
    }
    return {};
}

std::optional<ReportFormat> reportFormatFromCode(const QString &text)
{
    for (const ReportFormat f : { ReportFormat::Pdf, ReportFormat::Xlsx, ReportFormat::Csv }) {
        if (code(f) == text)
            return f;
    }
    return std::nullopt;
}

StatsFilter ReportRequest::filter() const
{
    StatsFilter f;
    f.from = QDateTime(fromDay, QTime(0, 0), Jalali::tehran()).toUTC();
    f.to = QDateTime(toDay.addDays(1), QTime(0, 0), Jalali::tehran()).toUTC();
    f.province = province;
    f.agency = agency;
    return f;
}

} // namespace fouad
