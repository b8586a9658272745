#include "storage/officerepository.h"

#include "domain/persiantext.h"
#include "storage/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

Office readOffice(const QSqlQuery &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
             q.value(3).toString(), q.value(4).toString() };
}

} // namespace

Result<void> OfficeRepository::save(const QList<Office> &offices, const QDateTime &at, bool replace)
{
    QSqlQuery q(m_database.connection());
    const QString upsert = replace
        ? u" ON CONFLICT (code) DO UPDATE SET agency_code ="
          " excluded.agency_code, province_code = excluded.province_code,"
          " city_code = excluded.city_code, name = excluded.name,"
          " name_key = excluded.name_key"_s
        : QString();
    if (!q.prepare(u"INSERT INTO offices (code, agency_code, province_code, city_code, name,"
                   " name_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s
                   + upsert))
        return sqlError(q.lastError());
    for (const Office &o : offices) {
        q.bindValue(0, o.code);
        q.bindValue(1, o.agencyCode);
        q.bindValue(2, o.provinceCode);
        q.bindValue(3, nullableText(o.cityCode));
        q.bindValue(4, o.name);
        q.bindValue(5, PersianText::searchKey(o.name));
        q.bindValue(6, at.toMSecsSinceEpoch());
        if (!q.exec()) {
            if (m_database.dialect().isUniqueViolation(q.lastError()))
                return Error { ErrorKind::Conflict, u"code"_s,
                               tr("There is already an office \"%1\".").arg(o.code) };
            return sqlError(q.lastError());
        }
    }
    return {};
}

Result<Office> OfficeRepository::find(const QString &code)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT code, agency_code, province_code, city_code, name FROM offices"
              " WHERE code = ?"_s);
    q.addBindValue(code);
    if (!q.exec())
        return sqlError(q.lastError());
    if (!q.next())
        return Error::notFound(u"code"_s, tr("No office \"%1\".").arg(code));
    return readOffice(q);
}

Result<void> OfficeRepository::remove(const QString &code)
{
    QSqlQuery q(m_database.connection());
    // The complaints keep their office: the scorecards read it.
    q.prepare(u"SELECT 1 FROM complaints WHERE office_code = ? LIMIT 1"_s);
    q.addBindValue(code);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.next())
        return Error { ErrorKind::Conflict, u"code"_s,
                       tr("Complaints name the office \"%1\": it stays.").arg(code) };
    q.prepare(u"DELETE FROM offices WHERE code = ?"_s);
    q.addBindValue(code);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return Error::notFound(u"code"_s, tr("No office \"%1\".").arg(code));
    return {};
}

Result<QList<Office>> OfficeRepository::list(const QString &agency, const QString &province)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT code, agency_code, province_code, city_code, name FROM offices"
              " WHERE (? = '' OR agency_code = ?) AND (? = '' OR province_code = ?)"
              " ORDER BY agency_code, province_code, name_key, code"_s);
    for (const QString &v : { agency, agency, province, province })
        q.addBindValue(QString(v + u""_s)); // never a null QString: that binds NULL
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Office> out;
    while (q.next())
        out.append(readOffice(q));
    return out;
}

Result<qint64> OfficeRepository::count()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT COUNT(*) FROM offices"_s) || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toLongLong();
}

} // namespace fouad
