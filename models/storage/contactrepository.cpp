#include "storage/contactrepository.h"

#include "storage/database.h"

#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

const QString Columns = u"id, agency_code, province_code, name, role, phone, webhook, created_at"_s;

Contact readContact(const QSqlQuery &q)
{
    const QSqlRecord r = q.record();
    Contact c;
    c.id = q.value(r.indexOf(u"id"_s)).toLongLong();
    c.agencyCode = q.value(r.indexOf(u"agency_code"_s)).toString();
    c.provinceCode = q.value(r.indexOf(u"province_code"_s)).toString();
    c.name = q.value(r.indexOf(u"name"_s)).toString();
    c.role =
        contactRoleFromCode(q.value(r.indexOf(u"role"_s)).toString()).value_or(ContactRole::Unit);
    c.phone = q.value(r.indexOf(u"phone"_s)).toString();
    c.webhook = q.value(r.indexOf(u"webhook"_s)).toString();
    c.createdAt =
        QDateTime::fromMSecsSinceEpoch(q.value(r.indexOf(u"created_at"_s)).toLongLong(), Qt::UTC);
    return c;
}

Result<QList<Contact>> readContacts(QSqlQuery &q)
{
    if (!q.exec())
        return sqlError(q.lastError());
    QList<Contact> out;
    while (q.next())
        out << readContact(q);
    return out;
}

} // namespace

Result<qint64> ContactRepository::add(const Contact &c)
{
    auto known = [this](const QString &table, const QString &value) -> Result<bool> {
        QSqlQuery q(m_database.connection());
        q.prepare(u"SELECT 1 FROM %1 WHERE code = ?"_s.arg(table));
        q.addBindValue(value);
        if (!q.exec())
            return sqlError(q.lastError());
        return q.next();
    };
    if (!c.agencyCode.isEmpty()) {
        auto found = known(u"agencies"_s, c.agencyCode);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::invalid(u"agency"_s, tr("No agency \"%1\".").arg(c.agencyCode));
    }
    if (!c.provinceCode.isEmpty()) {
        auto found = known(u"provinces"_s, c.provinceCode);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::invalid(u"province"_s, tr("No province \"%1\".").arg(c.provinceCode));
    }
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO contacts (agency_code, province_code, name, role, phone, webhook,"
              " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
    q.addBindValue(nullableText(c.agencyCode));
    q.addBindValue(nullableText(c.provinceCode));
    q.addBindValue(c.name);
    q.addBindValue(code(c.role));
    q.addBindValue(nullableText(c.phone));
    q.addBindValue(nullableText(c.webhook));
    q.addBindValue(c.createdAt.toMSecsSinceEpoch());
    if (!q.exec() || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toLongLong();
}

Result<Contact> ContactRepository::find(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT %1 FROM contacts WHERE id = ?"_s.arg(Columns));
    q.addBindValue(id);
    auto found = readContacts(q);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(u"ID"_s, tr("No contact %1.").arg(id));
    return found->constFirst();
}

Result<void> ContactRepository::remove(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"DELETE FROM contacts WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError());
    if (q.numRowsAffected() != 1)
        return Error::notFound(u"ID"_s, tr("No contact %1.").arg(id));
    return {};
}

Result<QList<Contact>> ContactRepository::list()
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT %1 FROM contacts ORDER BY COALESCE(agency_code, ''), role, name, id"_s.arg(
        Columns));
    return readContacts(q);
}

Result<QList<Contact>> ContactRepository::recipients(const QString &agency, const QString &province,
                                                     const QList<ContactRole> &roles)
{
    if (roles.isEmpty())
        return QList<Contact> {};
    QStringList marks;
    for (qsizetype i = 0; i < roles.size(); ++i)
        marks << u"?"_s;
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT %1 FROM contacts WHERE %2 AND role IN (%3)"
              " AND (province_code IS NULL OR province_code = ?)"
              " AND webhook IS NOT NULL AND webhook <> '' ORDER BY id"_s.arg(
                  Columns, agency.isEmpty() ? u"agency_code IS NULL"_s : u"agency_code = ?"_s,
                  marks.join(u", "_s)));
    if (!agency.isEmpty())
        q.addBindValue(agency);
    for (ContactRole role : roles)
        q.addBindValue(code(role));
    q.addBindValue(province);
    return readContacts(q);
}

} // namespace fouad
