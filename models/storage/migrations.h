#pragma once

#include "core/result.h"

#include <QList>
#include <QStringList>

namespace fouad {

class Database;
class ReferenceCatalog;

// The schema's history: numbered steps applied in order, each in its own
// transaction, recorded in schema_migrations. Several processes starting at
// once apply each step exactly once (SQLite's write lock; a PostgreSQL advisory lock).
namespace Migrations {

Result<void> apply(Database &database);
int currentVersion(Database &database);

// A step after the program's own, applied like them: for the tests that show a
// failing step leaves the database as it was.
struct ExtraStep
{
    int version = 0;
    QString description;
    QStringList statements;
};
Result<void> apply(Database &database, const QList<ExtraStep> &extra);
int latestVersion();

// Adds the built-in provinces, agencies and categories that are missing;
// rows an administrator changed are left alone. Idempotent.
Result<void> loadReferenceData(Database &database, const ReferenceCatalog &catalog);

} // namespace Migrations

} // namespace fouad
