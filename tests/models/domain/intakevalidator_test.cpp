#include "domain/intakevalidator.h"

#include "support/mockclock.h"

#include <gtest/gtest.h>

using namespace fouad;
using Field = IntakeValidator::Field;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

ComplaintDraft goodDraft()
{
    ComplaintDraft d;
    d.channel = s(u"line128");
    d.citizenName = s(u"علي  كاظمي");
    d.phone = s(u"۰۹۱۲ ۱۲۳ ۴۵۶۷");
    d.nationalId = s(u"0012345679");
    d.province = s(u"tehran");
    d.agency = s(u"social_security");
    d.category = s(u"absent_employee");
    d.priority = s(u"urgent");
    d.description = s(u"کارمند باجه سر کار نیست.");
    return d;
}

// The built-in reference data with three offices, as administrators keep them.
ReferenceCatalog withOffices()
{
    const ReferenceCatalog b = ReferenceCatalog::builtIn();
    return ReferenceCatalog(b.provinces(), b.agencies(), b.categories(), b.cities(),
                            { { s(u"ss-tehran-3"), s(u"social_security"), s(u"tehran"),
                                s(u"tehran"), s(u"شعبه ۳ تأمین اجتماعی تهران") },
                              { s(u"ss-shahriar"), s(u"social_security"), s(u"tehran"),
                                s(u"shahriar"), s(u"شعبه تأمین اجتماعی شهریار") },
                              { s(u"ss-tehran-all"),
                                s(u"social_security"),
                                s(u"tehran"),
                                {},
                                s(u"اداره کل تأمین اجتماعی استان تهران") },
                              { s(u"tax-tehran-1"), s(u"tax"), s(u"tehran"), s(u"tehran"),
                                s(u"اداره امور مالیاتی تهران") },
                              { s(u"ss-karaj-1"), s(u"social_security"), s(u"alborz"), s(u"karaj"),
                                s(u"شعبه ۱ تأمین اجتماعی کرج") } });
}

class IntakeValidatorTest : public ::testing::Test
{
protected:
    ReferenceCatalog catalog = withOffices();
    test::MockClock clock;
    IntakeValidator validator { catalog, clock };
};

TEST_F(IntakeValidatorTest, NormalisesAGoodDraft)
{
    const auto result = validator.validate(goodDraft());
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result->citizen.name, s(u"علی کاظمی"));
    EXPECT_EQ(result->citizen.phone, s(u"+989121234567"));
    EXPECT_EQ(result->citizen.nationalId, s(u"0012345679"));
    EXPECT_EQ(result->receivedAt, clock.nowUtc());
    EXPECT_EQ(result->priority, Priority::Urgent);
    EXPECT_EQ(result->status, Status::Registered);
}

struct BadCase
{
    const char *name;
    void (*spoil)(ComplaintDraft &);
    const char16_t *field;
};

class IntakeValidatorBadInput : public IntakeValidatorTest,
                                public ::testing::WithParamInterface<BadCase>
{
};

TEST_P(IntakeValidatorBadInput, NamesTheField)
{
    ComplaintDraft draft = goodDraft();
    GetParam().spoil(draft);
    const auto result = validator.validate(draft);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(result.error().field, s(GetParam().field));
    EXPECT_FALSE(result.error().message.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, IntakeValidatorBadInput,
    ::testing::Values(
        BadCase { "no_channel", [](ComplaintDraft &d) { d.channel.clear(); }, u"channel" },
        BadCase { "bad_channel", [](ComplaintDraft &d) { d.channel = QStringLiteral("fax"); },
                  u"channel" },
        BadCase { "no_name", [](ComplaintDraft &d) { d.citizenName = QStringLiteral("   "); },
                  u"citizen.name" },
        BadCase { "digits_name", [](ComplaintDraft &d) { d.citizenName = QStringLiteral("1234"); },
                  u"citizen.name" },
        BadCase { "no_phone", [](ComplaintDraft &d) { d.phone.clear(); }, u"citizen.phone" },
        BadCase { "bad_phone", [](ComplaintDraft &d) { d.phone = QStringLiteral("0912123"); },
                  u"citizen.phone" },
        BadCase { "bad_national_id",
                  [](ComplaintDraft &d) { d.nationalId = QStringLiteral("0012345678"); },
                  u"citizen.national_id" },
        BadCase { "bad_province",
                  [](ComplaintDraft &d) { d.province = QStringLiteral("atlantis"); }, u"province" },
        BadCase { "no_agency", [](ComplaintDraft &d) { d.agency.clear(); }, u"agency" },
        BadCase { "bad_category", [](ComplaintDraft &d) { d.category = QStringLiteral("noise"); },
                  u"category" },
        BadCase { "unknown_city", [](ComplaintDraft &d) { d.city = QStringLiteral("atlantis"); },
                  u"city" },
        BadCase { "city_of_another_province",
                  [](ComplaintDraft &d) { d.city = QStringLiteral("karaj"); }, u"city" },
        BadCase { "unknown_office", [](ComplaintDraft &d) { d.office = QStringLiteral("ss-x"); },
                  u"office" },
        BadCase { "office_of_another_agency",
                  [](ComplaintDraft &d) { d.office = QStringLiteral("tax-tehran-1"); }, u"office" },
        BadCase { "office_of_another_province",
                  [](ComplaintDraft &d) { d.office = QStringLiteral("ss-karaj-1"); }, u"office" },
        BadCase { "office_in_another_city",
                  [](ComplaintDraft &d) {
                      d.city = QStringLiteral("tehran");
                      d.office = QStringLiteral("ss-shahriar");
                  },
                  u"office" },
        BadCase { "long_service_desk",
                  [](ComplaintDraft &d) { d.serviceDesk = QString(201, u'ب'); }, u"service_desk" },
        BadCase { "bad_priority", [](ComplaintDraft &d) { d.priority = QStringLiteral("high"); },
                  u"priority" },
        BadCase { "empty_description",
                  [](ComplaintDraft &d) { d.description = QStringLiteral(" \n "); },
                  u"description" },
        BadCase { "future",
                  [](ComplaintDraft &d) {
                      d.receivedAt = QDateTime(QDate(2026, 11, 22), QTime(7, 36), Qt::UTC);
                  },
                  u"received_at" }),
    [](const auto &p) { return std::string(p.param.name); });

TEST_F(IntakeValidatorTest, OptionalNationalIdAndTimesWithinTolerance)
{
    ComplaintDraft draft = goodDraft();
    draft.nationalId.clear();
    draft.receivedAt = clock.nowUtc().addSecs(4 * 60); // a clock slightly ahead
    const auto result = validator.validate(draft);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->citizen.nationalId.isEmpty());

    draft.receivedAt = clock.nowUtc().addDays(-400); // any past time
    EXPECT_TRUE(validator.validate(draft).ok());
}

struct PlaceCase
{
    const char *name;
    const char16_t *city, *office, *desk;
    const char16_t *wantCity, *wantOffice, *wantDesk;
};

class IntakeValidatorPlaces : public IntakeValidatorTest,
                              public ::testing::WithParamInterface<PlaceCase>
{
};

// Where it happened is optional, part by part; an office in a city gives the
// complaint that city.
TEST_P(IntakeValidatorPlaces, AreOptionalAndNormalised)
{
    ComplaintDraft draft = goodDraft();
    draft.city = s(GetParam().city);
    draft.office = s(GetParam().office);
    draft.serviceDesk = s(GetParam().desk);
    const auto result = validator.validate(draft);
    ASSERT_TRUE(result.ok()) << result.error().field.toStdString() << ": "
                             << result.error().message.toStdString();
    EXPECT_EQ(result->cityCode, s(GetParam().wantCity));
    EXPECT_EQ(result->officeCode, s(GetParam().wantOffice));
    EXPECT_EQ(result->serviceDesk, s(GetParam().wantDesk));
}

INSTANTIATE_TEST_SUITE_P(
    Table, IntakeValidatorPlaces,
    ::testing::Values(PlaceCase { "none", u"", u"", u"", u"", u"", u"" },
                      PlaceCase { "city_only", u" shahriar ", u"", u"", u"shahriar", u"", u"" },
                      PlaceCase { "office_gives_its_city", u"", u"ss-tehran-3", u"", u"tehran",
                                  u"ss-tehran-3", u"" },
                      PlaceCase { "office_and_its_city", u"shahriar", u"ss-shahriar", u"",
                                  u"shahriar", u"ss-shahriar", u"" },
                      PlaceCase { "province_wide_office_any_city", u"varamin", u"ss-tehran-all",
                                  u"", u"varamin", u"ss-tehran-all", u"" },
                      PlaceCase { "desk_normalised", u"", u"", u" باجه  شماره ٣ ", u"", u"",
                                  u"باجه شماره ۳" }),
    [](const auto &p) { return std::string(p.param.name); });

TEST_F(IntakeValidatorTest, ChecksFieldsOneByOneForTheForm)
{
    EXPECT_FALSE(validator.check(Field::Phone, s(u"۰۹۱۲۱۲۳۴۵۶۷")).has_value());
    EXPECT_TRUE(validator.check(Field::Phone, s(u"۰۹۱۲۱۲۳")).has_value());
    EXPECT_FALSE(validator.check(Field::NationalId, QString()).has_value());
    EXPECT_TRUE(
        validator.check(Field::ReceivedAt, s(u"2026-11-22T11:00:00")).has_value()); // no offset
}

} // namespace
