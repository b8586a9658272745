#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "domain/complaint.h"
#include "domain/referencedata.h"
#include "sla/slaconfig.h"

#include <QHash>
#include <QRandomGenerator>
#include <QStringList>

#include <functional>

namespace fouad {

class Database;

// Realistic, deterministic demo data: Persian names, valid national IDs and
// phones, spread over provinces, agencies, categories and statuses, with the
// history each status implies. The same seed gives the same complaints, placed
// relative to the moment it runs.
class DemoSeeder final
{
public:
    struct Options
    {
        qint64 count = 500;
        quint32 seed = 128;
        int days = 30;
    };

    DemoSeeder(Database &database, ReferenceCatalog catalog, const Clock &clock = Clock::system());

    // Writes options.count complaints, oldest first, in batches; progress gets the
    // number written so far. Returns that number.
    Result<qint64> run(const Options &options, const std::function<void(qint64)> &progress = {});

    // The inspector sent to seeded field inspections when the database has none:
    // made by run() with a random password, so that no one signs in as it until
    // an administrator sets one. On a PostgreSQL server where another database
    // has that login, the first free of "insp.moradi.2" … "insp.moradi.9".
    static constexpr char16_t DemoInspector[] = u"insp.moradi";

    // The index-th of count complaints over `days` days ending at now (no code yet).
    Complaint generate(QRandomGenerator &rng, qint64 index, qint64 count, int days,
                       const QDateTime &now) const;

    static constexpr int BatchSize = 20000;

    // The offices run() makes when the database has none: in each province, each
    // agency's office in the capital and the next two cities.
    static QList<Office> demoOffices(const ReferenceCatalog &catalog);

private:
    Database &m_database;
    const ReferenceCatalog m_catalog; // a copy: implicitly shared, never dangling
    const Clock &m_clock;
    std::optional<SlaConfig> m_sla; // due times as the engine computes them
    QStringList m_inspectors; // who field inspections are sent to: the database's inspectors
    // Where complaints happen: offices by agency and province, cities by province.
    QHash<QString, QHash<QString, QList<Office>>> m_offices; // agency, then province
    QHash<QString, QList<City>> m_cities;
    quint64 m_placeSeed = 0;
};

} // namespace fouad
