#include "ctl/context.h"

#include "storage/database.h"

namespace fouad::ctl {

Context::Context(QTextStream &input, QTextStream &output, QTextStream &errors, const Clock &time)
    : in(input)
    , out(output)
    , err(errors)
    , clock(time)
{
}

Context::~Context() = default;

Result<Database *> Context::database()
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
    auto opened = Database::open(url);
    if (!opened)
        return opened.error();
    m_database = std::move(opened).value();
    return m_database.get();
}

} // namespace fouad::ctl
