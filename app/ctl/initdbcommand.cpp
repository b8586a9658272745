#include "ctl/initdbcommand.h"

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/referencerepository.h"

using namespace Qt::StringLiterals;

namespace fouad::ctl {

InitDbCommand::InitDbCommand()
    : DatabaseCommand(u"init-db"_s, u"Create or migrate the schema, load reference data."_s)
{
}

Result<std::monostate> InitDbCommand::readInput(Context &, const QCommandLineParser &) const
{
    return std::monostate {};
}

Result<void> InitDbCommand::runWith(Context &ctx, Database &db, const std::monostate &) const
{
    if (auto loaded = Migrations::loadReferenceData(db, ReferenceCatalog::builtIn()); !loaded)
        return loaded.error();
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    ctx.out << "database ready: " << db.url().displayName() << ", schema version "
            << db.schemaVersion() << ", " << catalog->provinces().size() << " provinces, "
            << catalog->agencies().size() << " agencies, " << catalog->categories().size()
            << " categories" << Qt::endl;
    return {};
}

} // namespace fouad::ctl
