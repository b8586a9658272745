#include "ctl/seeddemocommand.h"

#include "storage/referencerepository.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace fouad::ctl {

SeedDemoCommand::SeedDemoCommand()
    : DatabaseCommand(u"seed-demo"_s,
                      u"Write realistic, deterministic demo complaints (and their users)."_s)
{
    addOption(QCommandLineOption(u"count"_s, u"how many complaints"_s, u"N"_s), u"required"_s);
    addOption(QCommandLineOption(u"seed"_s, u"the random seed (default 128)"_s, u"S"_s));
    addOption(QCommandLineOption(u"days"_s, u"spread over the last D days (default 30)"_s, u"D"_s));
}

Result<DemoSeeder::Options> SeedDemoCommand::readInput(Context &,
                                                       const QCommandLineParser &args) const
{
    auto n = positiveNumber(args, u"count"_s, 0, 100'000'000);
    auto s = positiveNumber(args, u"seed"_s, 128, 0xFFFFFFFFLL);
    auto d = positiveNumber(args, u"days"_s, 30, 3650);
    for (const auto *r : { &n, &s, &d }) {
        if (!r->ok())
            return r->error();
    }
    DemoSeeder::Options options;
    options.count = n.value();
    options.seed = quint32(s.value());
    options.days = int(d.value());
    return options;
}

Result<void> SeedDemoCommand::runWith(Context &ctx, Database &db,
                                      const DemoSeeder::Options &options) const
{
    auto catalog = ReferenceRepository(db).load();
    if (!catalog)
        return catalog.error();
    QElapsedTimer timer;
    timer.start();
    DemoSeeder seeder(db, catalog.value(), ctx.clock);
    auto written = seeder.run(options);
    if (!written)
        return written.error();
    ctx.out << "seeded " << written.value() << " complaints over " << options.days << " days in "
            << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;
    return {};
}

} // namespace fouad::ctl
