// ComplaintJson: the machine form of a complaint that integrations read
// (fouadctl --json): its keys, codes, nulls, times and digits.
#include "serialize/complaintjson.h"
#include "support/tehrantime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

Complaint sample()
{
    Complaint c;
    c.id = 1000001;
    c.trackingCode = u"10000012"_s;
    c.receivedAt = tehran(2026, 11, 22, 11);
    c.dueAt = tehran(2026, 11, 22, 14);
    c.channel = Channel::AbroadLine;
    c.citizen = { u"علی رضایی"_s, u"+989121234567"_s, u"0012345679"_s, true };
    c.provinceCode = u"qazvin"_s;
    c.agencyCode = u"tax"_s;
    c.categoryCode = u"system_down"_s;
    c.priority = Priority::Urgent;
    c.description = u"سامانه از صبح قطع است."_s;
    c.status = Status::InProgress;
    c.assignee = u"op.karimi"_s;
    c.escalationLevel = 2;
    c.version = 4;
    c.createdBy = u"system"_s;
    c.updatedAt = tehran(2026, 11, 22, 12, 15);
    c.mergedFrom = { u"10000020"_s };
    HistoryEvent registered;
    registered.id = 1;
    registered.at = c.receivedAt;
    registered.actor = u"system"_s;
    registered.type = u"registered"_s;
    registered.toStatus = u"registered"_s;
    HistoryEvent assigned;
    assigned.id = 2;
    assigned.at = tehran(2026, 11, 22, 12, 15);
    assigned.actor = u"op.karimi"_s;
    assigned.type = u"assign"_s;
    assigned.fromStatus = u"referred"_s;
    assigned.toStatus = u"in_progress"_s;
    assigned.data = QJsonObject { { u"assignee"_s, u"op.karimi"_s }, { u"note"_s, u"۱۲ دقیقه"_s } };
    c.history = { registered, assigned };
    return c;
}

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

TEST(ComplaintJson, EveryKeyOfTheContract)
{
    const QJsonObject o = ComplaintJson::toJson(sample(), false);
    QStringList expected {
        u"tracking_code"_s,     u"status"_s,     u"received_at"_s,  u"due_at"_s,
        u"channel"_s,           u"citizen"_s,    u"province"_s,     u"agency"_s,
        u"category"_s,          u"priority"_s,   u"description"_s,  u"assignee"_s,
        u"escalation_level"_s,  u"outcome"_s,    u"satisfaction"_s, u"version"_s,
        u"created_by"_s,        u"updated_at"_s, u"inspector"_s,    u"merged_into"_s,
        u"closed_unverified"_s, u"city"_s,       u"office"_s,       u"service_desk"_s
    };
    expected.sort();
    EXPECT_EQ(sortedKeys(o), expected);
    EXPECT_EQ(sortedKeys(o[u"citizen"].toObject()),
              (QStringList { u"name"_s, u"national_id"_s, u"phone"_s, u"share_identity"_s }));

    // Codes as strings, numbers as numbers, booleans as booleans.
    EXPECT_EQ(o[u"tracking_code"], QJsonValue(u"10000012"_s));
    EXPECT_EQ(o[u"status"], QJsonValue(u"in_progress"_s));
    EXPECT_EQ(o[u"channel"], QJsonValue(u"abroad_line"_s));
    EXPECT_EQ(o[u"priority"], QJsonValue(u"urgent"_s));
    EXPECT_EQ(o[u"province"], QJsonValue(u"qazvin"_s));
    EXPECT_EQ(o[u"agency"], QJsonValue(u"tax"_s));
    EXPECT_EQ(o[u"category"], QJsonValue(u"system_down"_s));
    EXPECT_EQ(o[u"assignee"], QJsonValue(u"op.karimi"_s));
    EXPECT_EQ(o[u"escalation_level"], QJsonValue(2));
    EXPECT_EQ(o[u"version"], QJsonValue(4));
    EXPECT_EQ(o[u"created_by"], QJsonValue(u"system"_s));
    EXPECT_EQ(o[u"closed_unverified"], QJsonValue(false));
    EXPECT_EQ(o[u"citizen"][u"name"], QJsonValue(u"علی رضایی"_s));
    EXPECT_EQ(o[u"citizen"][u"phone"], QJsonValue(u"+989121234567"_s));
    EXPECT_EQ(o[u"citizen"][u"national_id"], QJsonValue(u"0012345679"_s));
    EXPECT_EQ(o[u"citizen"][u"share_identity"], QJsonValue(true));

    // With the history: the events and the complaints merged into this one.
    const QJsonObject full = ComplaintJson::toJson(sample(), true);
    EXPECT_EQ(sortedKeys(full).size(), expected.size() + 2);
    EXPECT_EQ(full[u"merged_from"], QJsonArray { u"10000020"_s });
    ASSERT_EQ(full[u"history"].toArray().size(), 2);
}

TEST(ComplaintJson, WhatIsNotSetIsNull)
{
    Complaint c = sample();
    c.citizen.nationalId.clear();
    c.assignee.clear();
    c.updatedAt = {};
    const QJsonObject o = ComplaintJson::toJson(c, false);
    for (const QString &key :
         { u"assignee"_s, u"outcome"_s, u"satisfaction"_s, u"updated_at"_s, u"inspector"_s,
           u"merged_into"_s, u"city"_s, u"office"_s, u"service_desk"_s })
        EXPECT_TRUE(o[key].isNull()) << key.toStdString();
    EXPECT_TRUE(o[u"citizen"][u"national_id"].isNull());

    c.outcome = u"founded"_s;
    c.satisfaction = 4;
    c.inspector = u"insp.amini"_s;
    c.mergedInto = u"10000020"_s;
    c.cityCode = u"takestan"_s;
    c.officeCode = u"tax-qazvin-1"_s;
    c.serviceDesk = u"باجه ۲"_s;
    const QJsonObject set = ComplaintJson::toJson(c, false);
    EXPECT_EQ(set[u"city"], QJsonValue(u"takestan"_s));
    EXPECT_EQ(set[u"office"], QJsonValue(u"tax-qazvin-1"_s));
    EXPECT_EQ(set[u"service_desk"], QJsonValue(u"باجه ۲"_s));
    EXPECT_EQ(set[u"outcome"], QJsonValue(u"founded"_s));
    EXPECT_EQ(set[u"satisfaction"], QJsonValue(4));
    EXPECT_EQ(set[u"inspector"], QJsonValue(u"insp.amini"_s));
    EXPECT_EQ(set[u"merged_into"], QJsonValue(u"10000020"_s));
}

TEST(ComplaintJson, TimesAreIsoInTehranWithTheOffsetAndLatinDigits)
{
    // Even when the program runs in Persian.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
    Complaint c = sample();
    c.receivedAt = tehran(2026, 6, 1, 9, 5); // summer: Iran keeps +03:30 all year
    const QJsonObject o = ComplaintJson::toJson(c, true);
    const QByteArray text = QJsonDocument(o).toJson();
    QLocale::setDefault(before);

    EXPECT_EQ(o[u"received_at"], QJsonValue(u"2026-06-01T09:05:00+03:30"_s));
    EXPECT_EQ(o[u"due_at"], QJsonValue(u"2026-11-22T14:00:00+03:30"_s));
    EXPECT_EQ(o[u"updated_at"], QJsonValue(u"2026-11-22T12:15:00+03:30"_s));
    EXPECT_EQ(o[u"history"][1][u"at"], QJsonValue(u"2026-11-22T12:15:00+03:30"_s));
    // Each time reads back as the same instant.
    EXPECT_EQ(QDateTime::fromString(o[u"received_at"].toString(), Qt::ISODate).toUTC(),
              c.receivedAt);
    // No Persian or Arabic-Indic digit anywhere but in what people wrote.
    QString withoutNote = QString::fromUtf8(text);
    withoutNote.remove(u"۱۲ دقیقه"_s);
    EXPECT_FALSE(withoutNote.contains(QRegularExpression(u"[۰-۹٠-٩]"_s))) << text.toStdString();
}

TEST(ComplaintJson, AnEventKeepsItsDataBesideItsStatuses)
{
    const QJsonObject e = ComplaintJson::toJson(sample().history.at(1));
    EXPECT_EQ(e[u"type"], QJsonValue(u"assign"_s));
    EXPECT_EQ(e[u"actor"], QJsonValue(u"op.karimi"_s));
    EXPECT_EQ(e[u"at"], QJsonValue(u"2026-11-22T12:15:00+03:30"_s));
    EXPECT_EQ(e[u"from"], QJsonValue(u"referred"_s));
    EXPECT_EQ(e[u"to"], QJsonValue(u"in_progress"_s));
    EXPECT_EQ(e[u"assignee"], QJsonValue(u"op.karimi"_s));
    EXPECT_EQ(e[u"note"], QJsonValue(u"۱۲ دقیقه"_s));
    const QJsonObject first = ComplaintJson::toJson(sample().history.at(0));
    EXPECT_TRUE(first[u"from"].isNull());
    EXPECT_EQ(first[u"to"], QJsonValue(u"registered"_s));
}

TEST(ComplaintJson, AReminderNamesItsRecipientApartFromTheStatus)
{
    HistoryEvent reminder;
    reminder.at = tehran(2026, 11, 23, 10);
    reminder.actor = u"system"_s;
    reminder.type = u"reminder"_s;
    reminder.fromStatus = u"referred"_s;
    reminder.toStatus = u"referred"_s;
    reminder.data = QJsonObject { { u"level"_s, 1 }, { u"recipient"_s, u"agency manager"_s } };
    QJsonObject e = ComplaintJson::toJson(reminder);
    EXPECT_EQ(e[u"recipient"], QJsonValue(u"agency manager"_s));
    EXPECT_EQ(e[u"to"], QJsonValue(u"referred"_s));
    EXPECT_EQ(e[u"level"], QJsonValue(1));

    // Rows written before the recipient had its own key stored it as "to".
    reminder.data = QJsonObject { { u"level"_s, 1 }, { u"to"_s, u"agency manager"_s } };
    e = ComplaintJson::toJson(reminder);
    EXPECT_EQ(e[u"recipient"], QJsonValue(u"agency manager"_s));
    EXPECT_EQ(e[u"to"], QJsonValue(u"referred"_s));

    // Only a reminder's "to" is a recipient.
    HistoryEvent other = reminder;
    other.type = u"assign"_s;
    EXPECT_FALSE(ComplaintJson::toJson(other).contains(u"recipient"));
}

TEST(ComplaintJson, ClocksAsTheyStandAndTheResolutionDueTime)
{
    SlaEngine::Clocks clocks;
    clocks.acknowledge = { tehran(2026, 11, 22, 12, 30), -600, SlaEngine::ClockState::Met };
    clocks.resolve = { tehran(2026, 11, 22, 15), 3600, SlaEngine::ClockState::Running };
    clocks.verify = {};
    const QJsonObject o = ComplaintJson::toJson(sample(), false, clocks);
    const QJsonObject sla = o[u"sla"].toObject();
    EXPECT_EQ(sortedKeys(sla), (QStringList { u"acknowledge"_s, u"resolve"_s, u"verify"_s }));
    EXPECT_EQ(sla[u"acknowledge"][u"due_at"], QJsonValue(u"2026-11-22T12:30:00+03:30"_s));
    EXPECT_EQ(sla[u"acknowledge"][u"remaining_seconds"], QJsonValue(-600));
    EXPECT_EQ(sla[u"acknowledge"][u"state"], QJsonValue(u"met"_s));
    EXPECT_EQ(sla[u"resolve"][u"remaining_seconds"], QJsonValue(3600));
    EXPECT_EQ(sla[u"resolve"][u"state"], QJsonValue(u"running"_s));
    EXPECT_TRUE(sla[u"verify"][u"due_at"].isNull());
    EXPECT_TRUE(sla[u"verify"][u"remaining_seconds"].isNull());
    EXPECT_EQ(sla[u"verify"][u"state"], QJsonValue(u"pending"_s));
    // The complaint's due_at is the resolution clock's, when it has one.
    EXPECT_EQ(o[u"due_at"], QJsonValue(u"2026-11-22T15:00:00+03:30"_s));
    clocks.resolve = {};
    EXPECT_EQ(ComplaintJson::toJson(sample(), false, clocks)[u"due_at"],
              QJsonValue(u"2026-11-22T14:00:00+03:30"_s));
}

} // namespace
