// The outbox (issue 9): who hears of a referral, each escalation level and the
// citizen's registration and closing; what the message says (no identity
// without consent); written in the transaction of its event, or not at all.
#include "domain/persiantext.h"
#include "notify/outbox.h"
#include "services/administrationservice.h"
#include "services/intakeservice.h"
#include "services/workflowservice.h"
#include "storage/database.h"
#include "storage/referencerepository.h"
#include "support/mockclock.h"
#include "support/sampledraft.h"
#include "support/testdatabase.h"
#include "support/testusers.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

struct LevelRow
{
    int level;
    QList<ContactRole> roles;
};

TEST(Outbox, EachLevelReachesTheRolesOfTheTable)
{
    using R = ContactRole;
    const LevelRow rows[] = {
        { 1, { R::Unit, R::Manager } },
        { 2, { R::Unit, R::Manager, R::ProvincialManager, R::Supervisor } },
        { 3, { R::Unit, R::Manager, R::ProvincialManager, R::Supervisor, R::Headquarters } },
        { 4, { R::Unit, R::Manager, R::ProvincialManager, R::Supervisor, R::Headquarters } },
    };
    for (const LevelRow &row : rows)
        EXPECT_EQ(rolesNotified(row.level), row.roles) << row.level;
}

struct Message
{
    QString to; // the contact's name
    QJsonObject payload;
};

class OutboxTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        db = Database::open(testDb->url()).value();
        for (const auto &[name, role] :
             { std::pair { u"op", Role::Operator }, std::pair { u"sup", Role::Supervisor } })
            ASSERT_TRUE(addTestUser(*db, QString::fromUtf16(name), role, clock.nowUtc()).ok());
        // The complaint is against tax in tehran: every contact below but the
        // other agency's, the other province's and the one without a webhook
        // hears of it at some level.
        const struct
        {
            const char16_t *agency, *province, *name;
            ContactRole role;
            const char16_t *webhook;
        } contacts[] = {
            { u"tax", u"", u"tax-unit", ContactRole::Unit, u"http://127.0.0.1:1/unit" },
            { u"tax", u"tehran", u"tax-manager-tehran", ContactRole::Manager,
              u"http://127.0.0.1:1/m" },
            { u"tax", u"qazvin", u"tax-manager-qazvin", ContactRole::Manager,
              u"http://127.0.0.1:1/q" },
            { u"tax", u"tehran", u"tax-pm-tehran", ContactRole::ProvincialManager,
              u"http://127.0.0.1:1/pm" },
            { u"tax", u"", u"tax-supervisor", ContactRole::Supervisor, u"http://127.0.0.1:1/s" },
            { u"tax", u"", u"tax-hq", ContactRole::Headquarters, u"http://127.0.0.1:1/hq" },
            { u"tax", u"", u"tax-phone-only", ContactRole::Unit, u"" },
            { u"customs", u"", u"customs-unit", ContactRole::Unit, u"http://127.0.0.1:1/c" },
            { u"", u"", u"sms", ContactRole::CitizenSms, u"http://127.0.0.1:1/sms" },
        };
        AdministrationService admin(*db, clock, 1000);
        for (const auto &c : contacts) {
            Contact contact;
            contact.agencyCode = QString::fromUtf16(c.agency);
            contact.provinceCode = QString::fromUtf16(c.province);
            contact.name = QString::fromUtf16(c.name);
            contact.role = c.role;
            contact.webhook = QString::fromUtf16(c.webhook);
            auto added = admin.addContact(AdministrationService::systemActor(), contact);
            ASSERT_TRUE(added) << added.error().message.toStdString();
        }
        intake =
            std::make_unique<IntakeService>(*db, ReferenceRepository(*db).load().value(), clock);
        workflow = std::make_unique<WorkflowService>(*db, clock);
    }

    QList<Message> messages()
    {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(u"SELECT contact_name, payload, idempotency_key, state FROM"
                           " notifications ORDER BY id"_s));
        QList<Message> out;
        while (q.next()) {
            EXPECT_EQ(q.value(3).toString(), u"pending");
            keys << q.value(2).toString();
            out << Message { q.value(0).toString(),
                             QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object() };
        }
        return out;
    }

    QStringList recipients(const QList<Message> &list, qsizetype from = 0)
    {
        QStringList names;
        for (qsizetype i = from; i < list.size(); ++i)
            names << list[i].to;
        return names;
    }

    Result<Complaint> act(Action action, const QString &code, const QString &actor)
    {
        ActionRequest r;
        r.action = action;
        r.code = code;
        r.actor = actor;
        r.reason = u"دیر شده است"_s;
        return workflow->perform(r);
    }

    MockClock clock;
    std::unique_ptr<TestDatabase> testDb;
    std::shared_ptr<Database> db;
    std::unique_ptr<IntakeService> intake;
    std::unique_ptr<WorkflowService> workflow;
    QStringList keys;
};

TEST_P(OutboxTest, RegistrationTellsTheCitizenTheTrackingCodeInPersianDigits)
{
    auto c = intake->registerComplaint(sampleDraft(), u"op"_s);
    ASSERT_TRUE(c) << c.error().message.toStdString();
    const QList<Message> sent = messages();
    ASSERT_EQ(recipients(sent), QStringList { u"sms"_s });
    const QJsonObject sms = sent[0].payload;
    EXPECT_EQ(sms[u"to"].toString(), u"+989121234567");
    EXPECT_EQ(sms[u"tracking_code"].toString(), c->trackingCode);
    EXPECT_TRUE(sms[u"text"].toString().contains(PersianText::toPersianDigits(c->trackingCode)))
        << sms[u"text"].toString().toStdString();
    EXPECT_FALSE(sms[u"text"].toString().contains(c->trackingCode)) << "Latin digits";
}

TEST_P(OutboxTest, ReferralAndEachLevelReachTheirRecipientsAndNoOneElse)
{
    auto c = intake->registerComplaint(sampleDraft(), u"op"_s);
    ASSERT_TRUE(c);
    const qsizetype registration = messages().size();
    ASSERT_TRUE(act(Action::Refer, c->trackingCode, u"op"_s));
    QList<Message> sent = messages();
    EXPECT_EQ(recipients(sent, registration),
              (QStringList { u"tax-unit"_s, u"tax-manager-tehran"_s }));
    const QJsonObject referral = sent.constLast().payload;
    for (const char16_t *key : { u"tracking_code", u"category", u"agency", u"province", u"status",
                                 u"escalation_level", u"due_at", u"summary" })
        EXPECT_TRUE(referral.contains(QStringView(key)))
            << QStringView(key).toString().toStdString();
    EXPECT_EQ(referral[u"status"].toString(), u"referred");
    EXPECT_TRUE(referral[u"escalation_level"].isDouble());
    EXPECT_FALSE(referral.contains(u"citizen")) << "no consent, no identity";
    const QByteArray all = QJsonDocument(referral).toJson();
    EXPECT_FALSE(all.contains("09121234567") || all.contains("9121234567")
                 || all.contains(u"زهرا"_s.toUtf8()));

    qsizetype before = sent.size();
    ASSERT_TRUE(act(Action::Escalate, c->trackingCode, u"sup"_s)); // level 1
    sent = messages();
    EXPECT_EQ(recipients(sent, before), (QStringList { u"tax-unit"_s, u"tax-manager-tehran"_s }));
    before = sent.size();
    ASSERT_TRUE(act(Action::Escalate, c->trackingCode, u"sup"_s)); // level 2
    sent = messages();
    EXPECT_EQ(recipients(sent, before),
              (QStringList { u"tax-unit"_s, u"tax-manager-tehran"_s, u"tax-pm-tehran"_s,
                             u"tax-supervisor"_s }));
    EXPECT_EQ(sent.constLast().payload[u"escalation_level"].toInt(), 2);
    before = sent.size();
    ASSERT_TRUE(act(Action::Escalate, c->trackingCode, u"sup"_s)); // level 3
    sent = messages();
    EXPECT_EQ(recipients(sent, before),
              (QStringList { u"tax-unit"_s, u"tax-manager-tehran"_s, u"tax-pm-tehran"_s,
                             u"tax-supervisor"_s, u"tax-hq"_s }));
    // Every message its own key.
    keys.clear();
    const qsizetype total = messages().size();
    keys.removeDuplicates();
    EXPECT_EQ(keys.size(), total);
}

TEST_P(OutboxTest, WithConsentTheAgencyLearnsWhoTheCitizenIs)
{
    ComplaintDraft draft = sampleDraft();
    draft.shareIdentity = true;
    draft.nationalId = u"0012345679"_s;
    auto c = intake->registerComplaint(draft, u"op"_s);
    ASSERT_TRUE(c) << c.error().message.toStdString();
    ASSERT_TRUE(act(Action::Refer, c->trackingCode, u"op"_s));
    const QJsonObject citizen = messages().constLast().payload[u"citizen"].toObject();
    EXPECT_EQ(citizen[u"name"].toString(), u"زهرا احمدی");
    EXPECT_EQ(citizen[u"phone"].toString(), u"+989121234567");
    EXPECT_EQ(citizen[u"national_id"].toString(), u"0012345679");
}

TEST_P(OutboxTest, ClosingTellsTheCitizenTheOutcome)
{
    auto c = intake->registerComplaint(sampleDraft(), u"op"_s);
    ASSERT_TRUE(c);
    Complaint closed = c.value();
    closed.status = Status::Closed;
    closed.outcome = u"founded"_s;
    HistoryEvent event;
    event.type = u"close"_s;
    event.fromStatus = u"verified"_s;
    event.toStatus = u"closed"_s;
    Transaction tx(*db);
    ASSERT_TRUE(tx.begin());
    ASSERT_EQ(Outbox(*db, clock).write(closed, { event }).value(), 1);
    ASSERT_TRUE(tx.commit());
    const QJsonObject sms = messages().constLast().payload;
    EXPECT_EQ(sms[u"to"].toString(), u"+989121234567");
    EXPECT_EQ(sms[u"text"].toString(), Outbox::closedText(closed));
    EXPECT_TRUE(sms[u"text"].toString().contains(u"وارد دانسته شد"_s));
}

TEST_P(OutboxTest, AMessageIsRolledBackWithItsEvent)
{
    auto c = intake->registerComplaint(sampleDraft(), u"op"_s);
    ASSERT_TRUE(c);
    const qsizetype before = messages().size();
    {
        Transaction tx(*db);
        ASSERT_TRUE(tx.begin());
        HistoryEvent refer;
        refer.type = u"refer"_s;
        ASSERT_EQ(Outbox(*db, clock).write(c.value(), { refer }).value(), 2);
    } // not committed
    EXPECT_EQ(messages().size(), before);
    // A refused action (a stale version) writes nothing either.
    ActionRequest r;
    r.action = Action::Refer;
    r.code = c->trackingCode;
    r.actor = u"op"_s;
    r.expectVersion = c->version + 5;
    ASSERT_FALSE(workflow->perform(r));
    EXPECT_EQ(messages().size(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

} // namespace
