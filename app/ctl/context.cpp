#include "ctl/context.h"

#include "storage/database.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

Context::Context(QTextStream &input, QTextStream &output, QTextStream &errors, const Clock &time)
    : in(input)
    , out(output)
    , err(errors)
    , clock(time)
{
}

Context::~Context() = default;

Result<DatabaseUrl> Context::resolvedUrl() const
{
    QString text = databaseUrl;
    if (text.isEmpty())
        text = qEnvironmentVariable("FOUAD_DB");
    if (text.isEmpty())
        return DatabaseUrl::defaultUrl();
    return DatabaseUrl::parse(text);
}

Result<Database *> Context::database(bool readOnly, bool asIs)
{
    if (m_database)
        return m_database.get();
    auto resolved = resolvedUrl();
    if (!resolved)
        return resolved.error();
    const DatabaseUrl url = resolved.value();
    // fouadctl does not retry: a server out of reach fails the command within
    // Database::ConnectTimeoutSecs, naming the server.
    auto opened =
        Database::open(url, readOnly ? Database::Access::ReadOnly : Database::Access::ReadWrite,
                       asIs ? Database::Schema::AsIs : Database::Schema::Upgrade);
    if (!opened) {
        Error e = opened.error();
        if (url.kind == DatabaseUrl::Kind::PostgreSQL && e.kind == ErrorKind::Runtime)
            e.message = u"cannot connect to the database server %1:%2: %3"_s.arg(
                url.host, QString::number(url.port), e.detail.trimmed());
        return e;
    }
    m_database = std::move(opened).value();
    return m_database.get();
}

} // namespace fouad::ctl
