// Migration 17: the cities of every province and the agencies' offices; a
// complaint keeps its city, office and service or desk, written one at a time
// and in bulk, on both backends.
#include "services/intakeservice.h"
#include "storage/complaintrepository.h"
#include "storage/database.h"
#include "storage/officerepository.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

class OfficeRepositoryTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        auto opened = Database::open(testDb->url());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = opened.value();
    }

    ReferenceCatalog catalog() { return ReferenceRepository(*db).load().value(); }

    MockClock clock;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
};

const Office Tajrish { u"tax-tehran-7"_s, u"tax"_s, u"tehran"_s, u"tehran"_s,
                       u"اداره امور مالیاتی شمال تهران"_s };

TEST_P(OfficeRepositoryTest, EveryProvinceHasItsCapitalFirstAndItsMainCities)
{
    const ReferenceCatalog loaded = catalog();
    const ReferenceCatalog builtIn = ReferenceCatalog::builtIn();
    ASSERT_EQ(loaded.cities().size(), builtIn.cities().size());
    for (const Province &p : loaded.provinces()) {
        const QList<City> cities = loaded.citiesOf(p.code);
        EXPECT_GE(cities.size(), 4) << p.code.toStdString();
        for (const City &c : cities) {
            EXPECT_FALSE(c.name.isEmpty());
            EXPECT_FALSE(c.name.contains(u'ي') || c.name.contains(u'ك'))
                << "Persian, not Arabic, letters: " << c.code.toStdString();
        }
    }
    const std::pair<const char16_t *, const char16_t *> capitals[] = {
        { u"tehran", u"تهران" },         { u"east_azerbaijan", u"تبریز" },
        { u"razavi_khorasan", u"مشهد" }, { u"fars", u"شیراز" },
        { u"khuzestan", u"اهواز" },      { u"alborz", u"کرج" },
        { u"hormozgan", u"بندرعباس" },
    };
    for (const auto &[province, capital] : capitals)
        EXPECT_EQ(loaded.citiesOf(QString::fromUtf16(province)).constFirst().name,
                  QString::fromUtf16(capital));
    EXPECT_EQ(loaded.city(u"kashan"_s)->provinceCode, u"isfahan"_s);
}

TEST_P(OfficeRepositoryTest, OfficesAreSavedListedAndFoundInTheCatalog)
{
    OfficeRepository offices(*db);
    const Office plain { u"post-qazvin-1"_s, u"post"_s, u"qazvin"_s, {}, u"اداره پست قزوین"_s };
    ASSERT_TRUE(offices.save({ Tajrish, plain }, clock.nowUtc()).ok());
    const auto again = offices.save({ Tajrish }, clock.nowUtc());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::Conflict);

    const auto taxInTehran = offices.list(u"tax"_s, u"tehran"_s).value();
    ASSERT_EQ(taxInTehran.size(), 1);
    EXPECT_EQ(taxInTehran.constFirst().cityCode, u"tehran"_s);
    EXPECT_EQ(offices.list().value().size(), 2);
    EXPECT_TRUE(offices.find(u"post-qazvin-1"_s)->cityCode.isEmpty());
    EXPECT_EQ(offices.find(u"nope"_s).error().kind, ErrorKind::NotFound);

    const ReferenceCatalog c = catalog();
    ASSERT_TRUE(c.office(u"tax-tehran-7"_s));
    EXPECT_EQ(c.office(u"tax-tehran-7"_s)->name, Tajrish.name);
    EXPECT_EQ(c.officesOf(u"post"_s, u"qazvin"_s).size(), 1);
    EXPECT_TRUE(c.officesOf(u"post"_s, u"tehran"_s).isEmpty());
}

TEST_P(OfficeRepositoryTest, AComplaintKeepsItsPlaceOneAtATimeAndInBulk)
{
    ASSERT_TRUE(OfficeRepository(*db).save({ Tajrish }, clock.nowUtc()).ok());
    IntakeService intake(*db, catalog(), clock);
    ComplaintDraft d = sampleDraft();
    d.office = Tajrish.code;
    d.serviceDesk = u"باجه  شماره ۳"_s;
    auto registered = intake.registerComplaint(d);
    ASSERT_TRUE(registered.ok()) << registered.error().message.toStdString();
    ComplaintRepository complaints(*db);
    const Complaint read = complaints.findByCode(registered->trackingCode).value();
    EXPECT_EQ(read.officeCode, Tajrish.code);
    EXPECT_EQ(read.cityCode, u"tehran"_s) << "the office's city";
    EXPECT_EQ(read.serviceDesk, u"باجه شماره ۳"_s);

    // A bulk load (SQLite's own writer, PostgreSQL's multi-row INSERT).
    QList<Complaint> many;
    for (int i = 0; i < 70; ++i) {
        Complaint c = read;
        c.history = { read.history.constFirst() };
        c.cityCode = i % 2 ? u"shahriar"_s : QString();
        c.officeCode = i % 3 ? Tajrish.code : QString();
        c.serviceDesk = i % 5 ? u"واحد پذیرش"_s : QString();
        many << c;
    }
    ASSERT_TRUE(complaints.insertMany(many).ok());
    for (int i : { 0, 1, 63, 64, 69 }) {
        const Complaint c = complaints.findByCode(many.at(i).trackingCode).value();
        EXPECT_EQ(c.cityCode, many.at(i).cityCode) << i;
        EXPECT_EQ(c.officeCode, many.at(i).officeCode) << i;
        EXPECT_EQ(c.serviceDesk, many.at(i).serviceDesk) << i;
    }
}

TEST_P(OfficeRepositoryTest, AnOfficeComplaintsNameStays)
{
    OfficeRepository offices(*db);
    const Office other { u"tax-tehran-8"_s, u"tax"_s, u"tehran"_s, {}, u"اداره مالیات ری"_s };
    ASSERT_TRUE(offices.save({ Tajrish, other }, clock.nowUtc()).ok());
    ComplaintDraft d = sampleDraft();
    d.office = Tajrish.code;
    ASSERT_TRUE(IntakeService(*db, catalog(), clock).registerComplaint(d).ok());
    const auto refused = offices.remove(Tajrish.code);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Conflict);
    EXPECT_TRUE(offices.find(Tajrish.code).ok());
    EXPECT_TRUE(offices.remove(other.code).ok());
    EXPECT_EQ(offices.remove(other.code).error().kind, ErrorKind::NotFound);
    EXPECT_EQ(offices.count().value(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OfficeRepositoryTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
