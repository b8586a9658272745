#include "storage/complaintrows.h"

using namespace Qt::StringLiterals;

namespace fouad::ComplaintRows {

namespace {

QString valuesList(int columns, int rows)
{
    const QString tuple = u'(' + QStringList(columns, u"?"_s).join(u", "_s) + u')';
    return QStringList(rows, tuple).join(u", "_s);
}

} // namespace

QString insertComplaintsSql(int rows)
{
    return u"INSERT INTO complaints (%1, citizen_name_key, inspector, %2) VALUES "_s.arg(
               QStringView(ComplaintColumns), QStringView(PlaceColumns))
        + valuesList(ComplaintColumnCount, rows);
}

QString insertKeyedComplaintSql()
{
    return u"INSERT INTO complaints (%1, citizen_name_key, inspector, %2, client_key) VALUES "_s
               .arg(QStringView(ComplaintColumns), QStringView(PlaceColumns))
        + valuesList(ComplaintColumnCount + 1, 1);
}

QString insertEventsSql(int rows)
{
    return u"INSERT INTO complaint_events (complaint_id, at, actor, type, from_status, to_status, "
           u"data)"
           " VALUES "_s
        + valuesList(EventColumnCount, rows);
}

QString insertVersionedEventSql()
{
    return u"INSERT INTO complaint_events (complaint_id, at, actor, type, from_status, to_status, "
           u"data, version)"
           " VALUES "_s
        + valuesList(EventColumnCount + 1, 1);
}

} // namespace fouad::ComplaintRows
