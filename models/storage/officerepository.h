#pragma once

#include "core/result.h"
#include "domain/referencedata.h"

#include <QCoreApplication>
#include <QDateTime>

namespace fouad {

class Database;

// Offices (migration 17). Changed through AdministrationService (and the demo
// seeder's own offices); the caller validates and holds the transaction.
class OfficeRepository final
{
    Q_DECLARE_TR_FUNCTIONS(OfficeRepository)

public:
    explicit OfficeRepository(Database &database)
        : m_database(database)
    {
    }

    // Inserts each office, or (replace) overwrites the one with its code.
    Result<void> save(const QList<Office> &offices, const QDateTime &at, bool replace = false);
    // NotFound if there is none.
    Result<Office> find(const QString &code);
    // NotFound if there is none; Conflict while a complaint names it.
    Result<void> remove(const QString &code);
    // By agency, province and name; agency empty: every agency.
    Result<QList<Office>> list(const QString &agency = {}, const QString &province = {});
    Result<qint64> count();

private:
    Database &m_database;
};

} // namespace fouad
