// ComplaintJson::draftFromJson: the shape of what integrations send; the
// values themselves are IntakeValidator's (and fouadctl_test's end to end).
#include "serialize/complaintdraftjson.h"
#include "support/tehrantime.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject good()
{
    return QJsonObject {
        { u"channel"_s, u"line128"_s },
        { u"citizen"_s,
          QJsonObject { { u"name"_s, u"علي رضايي"_s },
                        { u"phone"_s, u"۰۹۱۲ ۱۲۳ ۴۵۶۷"_s },
                        { u"national_id"_s, u"0012345679"_s },
                        { u"share_identity"_s, true } } },
        { u"province"_s, u"qazvin"_s },
        { u"agency"_s, u"tax"_s },
        { u"category"_s, u"system_down"_s },
        { u"priority"_s, u"urgent"_s },
        { u"description"_s, u"سامانه قطع است."_s },
        { u"received_at"_s, u"2026-11-22T11:00:00+03:30"_s },
    };
}

Result<ComplaintDraft> read(const QJsonObject &o)
{
    return ComplaintJson::draftFromJson(QJsonDocument(o).toJson());
}

TEST(ComplaintDraftJson, ReadsEveryFieldAsGiven)
{
    auto d = read(good());
    ASSERT_TRUE(d) << d.error().message.toStdString();
    EXPECT_EQ(d->channel, u"line128"_s);
    EXPECT_EQ(d->citizenName, u"علي رضايي"_s); // normalising is the validator's
    EXPECT_EQ(d->phone, u"۰۹۱۲ ۱۲۳ ۴۵۶۷"_s);
    EXPECT_EQ(d->nationalId, u"0012345679"_s);
    EXPECT_TRUE(d->shareIdentity);
    EXPECT_EQ(d->province, u"qazvin"_s);
    EXPECT_EQ(d->agency, u"tax"_s);
    EXPECT_EQ(d->category, u"system_down"_s);
    EXPECT_EQ(d->priority, u"urgent"_s);
    EXPECT_EQ(d->description, u"سامانه قطع است."_s);
    ASSERT_TRUE(d->receivedAt);
    EXPECT_EQ(*d->receivedAt, tehran(2026, 11, 22, 11));

    QJsonObject minimal = good();
    minimal.remove(u"received_at");
    QJsonObject citizen = minimal[u"citizen"].toObject();
    citizen.remove(u"share_identity");
    citizen[u"national_id"] = QJsonValue::Null;
    minimal[u"citizen"] = citizen;
    minimal[u"unknown_key"] = 1;
    auto m = read(minimal);
    ASSERT_TRUE(m);
    EXPECT_FALSE(m->receivedAt);
    EXPECT_FALSE(m->shareIdentity);
    EXPECT_TRUE(m->nationalId.isEmpty());
}

TEST(ComplaintDraftJson, ErrorsNameTheKeyAsInTheInput)
{
    struct Case
    {
        const char *name;
        QJsonObject input;
        QString field;
    };
    auto without = [](const QString &key) {
        QJsonObject o = good();
        o.remove(key);
        return o;
    };
    auto citizenWith = [](const QString &key, const QJsonValue &value) {
        QJsonObject o = good();
        QJsonObject c = o[u"citizen"].toObject();
        if (value.isUndefined())
            c.remove(key);
        else
            c[key] = value;
        o[u"citizen"] = c;
        return o;
    };
    QJsonObject numberPriority = good();
    numberPriority[u"priority"] = 1;
    QJsonObject citizenText = good();
    citizenText[u"citizen"] = u"Ali"_s;
    QJsonObject noOffset = good();
    noOffset[u"received_at"] = u"2026-11-22T11:00:00"_s;
    const Case cases[] = {
        { "no channel", without(u"channel"_s), u"channel"_s },
        { "no description", without(u"description"_s), u"description"_s },
        { "citizen not an object", citizenText, u"citizen"_s },
        { "no name", citizenWith(u"name"_s, QJsonValue::Undefined), u"citizen.name"_s },
        { "null phone", citizenWith(u"phone"_s, QJsonValue::Null), u"citizen.phone"_s },
        { "phone as number", citizenWith(u"phone"_s, 9121234567.0), u"citizen.phone"_s },
        { "share as text", citizenWith(u"share_identity"_s, u"yes"_s),
          u"citizen.share_identity"_s },
        { "priority as number", numberPriority, u"priority"_s },
        { "no offset", noOffset, u"received_at"_s },
    };
    for (const Case &c : cases) {
        auto d = read(c.input);
        ASSERT_FALSE(d) << c.name;
        EXPECT_EQ(d.error().kind, ErrorKind::InvalidInput) << c.name;
        EXPECT_EQ(d.error().field, c.field) << c.name;
    }
    // Required keys are reported in the order of the form.
    QJsonObject many = good();
    many.remove(u"agency"_s);
    many.remove(u"channel"_s);
    EXPECT_EQ(read(many).error().field, u"channel"_s);
}

// Where it happened (issue 10): optional strings, kept across a draft on disk.
TEST(ComplaintDraftJson, ReadsAndWritesThePlace)
{
    QJsonObject o = good();
    o[u"city"] = u"takestan"_s;
    o[u"office"] = u"tax-qazvin-1"_s;
    o[u"service_desk"] = u"باجه ۲"_s;
    auto d = read(o);
    ASSERT_TRUE(d) << d.error().message.toStdString();
    EXPECT_EQ(d->city, u"takestan"_s);
    EXPECT_EQ(d->office, u"tax-qazvin-1"_s);
    EXPECT_EQ(d->serviceDesk, u"باجه ۲"_s);
    auto back = ComplaintJson::draftFromJson(ComplaintJson::draftToJson(d.value()));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->city, d->city);
    EXPECT_EQ(back->office, d->office);
    EXPECT_EQ(back->serviceDesk, d->serviceDesk);

    auto none = read(good());
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->city.isEmpty() && none->office.isEmpty() && none->serviceDesk.isEmpty());
    o[u"office"] = 7;
    EXPECT_EQ(read(o).error().field, u"office"_s);
}

TEST(ComplaintDraftJson, NotJsonOrNotAnObject)
{
    auto malformed = ComplaintJson::draftFromJson("{\"channel\": ");
    ASSERT_FALSE(malformed);
    EXPECT_EQ(malformed.error().field, u"json"_s);
    EXPECT_TRUE(malformed.error().message.contains(u"JSON"_s));
    auto array = ComplaintJson::draftFromJson("[1, 2]");
    ASSERT_FALSE(array);
    EXPECT_EQ(array.error().field, u"json"_s);
}

} // namespace
