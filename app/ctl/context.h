#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "storage/databaseurl.h"

#include <QString>
#include <QTextStream>

#include <memory>

namespace fouad {
class Database;
}

namespace fouad::ctl {

// What every command gets: the streams, the clock and the database. Tests make
// one over string streams and a MockClock and run commands in-process.
class Context final
{
public:
    Context(QTextStream &in, QTextStream &out, QTextStream &err,
            const Clock &clock = Clock::system());
    ~Context();

    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    QTextStream &in;
    QTextStream &out;
    QTextStream &err;
    const Clock &clock;

    // --db as given; empty: FOUAD_DB, then the console's own SQLite file.
    QString databaseUrl;
    // That database's address, parsed.
    Result<DatabaseUrl> resolvedUrl() const;

    // The database, opened (and migrated) on first use, then the same one; a
    // reading command opens it read-only (never migrated, never written: it
    // may be a replica). asIs: its schema left as it is (a backup of an older one).
    Result<Database *> database(bool readOnly = false, bool asIs = false);

private:
    std::shared_ptr<Database> m_database;
};

} // namespace fouad::ctl
