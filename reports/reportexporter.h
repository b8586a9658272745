#pragma once

#include "core/result.h"
#include "domain/user.h"
#include "reportwriter.h"

namespace fouad {

class Database;

// The one way a report is made, from fouadctl and from the console: checks
// that the requester may see personal data if asked for
// (Workflow::mayIncludePersonalData; Forbidden otherwise, before anything is
// read or written), reads the figures, then writes the format asked for. Only
// reads the database: it runs on a read-only replica.
class ReportExporter final
{
public:
    explicit ReportExporter(Database &database)
        : m_database(database)
    {
    }

    Result<ReportOutcome> run(const ReportRequest &request, const User &requester,
                              const QDateTime &now, const ExportControl &control = {});

private:
    Database &m_database;
};

} // namespace fouad
