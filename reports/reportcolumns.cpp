#include "domain/jalali.h"
#include "domain/phonenumber.h"
#include "reportwriter.h"
#include "storage/reportrowsrepository.h"

using namespace Qt::StringLiterals;

namespace fouad::ReportColumns {

namespace {

QString nationalPhone(const QString &stored)
{
    const auto phone = PhoneNumber::parse(stored);
    return phone ? phone->national() : stored;
}

} // namespace

QStringList header(bool personal)
{
    QStringList h { u"tracking_code"_s,
                    u"received_at"_s,
                    u"received_jalali"_s,
                    u"channel"_s,
                    u"province"_s,
                    u"city"_s,
                    u"agency"_s,
                    u"office"_s,
                    u"category"_s,
                    u"priority"_s,
                    u"status"_s,
                    u"escalation_level"_s,
                    u"outcome"_s,
                    u"satisfaction"_s,
                    u"resolution_seconds"_s,
                    u"resolved_at"_s,
                    u"resolved_within_target"_s,
                    u"reopen_count"_s,
                    u"phone"_s };
    if (personal)
        h << u"citizen_name"_s << u"national_id"_s << u"description"_s;
    return h;
}

QStringList persianHeader(bool personal)
{
    static const char *const titles[] = {
        QT_TRANSLATE_NOOP("Reports", "Tracking code"),
        QT_TRANSLATE_NOOP("Reports", "Received"),
        QT_TRANSLATE_NOOP("Reports", "Received (Jalali)"),
        QT_TRANSLATE_NOOP("Reports", "Channel"),
        QT_TRANSLATE_NOOP("Reports", "Province"),
        QT_TRANSLATE_NOOP("Reports", "City"),
        QT_TRANSLATE_NOOP("Reports", "Agency"),
        QT_TRANSLATE_NOOP("Reports", "Office"),
        QT_TRANSLATE_NOOP("Reports", "Category"),
        QT_TRANSLATE_NOOP("Reports", "Priority"),
        QT_TRANSLATE_NOOP("Reports", "Status"),
        QT_TRANSLATE_NOOP("Reports", "Escalation level"),
        QT_TRANSLATE_NOOP("Reports", "Outcome"),
        QT_TRANSLATE_NOOP("Reports", "Satisfaction"),
        QT_TRANSLATE_NOOP("Reports", "Resolution time (seconds)"),
        QT_TRANSLATE_NOOP("Reports", "Resolved"),
        QT_TRANSLATE_NOOP("Reports", "Resolved within target"),
        QT_TRANSLATE_NOOP("Reports", "Reopenings"),
        QT_TRANSLATE_NOOP("Reports", "Phone"),
        QT_TRANSLATE_NOOP("Reports", "Citizen's name"),
        QT_TRANSLATE_NOOP("Reports", "National ID"),
        QT_TRANSLATE_NOOP("Reports", "Description"),
    };
    QStringList h;
    const qsizetype n = header(personal).size();
    for (qsizetype i = 0; i < n; ++i)
        h << reportText(titles[i]);
    return h;
}

QStringList cells(const ReportRow &r, bool personal)
{
    const QLocale latin = QLocale::c();
    auto isoOrEmpty = [](const QDateTime &t) {
        return t.isValid() ? Jalali::toIsoTehran(t) : QString();
    };
    QStringList c { r.trackingCode,
                    isoOrEmpty(r.receivedAt),
                    Jalali::formatDateTime(r.receivedAt, latin),
                    r.channel,
                    r.province,
                    r.city,
                    r.agency,
                    r.office,
                    r.category,
                    r.priority,
                    r.status,
                    QString::number(r.escalationLevel),
                    r.outcome,
                    r.satisfaction ? QString::number(*r.satisfaction) : QString(),
                    r.resolutionSeconds ? QString::number(*r.resolutionSeconds) : QString(),
                    isoOrEmpty(r.resolvedAt),
                    r.resolvedAt.isValid() ? (r.resolvedWithinTarget ? u"1"_s : u"0"_s) : QString(),
                    QString::number(r.reopenCount),
                    personal ? nationalPhone(r.phone) : PhoneNumber::masked(r.phone) };
    if (personal)
        c << r.citizenName << r.nationalId << r.description;
    return c;
}

} // namespace fouad::ReportColumns
