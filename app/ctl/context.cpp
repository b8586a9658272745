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

Result<Database *> Context::database(bool readOnly)
{
    if (m_database)
        return m_database.get();
    QString text = databaseUrl;
    if (text.isEmpty())
        text = qEnvironmentVariable("FOUAD_DB");
    DatabaseUrl url = DatabaseUrl::defaultUrl();
    if (!text.isEmpty()) {
        auto parsed = DatabaseUrl::parse(text);
        if (!parsed)
            return parsed.error();
        url = parsed.value();
    }
    // fouadctl does not retry: a server out of reach fails the command within
    // Database::ConnectTimeoutSecs, naming the server.
    auto opened =
        Database::open(url, readOnly ? Database::Access::ReadOnly : Database::Access::ReadWrite);
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
