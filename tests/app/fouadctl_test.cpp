// fouadctl as integrations and administrators use it, on SQLite and PostgreSQL.
// The commands run in-process through the registry with a MockClock, so times
// are the test's; a few tests run the real binary as a child process (version,
// exit codes, the password on standard input, concurrent sweeps).
#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/ctl.h"
#include "storage/database.h"
#include "storage/userrepository.h"
#include "support/mockclock.h"
#include "support/tehrantime.h"
#include "support/testdatabase.h"
#include "support/watchprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

// One fouadctl command line, in this process, as the real main() would run it.
CtlRun runCtl(const QString &url, const QStringList &args, const QByteArray &input,
              const Clock &clock)
{
    QString inText = QString::fromUtf8(input);
    QString outText, errText;
    QTextStream in(&inText, QIODevice::ReadOnly);
    QTextStream out(&outText, QIODevice::WriteOnly);
    QTextStream err(&errText, QIODevice::WriteOnly);
    ctl::Context ctx(in, out, err, clock);
    const int code = ctl::run(QStringList { s(u"fouadctl"), s(u"--db"), url } + args, ctx);
    out.flush();
    err.flush();
    return { code, outText, errText };
}

// The real binary, as a child process.
CtlRun runProcess(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(FOUADCTL_PATH));
    p.setArguments(args);
    p.start();
    p.write(input);
    p.closeWriteChannel();
    EXPECT_TRUE(p.waitForFinished(120000));
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

QJsonObject goodComplaint()
{
    return QJsonObject {
        { s(u"channel"), s(u"line128") },
        { s(u"citizen"),
          QJsonObject { { s(u"name"), s(u"علي رضايي") },
                        { s(u"phone"), s(u"۰۹۱۲ ۱۲۳ ۴۵۶۷") },
                        { s(u"national_id"), s(u"0012345679") } } },
        { s(u"province"), s(u"qazvin") },
        { s(u"agency"), s(u"tax") },
        { s(u"category"), s(u"system_down") },
        { s(u"priority"), s(u"urgent") },
        { s(u"description"), s(u"سامانه از صبح قطع است.") },
        { s(u"received_at"), s(u"2026-11-22T11:00:00+03:30") },
    };
}

class FouadctlTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        FOUAD_MAKE_TEST_DATABASE(testDb, GetParam());
        ASSERT_EQ(ctl({ s(u"init-db") }).exitCode, 0);
    }

    CtlRun ctl(const QStringList &args, const QByteArray &input = {})
    {
        return runCtl(testDb->url().toString(), args, input, clock);
    }

    CtlRun add(const QJsonObject &complaint, const QStringList &extra = {})
    {
        return ctl(QStringList { s(u"complaint"), s(u"add"), s(u"--json"), s(u"-") } + extra,
                   QJsonDocument(complaint).toJson());
    }

    int complaintCount()
    {
        const CtlRun r = ctl({ s(u"complaint"), s(u"list"), s(u"--json") });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return int(r.json().array().size());
    }

    std::unique_ptr<TestDatabase> testDb;
    // Sunday 2026-11-22, an hour after goodComplaint() was received.
    MockClock clock { tehran(2026, 11, 22, 12) };
};

TEST_P(FouadctlTest, InitDbIsIdempotentAndListsReferenceData)
{
    const CtlRun again = ctl({ s(u"init-db") });
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();

    const CtlRun provinces = ctl({ s(u"province"), s(u"list"), s(u"--json") });
    ASSERT_EQ(provinces.exitCode, 0);
    const QJsonArray p = provinces.json().array();
    EXPECT_EQ(p.size(), 31);
    for (const QJsonValue v : p) {
        EXPECT_TRUE(v[u"code"].isString());
        EXPECT_FALSE(v[u"name"].toString().isEmpty());
    }
    const CtlRun agencies = ctl({ s(u"agency"), s(u"list"), s(u"--json") });
    ASSERT_EQ(agencies.exitCode, 0);
    EXPECT_GE(agencies.json().array().size(), 30);
}

TEST_P(FouadctlTest, AddPrintsTheWholeComplaint)
{
    const CtlRun r = add(goodComplaint());
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject c = r.json().object();
    EXPECT_TRUE(c[u"tracking_code"].isString());
    EXPECT_GE(c[u"tracking_code"].toString().size(), 8);
    EXPECT_EQ(c[u"status"].toString(), s(u"registered"));
    EXPECT_EQ(c[u"received_at"].toString(), s(u"2026-11-22T11:00:00+03:30"));
    EXPECT_EQ(c[u"due_at"].toString(), s(u"2026-11-22T14:00:00+03:30")); // 3 working hours
    EXPECT_EQ(c[u"citizen"][u"name"].toString(), s(u"علی رضایی")); // normalised
    EXPECT_EQ(c[u"citizen"][u"phone"].toString(), s(u"+989121234567"));
    EXPECT_EQ(c[u"citizen"][u"national_id"].toString(), s(u"0012345679"));
    EXPECT_EQ(c[u"citizen"][u"share_identity"].toBool(true), false);
    EXPECT_EQ(c[u"province"].toString(), s(u"qazvin"));
    EXPECT_EQ(c[u"agency"].toString(), s(u"tax"));
    EXPECT_EQ(c[u"category"].toString(), s(u"system_down"));
    EXPECT_EQ(c[u"priority"].toString(), s(u"urgent"));
    EXPECT_EQ(c[u"version"].toInt(), 1);
    const QJsonArray history = c[u"history"].toArray();
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history[0][u"type"].toString(), s(u"registered"));
    EXPECT_EQ(history[0][u"actor"].toString(), s(u"system"));
    EXPECT_TRUE(history[0][u"at"].isString());

    // The clocks: received Sunday 2026-11-22 11:00 Tehran, urgent category: 3 working
    // hours to resolve, 1.5 to acknowledge. At 12:00 both run.
    EXPECT_EQ(c[u"sla"][u"resolve"][u"state"].toString(), s(u"running"));
    EXPECT_EQ(c[u"sla"][u"resolve"][u"remaining_seconds"].toDouble(), 2 * 3600);
    EXPECT_EQ(c[u"sla"][u"acknowledge"][u"remaining_seconds"].toDouble(), 1800);

    // show --json gives the same complaint back; at 15:00 both clocks are breached.
    clock.set(tehran(2026, 11, 22, 15));
    const CtlRun shown =
        ctl({ s(u"complaint"), s(u"show"), c[u"tracking_code"].toString(), s(u"--json") });
    ASSERT_EQ(shown.exitCode, 0);
    QJsonObject shownObject = shown.json().object();
    const QJsonObject sla = shownObject.take(u"sla").toObject();
    QJsonObject added = c;
    added.remove(u"sla");
    EXPECT_EQ(shownObject, added);
    EXPECT_EQ(sla[u"resolve"][u"due_at"].toString(), s(u"2026-11-22T14:00:00+03:30"));
    EXPECT_EQ(sla[u"acknowledge"][u"due_at"].toString(), s(u"2026-11-22T12:30:00+03:30"));
    EXPECT_EQ(sla[u"resolve"][u"state"].toString(), s(u"breached"));
    EXPECT_LT(sla[u"resolve"][u"remaining_seconds"].toDouble(), 0);
    EXPECT_EQ(sla[u"resolve"][u"remaining_seconds"].toDouble(), -3600);
    EXPECT_EQ(sla[u"acknowledge"][u"state"].toString(), s(u"breached"));
    EXPECT_EQ(sla[u"verify"][u"state"].toString(), s(u"pending"));
    // Machine output uses Latin digits only.
    EXPECT_FALSE(shown.out.contains(QRegularExpression(s(u"[۰-۹٠-٩]"))));
}

TEST_P(FouadctlTest, OptionalFieldsAndUnknownKeys)
{
    QJsonObject c = goodComplaint();
    QJsonObject citizen = c[u"citizen"].toObject();
    citizen[u"national_id"] = QJsonValue::Null;
    citizen[u"share_identity"] = true;
    c[u"citizen"] = citizen;
    c.remove(u"received_at");
    c[u"something_new"] = 42;
    const CtlRun r = add(c);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json()[u"citizen"][u"national_id"].isNull());
    EXPECT_TRUE(r.json()[u"citizen"][u"share_identity"].toBool());
    citizen[u"national_id"] = s(u"");
    c[u"citizen"] = citizen;
    EXPECT_EQ(add(c).exitCode, 0);
    // The same phone again: a warning, never a refusal.
    const CtlRun again = add(c);
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.err.contains(s(u"warning")));
}

struct BadInput
{
    const char *name;
    void (*spoil)(QJsonObject &);
    const char16_t *field;
};

void setCitizen(QJsonObject &c, const QString &key, const QJsonValue &value)
{
    QJsonObject citizen = c[u"citizen"].toObject();
    if (value.isUndefined())
        citizen.remove(key);
    else
        citizen[key] = value;
    c[u"citizen"] = citizen;
}

TEST_P(FouadctlTest, BadInputExits2NamingTheFieldAndWritesNothing)
{
    const BadInput cases[] = {
        { "no channel", [](QJsonObject &c) { c.remove(u"channel"); }, u"channel" },
        { "bad channel", [](QJsonObject &c) { c[u"channel"] = s(u"fax"); }, u"channel" },
        { "no citizen", [](QJsonObject &c) { c.remove(u"citizen"); }, u"citizen" },
        { "no name", [](QJsonObject &c) { setCitizen(c, s(u"name"), QJsonValue::Undefined); },
          u"citizen.name" },
        { "no phone", [](QJsonObject &c) { setCitizen(c, s(u"phone"), QJsonValue::Undefined); },
          u"citizen.phone" },
        { "bad phone", [](QJsonObject &c) { setCitizen(c, s(u"phone"), s(u"0912123")); },
          u"citizen.phone" },
        { "phone as number", [](QJsonObject &c) { setCitizen(c, s(u"phone"), 9121234567.0); },
          u"citizen.phone" },
        { "bad national id",
          [](QJsonObject &c) { setCitizen(c, s(u"national_id"), s(u"0012345678")); },
          u"citizen.national_id" },
        { "bad share", [](QJsonObject &c) { setCitizen(c, s(u"share_identity"), s(u"yes")); },
          u"citizen.share_identity" },
        { "no province", [](QJsonObject &c) { c.remove(u"province"); }, u"province" },
        { "unknown province", [](QJsonObject &c) { c[u"province"] = s(u"atlantis"); },
          u"province" },
        { "unknown agency", [](QJsonObject &c) { c[u"agency"] = s(u"ministry_of_magic"); },
          u"agency" },
        { "unknown category", [](QJsonObject &c) { c[u"category"] = s(u"noise"); }, u"category" },
        { "bad priority", [](QJsonObject &c) { c[u"priority"] = s(u"high"); }, u"priority" },
        { "empty description", [](QJsonObject &c) { c[u"description"] = s(u"   "); },
          u"description" },
        { "no description", [](QJsonObject &c) { c.remove(u"description"); }, u"description" },
        { "future", [](QJsonObject &c) { c[u"received_at"] = s(u"2099-01-01T00:00:00+03:30"); },
          u"received_at" },
        { "no offset", [](QJsonObject &c) { c[u"received_at"] = s(u"2026-11-22T11:00:00"); },
          u"received_at" },
    };
    for (const BadInput &bad : cases) {
        QJsonObject c = goodComplaint();
        bad.spoil(c);
        const CtlRun r = add(c);
        EXPECT_EQ(r.exitCode, 2) << bad.name;
        EXPECT_TRUE(r.err.contains(s(bad.field))) << bad.name << ": " << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty()) << bad.name;
    }
    const CtlRun malformed =
        ctl({ s(u"complaint"), s(u"add"), s(u"--json"), s(u"-") }, "{\"channel\": ");
    EXPECT_EQ(malformed.exitCode, 2);
    EXPECT_TRUE(malformed.err.contains(s(u"JSON")));
    EXPECT_EQ(complaintCount(), 0);
}

TEST_P(FouadctlTest, AnIntegrationLoginIsForPostgresqlOnly)
{
    const CtlRun r = ctl({ s(u"user"), s(u"add"), s(u"ivr"), s(u"--role"), s(u"integration") },
                         "a-long-password\n");
    const CtlRun users = ctl({ s(u"user"), s(u"add"), s(u"ivr2"), s(u"--role"), s(u"operator") },
                             "a-long-password\n");
    ASSERT_EQ(users.exitCode, 0) << users.err.toStdString();
    if (GetParam() == Backend::SQLite) {
        EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(s(u"--role"))) << r.err.toStdString();
        auto db = Database::open(testDb->url());
        ASSERT_TRUE(db);
        EXPECT_FALSE(UserRepository(**db).find(s(u"ivr")));
    } else {
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
}

TEST_P(FouadctlTest, RegisteringAsAUserChecksTheRole)
{
    const QByteArray password = "correct horse battery\n";
    ASSERT_EQ(
        ctl({ s(u"user"), s(u"add"), s(u"op.rahimi"), s(u"--role"), s(u"operator") }, password)
            .exitCode,
        0);
    ASSERT_EQ(
        ctl({ s(u"user"), s(u"add"), s(u"insp.nouri"), s(u"--role"), s(u"inspector") }, password)
            .exitCode,
        0);
    EXPECT_EQ(
        ctl({ s(u"user"), s(u"add"), s(u"op.short"), s(u"--role"), s(u"operator") }, "short\n")
            .exitCode,
        2);
    EXPECT_EQ(
        ctl({ s(u"user"), s(u"add"), s(u"op.x"), s(u"--role"), s(u"boss") }, password).exitCode, 2);

    const CtlRun asOperator = add(goodComplaint(), { s(u"--as"), s(u"op.rahimi") });
    ASSERT_EQ(asOperator.exitCode, 0) << asOperator.err.toStdString();
    EXPECT_EQ(asOperator.json()[u"history"][0][u"actor"].toString(), s(u"op.rahimi"));
    EXPECT_EQ(add(goodComplaint(), { s(u"--as"), s(u"insp.nouri") }).exitCode, 5);
    EXPECT_EQ(add(goodComplaint(), { s(u"--as"), s(u"nobody") }).exitCode, 3);
    EXPECT_EQ(complaintCount(), 1);
}

// user add goes through the AdministrationService: without --as the system
// actor (an administrator) adds; with it, only an administrator may, and the
// change is recorded under that name.
TEST_P(FouadctlTest, AddingAUserIsAnAdministratorsChange)
{
    const QByteArray password = "correct horse battery\n";
    auto userAdd = [&](const char16_t *name, const char16_t *role, QStringList extra = {}) {
        return ctl(QStringList { s(u"user"), s(u"add"), s(name), s(u"--role"), s(role) } + extra,
                   password);
    };
    ASSERT_EQ(userAdd(u"root", u"admin").exitCode, 0);
    ASSERT_EQ(userAdd(u"op.rahimi", u"operator").exitCode, 0);
    const CtlRun byOperator = userAdd(u"op.two", u"operator", { s(u"--as"), s(u"op.rahimi") });
    EXPECT_EQ(byOperator.exitCode, 5) << byOperator.err.toStdString();
    EXPECT_EQ(userAdd(u"op.three", u"operator", { s(u"--as"), s(u"nobody") }).exitCode, 3);
    const CtlRun byAdmin = userAdd(u"sup.nouri", u"supervisor", { s(u"--as"), s(u"root") });
    EXPECT_EQ(byAdmin.exitCode, 0) << byAdmin.err.toStdString();
    EXPECT_EQ(userAdd(u"system", u"operator").exitCode, 2); // the name the history reserves

    auto db = Database::open(testDb->url()).value();
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(s(u"SELECT actor, key FROM admin_changes WHERE entity = 'user' ORDER BY id")));
    QStringList changes;
    while (q.next())
        changes << q.value(0).toString() + u':' + q.value(1).toString();
    EXPECT_EQ(changes,
              (QStringList { s(u"system:root"), s(u"system:op.rahimi"), s(u"root:sup.nouri") }));
}

TEST_P(FouadctlTest, ShowTellsInvalidFromNotFound)
{
    const CtlRun r = add(goodComplaint());
    const QString code = r.json()[u"tracking_code"].toString();
    QString typo = code;
    typo[2] = typo[2] == u'5' ? u'6' : u'5';
    EXPECT_EQ(ctl({ s(u"complaint"), s(u"show"), typo }).exitCode, 2);
    EXPECT_EQ(ctl({ s(u"complaint"), s(u"show"), s(u"99999992") }).exitCode,
              3); // well formed, absent
    QString persian;
    for (QChar ch : code)
        persian.append(QChar(0x06F0 + (ch.unicode() - u'0')));
    const CtlRun shown = ctl({ s(u"complaint"), s(u"show"), persian });
    EXPECT_EQ(shown.exitCode, 0);
    EXPECT_TRUE(shown.out.contains(code));
}

TEST_P(FouadctlTest, ListFiltersSearchesAndLimits)
{
    QJsonObject older = goodComplaint();
    older[u"received_at"] = s(u"2026-11-20T09:00:00+03:30");
    setCitizen(older, s(u"name"), s(u"مریم کاظمی"));
    setCitizen(older, s(u"phone"), s(u"021-8877-6655"));
    ASSERT_EQ(add(older).exitCode, 0);
    ASSERT_EQ(add(goodComplaint()).exitCode, 0);

    const CtlRun all = ctl({ s(u"complaint"), s(u"list"), s(u"--json") });
    ASSERT_EQ(all.exitCode, 0);
    const QJsonArray rows = all.json().array();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0][u"citizen"][u"name"].toString(), s(u"علی رضایی")); // newest first
    EXPECT_FALSE(rows[0].toObject().contains(u"history"));

    auto names = [&](const QStringList &args) {
        const CtlRun r = ctl(QStringList { s(u"complaint"), s(u"list"), s(u"--json") } + args);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QStringList out;
        for (const QJsonValue v : r.json().array())
            out << v[u"citizen"][u"name"].toString();
        return out;
    };
    EXPECT_EQ(names({ s(u"--search"), s(u"كاظمي") }), QStringList { s(u"مریم کاظمی") });
    EXPECT_EQ(names({ s(u"--search"), s(u"۰۲۱۸۸۷۷۶۶۵۵") }), QStringList { s(u"مریم کاظمی") });
    EXPECT_EQ(names({ s(u"--search"), s(u"+989121234567") }), QStringList { s(u"علی رضایی") });
    EXPECT_EQ(names({ s(u"--limit"), s(u"1") }).size(), 1);
    EXPECT_EQ(names({ s(u"--status"), s(u"registered") }).size(), 2);
    EXPECT_EQ(names({ s(u"--status"), s(u"closed") }).size(), 0);
    EXPECT_EQ(ctl({ s(u"complaint"), s(u"list"), s(u"--status"), s(u"lost") }).exitCode, 2);
    EXPECT_EQ(ctl({ s(u"complaint"), s(u"list"), s(u"--limit"), s(u"0") }).exitCode, 2);

    const CtlRun csv = ctl({ s(u"complaint"), s(u"list"), s(u"--csv") });
    ASSERT_EQ(csv.exitCode, 0);
    const QStringList lines = csv.out.split(s(u"\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines[0].startsWith(s(u"tracking_code,status,received_at")));
}

TEST_P(FouadctlTest, StatsCountEverythingOrARange)
{
    QJsonObject older = goodComplaint();
    older[u"received_at"] = s(u"2026-11-20T09:00:00+03:30"); // 1405/08/29
    older[u"category"] = s(u"delay");
    ASSERT_EQ(add(older).exitCode, 0);
    ASSERT_EQ(add(goodComplaint()).exitCode, 0); // 1405/09/01

    const CtlRun all = ctl({ s(u"stats"), s(u"--json") });
    ASSERT_EQ(all.exitCode, 0);
    const QJsonObject o = all.json().object();
    EXPECT_TRUE(o[u"total"].isDouble());
    EXPECT_EQ(o[u"total"].toInt(), 2);
    EXPECT_EQ(o[u"by_status"][u"registered"].toInt(), 2);
    EXPECT_EQ(o[u"by_category"][u"delay"].toInt(), 1);
    EXPECT_EQ(o[u"by_category"][u"system_down"].toInt(), 1);
    // Issue 10's key figures; nothing resolved yet, so its shares and times are null.
    EXPECT_EQ(o[u"open"].toInt(), 2);
    EXPECT_EQ(o[u"resolved"].toInt(-1), 0);
    for (const char16_t *undefined : { u"resolved_within_target_share",
                                       u"average_resolution_seconds", u"median_resolution_seconds",
                                       u"founded_share", u"average_satisfaction", u"reopen_rate" })
        EXPECT_TRUE(o[QStringView(undefined)].isNull())
            << QStringView(undefined).toString().toStdString();
    EXPECT_EQ(o[u"open_by_escalation_level"][u"0"].toInt(), 2);
    EXPECT_EQ(o[u"open_by_escalation_level"][u"3"].toInt(-1), 0);

    const CtlRun day = ctl({ s(u"stats"), s(u"--from"), s(u"۱۴۰۵/۰۹/۰۱"), s(u"--to"),
                             s(u"1405/09/01"), s(u"--json") });
    ASSERT_EQ(day.exitCode, 0) << day.err.toStdString();
    EXPECT_EQ(day.json()[u"total"].toInt(), 1);
    EXPECT_EQ(ctl({ s(u"stats"), s(u"--from"), s(u"1405/13/01"), s(u"--json") }).exitCode, 2);
}

// Issue 11: backup and restore print what they did, refuse a database that has
// complaints (exit 2 naming --db), and name the missing file or flag.
TEST_P(FouadctlTest, BackupAndRestorePrintTheirCountsAndRefuseANonEmptyTarget)
{
    ASSERT_EQ(add(goodComplaint()).exitCode, 0);
    ASSERT_EQ(add(goodComplaint()).exitCode, 0);
    QTemporaryDir dir;
    const QString file = dir.filePath(s(u"centre.backup"));

    const CtlRun backup = ctl({ s(u"backup"), s(u"--output"), file });
    ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
    EXPECT_TRUE(backup.out.startsWith(s(u"backup written: "))) << backup.out.toStdString();
    EXPECT_TRUE(backup.out.contains(s(u": 2 complaints, "))) << backup.out.toStdString();
    EXPECT_TRUE(QFile::exists(file));

    const CtlRun json = ctl({ s(u"backup"), s(u"--output"), file, s(u"--json") });
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    EXPECT_EQ(json.json()[u"complaints"].toInt(), 2);
    EXPECT_GE(json.json()[u"events"].toInt(), 2);
    EXPECT_GT(json.json()[u"bytes"].toDouble(), 0);

    // Into the database it came from: it has complaints.
    const CtlRun refused = ctl({ s(u"restore"), file });
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.startsWith(s(u"fouadctl: --db: "))) << refused.err.toStdString();
    EXPECT_EQ(complaintCount(), 2);

    std::unique_ptr<TestDatabase> other;
    FOUAD_MAKE_TEST_DATABASE(other, GetParam());
    const CtlRun restored = runCtl(other->url().toString(), { s(u"restore"), file }, {}, clock);
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_TRUE(restored.out.contains(s(u": 2 complaints, "))) << restored.out.toStdString();
    const CtlRun listed =
        runCtl(other->url().toString(), { s(u"complaint"), s(u"list"), s(u"--json") }, {}, clock);
    EXPECT_EQ(listed.json().array().size(), 2);

    EXPECT_EQ(ctl({ s(u"backup") }).exitCode, 2);
    const CtlRun missing = ctl({ s(u"restore"), dir.filePath(s(u"nothing")) });
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.startsWith(s(u"fouadctl: FILE: "))) << missing.err.toStdString();
    EXPECT_EQ(ctl({ s(u"backup"), s(u"--output"), dir.filePath(s(u"no/such/folder/x")) }).exitCode,
              2);
}

TEST_P(FouadctlTest, ScorecardRanksEveryAgencyAndNamesBadFlags)
{
    QJsonObject older = goodComplaint();
    older[u"received_at"] = s(u"2026-11-20T09:00:00+03:30"); // 1405/08/29
    older[u"agency"] = s(u"post");
    ASSERT_EQ(add(older).exitCode, 0);
    ASSERT_EQ(add(goodComplaint()).exitCode, 0); // tax, qazvin, 1405/09/01
    ASSERT_EQ(add(goodComplaint()).exitCode, 0);

    const CtlRun all = ctl({ s(u"scorecard"), s(u"--json") });
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    const QJsonArray rows = all.json().array();
    const CtlRun agencies = ctl({ s(u"agency"), s(u"list"), s(u"--json") });
    ASSERT_EQ(agencies.exitCode, 0);
    EXPECT_EQ(rows.size(), agencies.json().array().size()) << "agencies with none too";
    QHash<QString, QJsonObject> byAgency;
    for (const QJsonValue v : rows)
        byAgency.insert(v[u"agency"].toString(), v.toObject());
    EXPECT_EQ(byAgency[s(u"tax")][u"complaints"].toInt(), 2);
    EXPECT_EQ(byAgency[s(u"post")][u"complaints"].toInt(), 1);
    for (const char16_t *key :
         { u"complaints", u"founded_share", u"sla_compliance", u"average_resolution_seconds",
           u"reopen_rate", u"average_satisfaction", u"score" })
        EXPECT_TRUE(byAgency[s(u"tax")].contains(QStringView(key)))
            << QStringView(key).toString().toStdString();
    // Nothing resolved, closed or rated yet: nothing to score.
    EXPECT_TRUE(byAgency[s(u"tax")][u"score"].isNull());
    EXPECT_EQ(byAgency[s(u"health")][u"complaints"].toInt(-1), 0);

    const CtlRun day = ctl({ s(u"scorecard"), s(u"--by"), s(u"province"), s(u"--from"),
                             s(u"1405/09/01"), s(u"--to"), s(u"۱۴۰۵/۰۹/۰۱"), s(u"--json") });
    ASSERT_EQ(day.exitCode, 0) << day.err.toStdString();
    qint64 total = 0;
    for (const QJsonValue v : day.json().array()) {
        total += v[u"complaints"].toInt();
        if (v[u"province"].toString() == s(u"qazvin")) {
            EXPECT_EQ(v[u"complaints"].toInt(), 2);
        }
    }
    EXPECT_EQ(total, 2);

    const auto fails = [&](const QStringList &args, const char *field) {
        const CtlRun r = ctl(QStringList { s(u"scorecard") } + args);
        EXPECT_EQ(r.exitCode, 2) << args.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromLatin1(field))) << r.err.toStdString();
    };
    fails({ s(u"--by"), s(u"city") }, "--by");
    fails({ s(u"--from"), s(u"1405/13/01") }, "--from");
    fails({ s(u"--from"), s(u"1405/09/02"), s(u"--to"), s(u"1405/09/01") }, "--to");
    fails({ s(u"--province"), s(u"atlantis") }, "--province");
    fails({ s(u"--agency"), s(u"nobody") }, "--agency");
}

TEST_P(FouadctlTest, SeedDemoIsExactAndDeterministic)
{
    const CtlRun seeded = ctl({ s(u"seed-demo"), s(u"--count"), s(u"300"), s(u"--seed"), s(u"7"),
                                s(u"--days"), s(u"10") });
    ASSERT_EQ(seeded.exitCode, 0) << seeded.err.toStdString();
    const CtlRun list = ctl({ s(u"complaint"), s(u"list"), s(u"--json") });
    const QJsonArray rows = list.json().array();
    ASSERT_EQ(rows.size(), 300);

    QSet<QString> provinces, categories, statuses;
    const QDateTime now = clock.nowUtc();
    int inFirstHalf = 0;
    for (const QJsonValue v : rows) {
        provinces.insert(v[u"province"].toString());
        categories.insert(v[u"category"].toString());
        statuses.insert(v[u"status"].toString());
        const QDateTime at = QDateTime::fromString(v[u"received_at"].toString(), Qt::ISODate);
        EXPECT_LE(at, now.addSecs(5));
        EXPECT_GE(at, now.addDays(-10).addSecs(-60));
        inFirstHalf += at < now.addDays(-5) ? 1 : 0;
    }
    EXPECT_GE(provinces.size(), 15);
    EXPECT_EQ(categories.size(), 11);
    EXPECT_GE(statuses.size(), 5);
    EXPECT_NEAR(inFirstHalf, 150, 10); // about evenly spread

    // The same seed in another database gives the same people and complaints.
    QString whyNot;
    auto other = TestDatabase::create(Backend::SQLite, &whyNot);
    ASSERT_TRUE(other);
    ASSERT_EQ(runCtl(other->url().toString(),
                     { s(u"seed-demo"), s(u"--count"), s(u"300"), s(u"--seed"), s(u"7"),
                       s(u"--days"), s(u"10") },
                     {}, clock)
                  .exitCode,
              0);
    const QJsonArray again =
        runCtl(other->url().toString(), { s(u"complaint"), s(u"list"), s(u"--json") }, {}, clock)
            .json()
            .array();
    ASSERT_EQ(again.size(), 300);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(again[i][u"citizen"], rows[i][u"citizen"]);
        EXPECT_EQ(again[i][u"category"], rows[i][u"category"]);
        EXPECT_EQ(again[i][u"status"], rows[i][u"status"]);
    }
}

TEST_P(FouadctlTest, UsageErrorsAndVersion)
{
    const CtlRun version = ctl({ s(u"--version") });
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(s(u"fouadctl ")));
    EXPECT_EQ(ctl({ s(u"frobnicate") }).exitCode, 2);
    const CtlRun unknown = ctl({ s(u"complaint"), s(u"frobnicate") });
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.startsWith(
        s(u"fouadctl: complaint: expected add, show, status, list or an action (refer, ")))
        << unknown.err.toStdString();
    EXPECT_EQ(ctl({ s(u"--nonsense") }).exitCode, 2);
    EXPECT_EQ(ctl({}).exitCode, 2); // no command
    EXPECT_EQ(ctl({ s(u"complaint"), s(u"add") }).exitCode, 2); // no --json
    EXPECT_EQ(ctl({ s(u"complaint"), s(u"list"), s(u"--bogus") }).exitCode, 2);
    EXPECT_EQ(ctl({ s(u"seed-demo") }).exitCode, 2);
}

TEST_P(FouadctlTest, ActionsTakeAComplaintToClosedAndExitCodesFollowTheOrder)
{
    const QByteArray password = "correct horse battery\n";
    for (const auto &[name, role] :
         { std::pair { u"op.karimi", u"operator" }, std::pair { u"sup.nouri", u"supervisor" },
           std::pair { u"insp.amini", u"inspector" }, std::pair { u"root", u"admin" } })
        ASSERT_EQ(ctl({ s(u"user"), s(u"add"), s(name), s(u"--role"), s(role) }, password).exitCode,
                  0);
    const QString code = add(goodComplaint()).json()[u"tracking_code"].toString();
    auto action = [&](const QStringList &args) {
        return ctl(QStringList { s(u"complaint") } + args);
    };

    // The order of checks: malformed code, unknown code or user, role, status/data, version.
    QString typo = code;
    typo[3] = typo[3] == u'1' ? u'2' : u'1';
    EXPECT_EQ(action({ s(u"refer"), typo, s(u"--as"), s(u"nobody") }).exitCode, 2);
    EXPECT_EQ(action({ s(u"refer"), s(u"99999992"), s(u"--as"), s(u"op.karimi") }).exitCode, 3);
    EXPECT_EQ(action({ s(u"refer"), code, s(u"--as"), s(u"nobody") }).exitCode, 3);
    EXPECT_EQ(action({ s(u"refer"), code, s(u"--as"), s(u"root") }).exitCode, 5);
    EXPECT_EQ(action({ s(u"reopen"), code, s(u"--as"), s(u"op.karimi") }).exitCode, 5);
    EXPECT_EQ(action({ s(u"acknowledge"), code, s(u"--as"), s(u"op.karimi") }).exitCode, 2);
    EXPECT_EQ(
        action({ s(u"refer"), code, s(u"--as"), s(u"op.karimi"), s(u"--expect-version"), s(u"7") })
            .exitCode,
        4);
    EXPECT_EQ(action({ s(u"refer"), code }).exitCode, 2); // --as is required

    const CtlRun referred =
        action({ s(u"refer"), code, s(u"--as"), s(u"op.karimi"), s(u"--expect-version"), s(u"1") });
    ASSERT_EQ(referred.exitCode, 0) << referred.err.toStdString();
    EXPECT_EQ(referred.json()[u"version"].toInt(), 2);
    const QStringList steps[] = {
        { s(u"assign"), code, s(u"--as"), s(u"op.karimi"), s(u"--to"), s(u"op.karimi") },
        { s(u"acknowledge"), code, s(u"--as"), s(u"op.karimi") },
        { s(u"inspect"), code, s(u"--as"), s(u"sup.nouri"), s(u"--inspector"), s(u"insp.amini") },
        { s(u"inspect"), code, s(u"--as"), s(u"insp.amini"), s(u"--note"), s(u"کارمند غایب بود") },
        { s(u"resolve"), code, s(u"--as"), s(u"op.karimi"), s(u"--action-taken"),
          s(u"جانشین تعیین شد") },
        { s(u"verify"), code, s(u"--as"), s(u"op.karimi"), s(u"--result"), s(u"confirmed"),
          s(u"--satisfaction"), s(u"4") },
        { s(u"close"), code, s(u"--as"), s(u"op.karimi"), s(u"--outcome"), s(u"founded") },
    };
    for (const QStringList &step : steps) {
        const CtlRun r = action(step);
        ASSERT_EQ(r.exitCode, 0) << step.join(u' ').toStdString() << ": " << r.err.toStdString();
    }
    const QJsonObject c = ctl({ s(u"complaint"), s(u"show"), code, s(u"--json") }).json().object();
    EXPECT_EQ(c[u"status"].toString(), s(u"closed"));
    EXPECT_EQ(c[u"outcome"].toString(), s(u"founded"));
    EXPECT_EQ(c[u"satisfaction"].toInt(), 4);
    EXPECT_EQ(c[u"assignee"].toString(), s(u"op.karimi"));
    EXPECT_EQ(c[u"escalation_level"].toInt(), 0);
    EXPECT_EQ(c[u"version"].toInt(), 9);
    EXPECT_FALSE(c[u"closed_unverified"].toBool());
    const QJsonArray history = c[u"history"].toArray();
    ASSERT_EQ(history.size(), 9);
    const char16_t *types[] = { u"registered", u"refer",   u"assign", u"acknowledge", u"inspect",
                                u"inspect",    u"resolve", u"verify", u"close" };
    for (int i = 0; i < 9; ++i)
        EXPECT_EQ(history[i][u"type"].toString(), s(types[i])) << i;
    EXPECT_EQ(history[2][u"assignee"].toString(), s(u"op.karimi"));
    EXPECT_EQ(history[4][u"inspector"].toString(), s(u"insp.amini"));
    EXPECT_EQ(history[4][u"from"].toString(), s(u"in_progress"));
    EXPECT_EQ(history[4][u"to"].toString(), s(u"field_inspection"));
    EXPECT_EQ(history[7][u"satisfaction"].toInt(), 4);
    EXPECT_EQ(history[8][u"actor"].toString(), s(u"op.karimi"));
    EXPECT_EQ(history[8][u"outcome"].toString(), s(u"founded"));
}

TEST_P(FouadctlTest, StatusGivesThePersianTitleAndTheClocksShowGivesAtEveryStep)
{
    ASSERT_EQ(ctl({ s(u"user"), s(u"add"), s(u"op.karimi"), s(u"--role"), s(u"operator") },
                  "correct horse battery\n")
                  .exitCode,
              0);
    const QString code = add(goodComplaint()).json()[u"tracking_code"].toString();
    auto as = [&](const QStringList &args) {
        return QStringList { s(u"complaint") } + args + QStringList { s(u"--as"), s(u"op.karimi") };
    };
    // Not fixed and waiting move the clocks; the status command reads history
    // without its data and must see the same.
    const QStringList steps[] = {
        as({ s(u"refer"), code }),
        as({ s(u"acknowledge"), code }),
        as({ s(u"resolve"), code, s(u"--action-taken"), s(u"پرونده بررسی شد") }),
        as({ s(u"verify"), code, s(u"--result"), s(u"not_fixed") }),
        as({ s(u"resolve"), code, s(u"--action-taken"), s(u"دوباره بررسی شد") }),
        as({ s(u"verify"), code, s(u"--result"), s(u"confirmed"), s(u"--satisfaction"), s(u"5") }),
    };
    auto compare = [&](const char *when) {
        const CtlRun shown = ctl({ s(u"complaint"), s(u"show"), code, s(u"--json") });
        const CtlRun status = ctl({ s(u"complaint"), s(u"status"), code, s(u"--json") });
        ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
        const QJsonObject o = status.json().object();
        EXPECT_EQ(o[u"sla"], shown.json()[u"sla"]) << when;
        EXPECT_EQ(o[u"sla_state"], shown.json()[u"sla"][u"resolve"][u"state"]) << when;
        EXPECT_EQ(o[u"due_at"], shown.json()[u"due_at"]) << when;
        EXPECT_EQ(o[u"status"], shown.json()[u"status"]) << when;
    };
    compare("registered");
    const QJsonObject first =
        ctl({ s(u"complaint"), s(u"status"), code, s(u"--json") }).json().object();
    EXPECT_EQ(first[u"status_title"].toString(), s(u"ثبت‌شده"));
    EXPECT_EQ(first[u"sla_state"].toString(), s(u"running"));
    EXPECT_FALSE(first.contains(u"citizen"));
    for (const QStringList &step : steps) {
        clock.advanceSecs(20 * 60);
        const CtlRun r = ctl(step);
        ASSERT_EQ(r.exitCode, 0) << step.join(u' ').toStdString() << ": " << r.err.toStdString();
        compare(qPrintable(step.at(1)));
    }
    const QJsonObject last =
        ctl({ s(u"complaint"), s(u"status"), code, s(u"--json") }).json().object();
    EXPECT_EQ(last[u"status"].toString(), s(u"verified"));
    EXPECT_EQ(last[u"sla_state"].toString(), s(u"met"));
    EXPECT_EQ(last[u"sla"][u"verify"][u"state"].toString(), s(u"met"));
    EXPECT_FALSE(last[u"status_title"].toString().isEmpty());
    EXPECT_NE(last[u"status_title"].toString(), s(u"Verified")) << "Persian, not the source text";
}

TEST_P(FouadctlTest, CallIncomingListsTheCallersComplaintsNewestFirst)
{
    QJsonObject older = goodComplaint();
    older[u"received_at"] = s(u"2026-11-20T09:00:00+03:30");
    const QString olderCode = add(older).json()[u"tracking_code"].toString();
    const QString newerCode = add(goodComplaint()).json()[u"tracking_code"].toString();
    QJsonObject someoneElse = goodComplaint();
    QJsonObject citizen = someoneElse[u"citizen"].toObject();
    citizen[u"phone"] = s(u"09351112233");
    someoneElse[u"citizen"] = citizen;
    ASSERT_EQ(add(someoneElse).exitCode, 0);

    // The PBX passes the number as its trunk gives it, the extension and the
    // code perhaps in Persian digits.
    QString persianCode;
    for (QChar ch : olderCode)
        persianCode.append(QChar(0x06F0 + (ch.unicode() - u'0')));
    const CtlRun r = ctl({ s(u"call"), s(u"incoming"), s(u"--extension"), s(u"۲۰۴"), s(u"--caller"),
                           s(u"00989121234567"), s(u"--code"), persianCode, s(u"--json") });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json().object();
    EXPECT_EQ(o[u"extension"].toString(), s(u"204"));
    EXPECT_EQ(o[u"caller"].toString(), s(u"+989121234567"));
    EXPECT_EQ(o[u"code"].toString(), olderCode);
    const QJsonArray complaints = o[u"complaints"].toArray();
    ASSERT_EQ(complaints.size(), 2);
    EXPECT_EQ(complaints[0][u"tracking_code"].toString(), newerCode);
    EXPECT_EQ(complaints[1][u"tracking_code"].toString(), olderCode);
    EXPECT_EQ(complaints[0][u"status"].toString(), s(u"registered"));
    EXPECT_EQ(complaints[1][u"received_at"].toString(), s(u"2026-11-20T09:00:00+03:30"));
    EXPECT_FALSE(r.out.contains(s(u"0012345679")));

    const CtlRun stranger = ctl({ s(u"call"), s(u"incoming"), s(u"--extension"), s(u"204"),
                                  s(u"--caller"), s(u"02188776655"), s(u"--json") });
    ASSERT_EQ(stranger.exitCode, 0) << stranger.err.toStdString();
    EXPECT_TRUE(stranger.json()[u"complaints"].toArray().isEmpty());
    EXPECT_TRUE(stranger.json()[u"code"].isNull());

    // Bad input names the flag, exits 2 and records no call.
    struct Bad
    {
        QStringList args;
        const char16_t *field;
    };
    const Bad bad[] = {
        { { s(u"--extension"), s(u"20 4"), s(u"--caller"), s(u"09121234567") }, u"--extension" },
        { { s(u"--extension"), s(u"204"), s(u"--caller"), s(u"12345") }, u"--caller" },
        { { s(u"--extension"), s(u"204"), s(u"--caller"), s(u"09121234567"), s(u"--code"),
            s(u"10000013") },
          u"--code" },
        { { s(u"--caller"), s(u"09121234567") }, u"--extension" },
    };
    for (const Bad &b : bad) {
        const CtlRun refused = ctl(QStringList { s(u"call"), s(u"incoming") } + b.args);
        EXPECT_EQ(refused.exitCode, 2) << b.args.join(u' ').toStdString();
        EXPECT_TRUE(refused.err.contains(QStringView(b.field))) << refused.err.toStdString();
    }
    auto db = Database::open(testDb->url());
    ASSERT_TRUE(db) << db.error().message.toStdString();
    QSqlQuery q(db.value()->connection());
    ASSERT_TRUE(q.exec(s(u"SELECT extension, caller, keyed_code, actor FROM calls ORDER BY id")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), s(u"204"));
    EXPECT_EQ(q.value(1).toString(), s(u"+989121234567"));
    EXPECT_EQ(q.value(2).toString(), olderCode);
    ASSERT_TRUE(q.next());
    EXPECT_TRUE(q.value(2).isNull());
    EXPECT_FALSE(q.next()) << "a refused call is not recorded";
}

TEST_P(FouadctlTest, ConcurrentSweepProcessesEscalateEachLevelOnce)
{
    QStringList codes;
    for (int i = 0; i < 3; ++i) {
        QJsonObject c = goodComplaint(); // system_down, received Sunday 2026-11-22 11:00: due 14:00
        const CtlRun r = add(c);
        ASSERT_EQ(r.exitCode, 0);
        codes << r.json()[u"tracking_code"].toString();
    }
    // Before half the target nothing happens; --now may be any instant.
    const CtlRun early =
        ctl({ s(u"sla"), s(u"sweep"), s(u"--now"), s(u"2026-11-22T12:00:00+03:30"), s(u"--json") });
    ASSERT_EQ(early.exitCode, 0) << early.err.toStdString();
    EXPECT_TRUE(early.json().array().isEmpty());

    // Four sweeps at once, past twice the target: three levels each, once.
    std::vector<std::unique_ptr<QProcess>> sweeps;
    for (int i = 0; i < 4; ++i) {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(FOUADCTL_PATH),
                 { s(u"--db"), testDb->url().toString(), s(u"sla"), s(u"sweep"), s(u"--now"),
                   s(u"2026-11-24T12:00:00+03:30"), s(u"--json") });
        sweeps.push_back(std::move(p));
    }
    int reported = 0;
    for (auto &p : sweeps) {
        ASSERT_TRUE(p->waitForFinished(60000));
        EXPECT_EQ(p->exitCode(), 0) << p->readAllStandardError().toStdString();
        reported += int(QJsonDocument::fromJson(p->readAllStandardOutput()).array().size());
    }
    EXPECT_EQ(reported, 3 * 3);
    for (const QString &code : codes) {
        const QJsonObject c =
            ctl({ s(u"complaint"), s(u"show"), code, s(u"--json") }).json().object();
        EXPECT_EQ(c[u"escalation_level"].toInt(), 3);
        QList<int> levels;
        for (const QJsonValue e : c[u"history"].toArray()) {
            if (e[u"type"].toString() == u"escalated") {
                levels << e[u"level"].toInt();
                EXPECT_EQ(e[u"reason"].toString(), s(u"sla"));
            }
        }
        EXPECT_EQ(levels, (QList<int> { 1, 2, 3 })) << code.toStdString();
    }
    const CtlRun again =
        ctl({ s(u"sla"), s(u"sweep"), s(u"--now"), s(u"2026-11-30T12:00:00+03:30") });
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.startsWith(s(u"0 escalation(s)"))) << again.out.toStdString();
    EXPECT_EQ(ctl({ s(u"sla"), s(u"sweep"), s(u"--now"), s(u"yesterday") }).exitCode, 2);
}

TEST_P(FouadctlTest, HelpIsGeneratedFromEveryCommand)
{
    const CtlRun help = ctl({ s(u"--help") });
    ASSERT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.err.isEmpty());
    ASSERT_GE(ctl::Commands::all().size(), 11);
    for (const ctl::Command *command : ctl::Commands::all()) {
        // Every command is listed with its words, and explains itself.
        EXPECT_TRUE(help.out.contains(QRegularExpression(
            u"\n  "_s + QRegularExpression::escape(command->name()) + u"[ \n]"_s)))
            << command->name().toStdString();
        QStringList words = command->name().split(u' ');
        if (words.size() == 1 && words[0] == u"complaint")
            words << s(u"refer"); // complaint ACTION
        const CtlRun own = ctl(words + QStringList { s(u"--help") });
        EXPECT_EQ(own.exitCode, 0) << command->name().toStdString() << own.err.toStdString();
        EXPECT_TRUE(own.out.startsWith(u"Usage: fouadctl "_s + command->name()))
            << own.out.toStdString();
    }
    // A command's options appear in its help, with what they are for.
    const CtlRun list = ctl({ s(u"complaint"), s(u"list"), s(u"--help") });
    for (const char16_t *option : { u"--status S", u"--search TEXT", u"--limit N", u"--csv" })
        EXPECT_TRUE(list.out.contains(s(option))) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(s(u"field_inspection")));
    // And its usage error names them the same way.
    const CtlRun bad = ctl({ s(u"complaint"), s(u"list"), s(u"--bogus") });
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(s(u"usage: fouadctl complaint list [--status S]")))
        << bad.err.toStdString();
}

TEST_P(FouadctlTest, ListedClocksAreThoseOfTheWholeComplaint)
{
    const QByteArray password = "correct horse battery\n";
    ASSERT_EQ(
        ctl({ s(u"user"), s(u"add"), s(u"op.karimi"), s(u"--role"), s(u"operator") }, password)
            .exitCode,
        0);
    const QString code = add(goodComplaint()).json()[u"tracking_code"].toString();
    for (const char16_t *step : { u"refer", u"acknowledge" })
        ASSERT_EQ(ctl({ s(u"complaint"), s(step), code, s(u"--as"), s(u"op.karimi") }).exitCode, 0);
    // Demo complaints in every state, more than one statement's worth of ids.
    ASSERT_EQ(ctl({ s(u"seed-demo"), s(u"--count"), s(u"1100"), s(u"--seed"), s(u"3"), s(u"--days"),
                    s(u"3") })
                  .exitCode,
              0);
    clock.set(tehran(2026, 11, 22, 13));
    const CtlRun list = ctl({ s(u"complaint"), s(u"list"), s(u"--json") });
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonArray rows = list.json().array();
    ASSERT_EQ(rows.size(), 1101);
    int compared = 0;
    for (qsizetype i = 0; i < rows.size(); i += 37) {
        const QString rowCode = rows[i][u"tracking_code"].toString();
        const QJsonObject shown =
            ctl({ s(u"complaint"), s(u"show"), rowCode, s(u"--json") }).json().object();
        EXPECT_EQ(rows[i][u"sla"], shown[u"sla"]) << rowCode.toStdString();
        ++compared;
    }
    EXPECT_GE(compared, 29);
    // The acknowledged one: its acknowledgement clock is met, which only its history tells.
    const auto acknowledged = std::find_if(rows.begin(), rows.end(), [&](const QJsonValue &row) {
        return row[u"tracking_code"].toString() == code;
    });
    ASSERT_NE(acknowledged, rows.end());
    EXPECT_EQ((*acknowledged)[u"sla"][u"acknowledge"][u"state"].toString(), s(u"met"));
}

TEST_P(FouadctlTest, AReminderNamesItsRecipientBesideTheStatus)
{
    const QString code = add(goodComplaint()).json()[u"tracking_code"].toString();
    // Due at 14:00 on Sunday; at 10:00 on Monday, in office hours, it is reminded.
    clock.set(tehran(2026, 11, 23, 10));
    const CtlRun swept = ctl({ s(u"sla"), s(u"sweep") });
    ASSERT_EQ(swept.exitCode, 0) << swept.err.toStdString();
    EXPECT_TRUE(swept.out.contains(s(u", 1 reminder(s)"))) << swept.out.toStdString();
    const QJsonArray history =
        ctl({ s(u"complaint"), s(u"show"), code, s(u"--json") }).json()[u"history"].toArray();
    QJsonObject reminder;
    for (const QJsonValue e : history) {
        if (e[u"type"].toString() == u"reminder")
            reminder = e.toObject();
    }
    ASSERT_FALSE(reminder.isEmpty());
    EXPECT_EQ(reminder[u"to"].toString(), s(u"registered"));
    EXPECT_EQ(reminder[u"from"].toString(), s(u"registered"));
    EXPECT_TRUE(reminder[u"recipient"].isString());
    EXPECT_FALSE(reminder[u"recipient"].toString().isEmpty());
    EXPECT_NE(reminder[u"recipient"].toString(), reminder[u"to"].toString());
    EXPECT_EQ(reminder[u"at"].toString(), s(u"2026-11-23T10:00:00+03:30"));
}

// An integration resending a complaint with its client_key: the complaint made
// the first time, the same output, exit 0, no second row.
TEST_P(FouadctlTest, ComplaintAddWithARepeatedClientKeyPrintsTheComplaintAlreadyMade)
{
    QJsonObject complaint = goodComplaint();
    complaint[s(u"client_key")] = s(u"ivr-2026-11-22-000123");
    const CtlRun first = add(complaint);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const CtlRun again = add(complaint);
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.out, first.out);
    EXPECT_EQ(complaintCount(), 1);

    complaint[s(u"client_key")] = s(u"ivr-2026-11-22-000124");
    EXPECT_EQ(add(complaint).exitCode, 0);
    EXPECT_EQ(complaintCount(), 2);
}

TEST_P(FouadctlTest, ComplaintAddRefusesAMalformedClientKeyNamingIt)
{
    for (const QJsonValue &key : { QJsonValue(s(u"two words")), QJsonValue(42),
                                   QJsonValue(QString(101, u'k')), QJsonValue(s(u"")) }) {
        QJsonObject complaint = goodComplaint();
        complaint[s(u"client_key")] = key;
        const CtlRun r = add(complaint);
        EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(s(u"client_key"))) << r.err.toStdString();
    }
    EXPECT_EQ(complaintCount(), 0);
}

// Contacts (issue 9): an administrator's change; bad input names its flag.
TEST_P(FouadctlTest, ContactsAreAddedListedAndRemoved)
{
    const CtlRun unit =
        ctl({ s(u"contact"), s(u"add"), s(u"--agency"), s(u"tax"), s(u"--name"), s(u"واحد شکایات"),
              s(u"--role"), s(u"unit"), s(u"--phone"), s(u"۰۲۱ ۸۸۷۷ ۶۶۵۵"), s(u"--webhook"),
              s(u"https://tax.example/128") });
    ASSERT_EQ(unit.exitCode, 0) << unit.err.toStdString();
    const int id = unit.json()[u"id"].toInt();
    EXPECT_GT(id, 0);
    ASSERT_EQ(ctl({ s(u"contact"), s(u"add"), s(u"--name"), s(u"SMS"), s(u"--role"),
                    s(u"citizen_sms"), s(u"--webhook"), s(u"http://127.0.0.1:8080/sms") })
                  .exitCode,
              0);
    struct Bad
    {
        QStringList args;
        int exit;
        const char16_t *field;
    };
    const Bad bad[] = {
        { { s(u"--name"), s(u"x"), s(u"--role"), s(u"unit") }, 2, u"--agency" },
        { { s(u"--agency"), s(u"tax"), s(u"--name"), s(u"x"), s(u"--role"), s(u"citizen_sms") },
          2,
          u"--agency" },
        { { s(u"--agency"), s(u"nowhere"), s(u"--name"), s(u"x"), s(u"--role"), s(u"unit") },
          2,
          u"--agency" },
        { { s(u"--agency"), s(u"tax"), s(u"--province"), s(u"atlantis"), s(u"--name"), s(u"x"),
            s(u"--role"), s(u"unit") },
          2,
          u"--province" },
        { { s(u"--agency"), s(u"tax"), s(u"--name"), s(u"x"), s(u"--role"), s(u"boss") },
          2,
          u"--role" },
        { { s(u"--agency"), s(u"tax"), s(u"--name"), s(u"x"), s(u"--role"), s(u"unit"),
            s(u"--phone"), s(u"12") },
          2,
          u"--phone" },
        { { s(u"--agency"), s(u"tax"), s(u"--name"), s(u"x"), s(u"--role"), s(u"unit"),
            s(u"--webhook"), s(u"ftp://tax.example") },
          2,
          u"--webhook" },
        { { s(u"--agency"), s(u"tax"), s(u"--role"), s(u"unit") }, 2, u"--name" },
    };
    for (const Bad &b : bad) {
        const CtlRun r = ctl(QStringList { s(u"contact"), s(u"add") } + b.args);
        EXPECT_EQ(r.exitCode, b.exit) << b.args.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(QStringView(b.field).toString() + u':')) << r.err.toStdString();
    }
    const CtlRun list = ctl({ s(u"contact"), s(u"list"), s(u"--json") });
    ASSERT_EQ(list.exitCode, 0);
    const QJsonArray contacts = list.json().array();
    ASSERT_EQ(contacts.size(), 2) << "nothing refused was added";
    QJsonObject tax;
    for (const QJsonValue &c : contacts) {
        for (const char16_t *key :
             { u"id", u"agency", u"province", u"name", u"role", u"phone", u"webhook" })
            EXPECT_TRUE(c.toObject().contains(QStringView(key)));
        if (c[u"id"].toInt() == id)
            tax = c.toObject();
    }
    EXPECT_EQ(tax[u"phone"].toString(), u"+982188776655");
    EXPECT_TRUE(tax[u"province"].isNull());

    // Only an administrator removes (or adds) one.
    ASSERT_EQ(ctl({ s(u"user"), s(u"add"), s(u"olga"), s(u"--role"), s(u"operator") },
                  "a-long-password\n")
                  .exitCode,
              0);
    EXPECT_EQ(
        ctl({ s(u"contact"), s(u"remove"), QString::number(id), s(u"--as"), s(u"olga") }).exitCode,
        5);
    EXPECT_EQ(ctl({ s(u"contact"), s(u"remove"), s(u"999") }).exitCode, 3);
    EXPECT_EQ(ctl({ s(u"contact"), s(u"remove"), s(u"abc") }).exitCode, 2);
    EXPECT_EQ(ctl({ s(u"contact"), s(u"remove"), QString::number(id) }).exitCode, 0);
    EXPECT_EQ(ctl({ s(u"contact"), s(u"list"), s(u"--json") }).json().array().size(), 1);
}

// Issue 10: where it happened. complaint add takes a city and an office of the
// complaint's province and agency; an unknown or mismatched code is exit 2
// naming the key and writes nothing; show and list print them (null when absent).
TEST_P(FouadctlTest, AComplaintNamesItsCityOfficeAndServiceDesk)
{
    const CtlRun office =
        ctl({ s(u"office"), s(u"add"), s(u"--code"), s(u"tax-takestan"), s(u"--agency"), s(u"tax"),
              s(u"--province"), s(u"qazvin"), s(u"--city"), s(u"takestan"), s(u"--name"),
              s(u"اداره امور مالیاتی تاکستان") });
    ASSERT_EQ(office.exitCode, 0) << office.err.toStdString();
    ASSERT_EQ(
        ctl({ s(u"office"), s(u"add"), s(u"--code"), s(u"post-qazvin"), s(u"--agency"), s(u"post"),
              s(u"--province"), s(u"qazvin"), s(u"--name"), s(u"اداره پست قزوین") })
            .exitCode,
        0);

    const std::pair<std::pair<const char16_t *, const char16_t *>, const char16_t *> bad[] = {
        { { u"city", u"atlantis" }, u"city" },
        { { u"city", u"karaj" }, u"city" }, // Alborz, not Qazvin
        { { u"office", u"tax-nowhere" }, u"office" },
        { { u"office", u"post-qazvin" }, u"office" }, // the post's, not the tax office's
    };
    for (const auto &[member, field] : bad) {
        QJsonObject complaint = goodComplaint();
        complaint[QString::fromUtf16(member.first)] = QString::fromUtf16(member.second);
        const CtlRun r = add(complaint);
        EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf16(field) + u':')) << r.err.toStdString();
    }
    EXPECT_EQ(complaintCount(), 0) << "nothing refused was written";

    QJsonObject complaint = goodComplaint();
    complaint[s(u"office")] = s(u"tax-takestan");
    complaint[s(u"service_desk")] = s(u"باجه شماره ۲");
    const CtlRun added = add(complaint);
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.json()[u"city"].toString(), s(u"takestan")) << "the office's city";
    EXPECT_EQ(added.json()[u"office"].toString(), s(u"tax-takestan"));
    const QString code = added.json()[u"tracking_code"].toString();
    const CtlRun plain = add(goodComplaint());
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();

    const CtlRun shown = ctl({ s(u"complaint"), s(u"show"), code, s(u"--json") });
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_EQ(shown.json()[u"city"].toString(), s(u"takestan"));
    EXPECT_EQ(shown.json()[u"office"].toString(), s(u"tax-takestan"));
    EXPECT_EQ(shown.json()[u"service_desk"].toString(), s(u"باجه شماره ۲"));
    EXPECT_EQ(shown.json()[u"province"].toString(), s(u"qazvin")) << "the keys there were stay";
    const CtlRun list = ctl({ s(u"complaint"), s(u"list"), s(u"--json") });
    ASSERT_EQ(list.exitCode, 0);
    ASSERT_EQ(list.json().array().size(), 2);
    for (const QJsonValue &c : list.json().array()) {
        const bool placed = c[u"tracking_code"].toString() == code;
        for (const char16_t *key : { u"city", u"office", u"service_desk" }) {
            ASSERT_TRUE(c.toObject().contains(QStringView(key)));
            EXPECT_EQ(c[QStringView(key)].isNull(), !placed);
        }
    }
    // Where it happened is no personal data: the IVR's status gives it too.
    const CtlRun status = ctl({ s(u"complaint"), s(u"status"), code, s(u"--json") });
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_EQ(status.json()[u"city"].toString(), s(u"takestan"));
    EXPECT_EQ(status.json()[u"office"].toString(), s(u"tax-takestan"));
    const CtlRun statusText = ctl({ s(u"complaint"), s(u"status"), code });
    EXPECT_TRUE(statusText.out.contains(s(u"Office:        tax-takestan\n")))
        << statusText.out.toStdString();

    // The cities an office or a complaint may name, by province.
    const CtlRun cities =
        ctl({ s(u"city"), s(u"list"), s(u"--province"), s(u"qazvin"), s(u"--json") });
    ASSERT_EQ(cities.exitCode, 0) << cities.err.toStdString();
    QStringList codes;
    for (const QJsonValue &c : cities.json().array()) {
        EXPECT_EQ(c[u"province"].toString(), s(u"qazvin"));
        codes << c[u"code"].toString();
    }
    EXPECT_EQ(codes.value(0), s(u"qazvin")) << "the capital first";
    EXPECT_TRUE(codes.contains(s(u"takestan")));
    const CtlRun badProvince = ctl({ s(u"city"), s(u"list"), s(u"--province"), s(u"nowhere") });
    EXPECT_EQ(badProvince.exitCode, 2);
    EXPECT_TRUE(badProvince.err.startsWith(s(u"fouadctl: --province: ")));
}

// Offices (issue 10): an administrator's change; bad input names its flag;
// an import is all or nothing, a bad row named by its line and field.
TEST_P(FouadctlTest, OfficesAreAddedListedImportedAndRemoved)
{
    const QStringList add { s(u"office"),     s(u"add"),
                            s(u"--code"),     s(u"ss-tabriz-1"),
                            s(u"--agency"),   s(u"social_security"),
                            s(u"--province"), s(u"east_azerbaijan"),
                            s(u"--city"),     s(u"tabriz"),
                            s(u"--name"),     s(u"شعبه ۱ تأمین اجتماعی تبریز") };
    const CtlRun added = ctl(add);
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.json()[u"city"].toString(), s(u"tabriz"));
    EXPECT_EQ(ctl(add).exitCode, 4) << "the code is taken";

    struct Bad
    {
        int index; // which value of `add` to replace
        const char16_t *value;
        const char16_t *field;
    };
    for (const Bad &b : { Bad { 3, u"Bad Code", u"--code" }, Bad { 5, u"nowhere", u"--agency" },
                          Bad { 7, u"atlantis", u"--province" }, Bad { 9, u"karaj", u"--city" },
                          Bad { 11, u" ", u"--name" } }) {
        QStringList args = add;
        args[2 + 1] = s(u"ss-x"); // a free code
        args[b.index] = QString::fromUtf16(b.value);
        const CtlRun r = ctl(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf16(b.field) + u':')) << r.err.toStdString();
    }

    // A bad file changes nothing: the good rows before the bad one are not imported either.
    const QByteArray badFile = "code,agency,province,city,name\n"
                               "ss-maragheh,social_security,east_azerbaijan,maragheh,"
                               "\"شعبه تأمین اجتماعی مراغه\"\n"
                               "ss-karaj,social_security,east_azerbaijan,karaj,شعبه کرج\n";
    const CtlRun refused = ctl({ s(u"office"), s(u"import"), s(u"-") }, badFile);
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(s(u"line 3: city:"))) << refused.err.toStdString();
    EXPECT_EQ(ctl({ s(u"office"), s(u"list"), s(u"--json") }).json().array().size(), 1);
    const CtlRun noHeader = ctl({ s(u"office"), s(u"import"), s(u"-") },
                                "ss-maragheh,social_security,east_azerbaijan,maragheh,x\n");
    EXPECT_EQ(noHeader.exitCode, 2);
    EXPECT_TRUE(noHeader.err.contains(s(u"line 1:"))) << noHeader.err.toStdString();

    const QByteArray goodFile = "\xEF\xBB\xBF"
                                "code,agency,province,city,name\r\n"
                                "ss-maragheh,social_security,east_azerbaijan,maragheh,"
                                "\"شعبه تأمین اجتماعی مراغه\"\r\n"
                                "ss-tabriz-1,social_security,east_azerbaijan,tabriz,"
                                "شعبه یک تأمین اجتماعی تبریز\r\n"
                                "post-karaj,post,alborz,,اداره پست کرج\r\n";
    const CtlRun imported = ctl({ s(u"office"), s(u"import"), s(u"-"), s(u"--json") }, goodFile);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(imported.json()[u"added"].toInt(), 2);
    EXPECT_EQ(imported.json()[u"updated"].toInt(), 1);
    EXPECT_EQ(imported.json()[u"unchanged"].toInt(), 0);
    const CtlRun list =
        ctl({ s(u"office"), s(u"list"), s(u"--agency"), s(u"social_security"), s(u"--json") });
    ASSERT_EQ(list.exitCode, 0);
    ASSERT_EQ(list.json().array().size(), 2);
    for (const QJsonValue &o : list.json().array()) {
        for (const char16_t *key : { u"code", u"agency", u"province", u"city", u"name" })
            EXPECT_TRUE(o.toObject().contains(QStringView(key)));
        if (o[u"code"].toString() == u"ss-tabriz-1") {
            EXPECT_EQ(o[u"name"].toString(), s(u"شعبه یک تأمین اجتماعی تبریز"));
        }
    }
    const CtlRun karaj =
        ctl({ s(u"office"), s(u"list"), s(u"--province"), s(u"alborz"), s(u"--json") });
    ASSERT_EQ(karaj.json().array().size(), 1);
    EXPECT_TRUE(karaj.json()[0][u"city"].isNull());

    // Only an administrator removes one; one a complaint names stays.
    ASSERT_EQ(ctl({ s(u"user"), s(u"add"), s(u"olga"), s(u"--role"), s(u"operator") },
                  "a-long-password\n")
                  .exitCode,
              0);
    EXPECT_EQ(
        ctl({ s(u"office"), s(u"remove"), s(u"post-karaj"), s(u"--as"), s(u"olga") }).exitCode, 5);
    EXPECT_EQ(
        ctl({ s(u"office"), s(u"import"), s(u"-"), s(u"--as"), s(u"olga") }, goodFile).exitCode, 5);
    EXPECT_EQ(ctl({ s(u"office"), s(u"remove"), s(u"nope") }).exitCode, 3);
    QJsonObject complaint = goodComplaint();
    complaint[s(u"province")] = s(u"east_azerbaijan");
    complaint[s(u"agency")] = s(u"social_security");
    complaint[s(u"office")] = s(u"ss-maragheh");
    ASSERT_EQ(this->add(complaint).exitCode, 0);
    EXPECT_EQ(ctl({ s(u"office"), s(u"remove"), s(u"ss-maragheh") }).exitCode, 4);
    EXPECT_EQ(ctl({ s(u"office"), s(u"remove"), s(u"post-karaj") }).exitCode, 0);
    EXPECT_EQ(ctl({ s(u"office"), s(u"list"), s(u"--json") }).json().array().size(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, FouadctlTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto &p) { return backendName(p.param); });

// The real binary: its version, its exit code, its standard input.
TEST(Fouadctl, TheBinaryReportsItsVersionAndExitCodes)
{
    const CtlRun version = runProcess({ s(u"--version") });
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(s(u"fouadctl ")));
    EXPECT_EQ(version.out.trimmed(), s(u"fouadctl " FOUAD_VERSION));
    const CtlRun unknown = runProcess({ s(u"frobnicate") });
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(s(u"frobnicate")));
    EXPECT_TRUE(unknown.out.isEmpty());
}

TEST(Fouadctl, TheBinaryTakesThePasswordFromStandardInput)
{
    QString whyNot;
    auto testDb = TestDatabase::create(Backend::SQLite, &whyNot);
    ASSERT_TRUE(testDb) << whyNot.toStdString();
    const QString url = testDb->url().toString();
    ASSERT_EQ(runProcess({ s(u"--db"), url, s(u"init-db") }).exitCode, 0);
    const CtlRun added = runProcess(
        { s(u"--db"), url, s(u"user"), s(u"add"), s(u"op.rahimi"), s(u"--role"), s(u"operator") },
        "correct horse battery\nnot this line\n");
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.out, s(u"user op.rahimi added as operator\n"));
    const CtlRun tooShort = runProcess(
        { s(u"--db"), url, s(u"user"), s(u"add"), s(u"op.short"), s(u"--role"), s(u"operator") },
        "short\n");
    EXPECT_EQ(tooShort.exitCode, 2);
    EXPECT_TRUE(tooShort.err.contains(s(u"password")));

    auto db = Database::open(testDb->url());
    ASSERT_TRUE(db);
    UserRepository users(*db.value());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EXPECT_TRUE(users.authenticate(s(u"op.rahimi"), s(u"correct horse battery"), now).ok());
    EXPECT_FALSE(users.find(s(u"op.short")).ok());
}

// complaint list --json reads the complaints, their histories and the SLA
// configuration with a fixed number of statements, however many rows it lists.
TEST(Fouadctl, ListingAsJsonRunsNoStatementPerRow)
{
    QString whyNot;
    auto testDb = TestDatabase::create(Backend::SQLite, &whyNot);
    ASSERT_TRUE(testDb) << whyNot.toStdString();
    const QString url = testDb->url().toString();
    const MockClock clock { tehran(2026, 11, 22, 12) };
    auto seed = [&](const char16_t *count) {
        return runCtl(url, { s(u"seed-demo"), s(u"--count"), s(count), s(u"--days"), s(u"5") }, {},
                      clock)
            .exitCode;
    };
    // The statements SQLite starts on the listing's own connection.
    auto statementsToList = [&](qsizetype *rows) {
        QString inText, outText, errText;
        QTextStream in(&inText), out(&outText), err(&errText);
        ctl::Context ctx(in, out, err, clock);
        ctx.databaseUrl = url;
        auto db = ctx.database();
        EXPECT_TRUE(db);
        const QVariant v = db.value()->connection().driver()->handle();
        sqlite3 *handle = *static_cast<sqlite3 *const *>(v.data());
        int statements = 0;
        sqlite3_trace_v2(
            handle, SQLITE_TRACE_STMT,
            [](unsigned, void *counter, void *, void *) {
                ++*static_cast<int *>(counter);
                return 0;
            },
            &statements);
        EXPECT_EQ(ctl::run({ s(u"fouadctl"), s(u"complaint"), s(u"list"), s(u"--json") }, ctx), 0);
        sqlite3_trace_v2(handle, 0, nullptr, nullptr);
        out.flush();
        *rows = QJsonDocument::fromJson(outText.toUtf8()).array().size();
        return statements;
    };
    ASSERT_EQ(seed(u"20"), 0);
    qsizetype few = 0, many = 0;
    const int forFew = statementsToList(&few);
    ASSERT_EQ(seed(u"300"), 0);
    const int forMany = statementsToList(&many);
    EXPECT_EQ(few, 20);
    EXPECT_EQ(many, 320);
    EXPECT_GT(forFew, 0);
    EXPECT_EQ(forMany, forFew);
}

TEST(Fouadctl, UnreachableDatabaseIsARuntimeFailure)
{
    QProcess p;
    p.start(QStringLiteral(FOUADCTL_PATH),
            { s(u"--db"), s(u"postgresql://nobody@127.0.0.1:1/none"), s(u"stats"), s(u"--json") });
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 1);
    EXPECT_TRUE(p.readAllStandardOutput().isEmpty());
    p.start(QStringLiteral(FOUADCTL_PATH), { s(u"--db"), s(u"mysql://x"), s(u"stats") });
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 2);
}

// fouadctl does not retry: a server out of reach is exit 1 within 10 s, and the
// message names it.
TEST(FouadctlUnreachable, ARefusedPortExitsOneNamingTheServer)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    MockClock clock;
    QElapsedTimer t;
    t.start();
    const CtlRun r = runCtl(s(u"postgresql://nobody:x@127.0.0.1:%1/fouad").arg(port),
                            { s(u"complaint"), s(u"list") }, {}, clock);
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(s(u"127.0.0.1:%1").arg(port))) << r.err.toStdString();
    EXPECT_LT(t.elapsed(), 10000);
}

TEST(FouadctlUnreachable, AServerThatNeverAnswersExitsOneWithinTenSeconds)
{
    // Accepts the connection (the kernel does, from the backlog) and says nothing.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    const quint16 port = silent.serverPort();
    QElapsedTimer t;
    t.start();
    const CtlRun r =
        runProcess({ s(u"--db"), s(u"postgresql://nobody:x@127.0.0.1:%1/fouad").arg(port),
                     s(u"complaint"), s(u"list") });
    const qint64 took = t.elapsed();
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(s(u"127.0.0.1:%1").arg(port))) << r.err.toStdString();
    EXPECT_LE(took, 10500);
    EXPECT_GE(took, 1000); // it did wait for an answer
}

} // namespace

// Under a staff login (issue 8) the login acts: --as is optional and may only name it.
TEST(FouadctlStaffLogin, OnPostgreSQLTheLoginActsAndAsMayNameNoOneElse)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::PostgreSQL);
    MockClock clock;
    const QString login = testDb->url().database + u"_ctl"_s;
    // user add on the owner's connection makes logins; the password reaches
    // PostgreSQL only as a verifier, and users keeps none of it.
    for (const QString &name : { login, s(u"sara") }) {
        const CtlRun made = runCtl(testDb->url().toString(),
                                   { s(u"user"), s(u"add"), name, s(u"--role"), s(u"operator") },
                                   (u"pw-"_s + login + u"\n"_s).toUtf8(), clock);
        ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    }
    {
        auto owner = Database::open(testDb->url());
        ASSERT_TRUE(owner);
        QSqlQuery q((*owner)->connection());
        ASSERT_TRUE(q.exec(s(u"SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL")));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toInt(), 0);
        ASSERT_TRUE(q.exec(s(u"SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid"
                             " WHERE rolname = '%1'")
                               .arg(login)));
        ASSERT_TRUE(q.next());
        EXPECT_TRUE(q.value(0).toBool());
        // The same name again: refused, naming NAME.
        const CtlRun again = runCtl(testDb->url().toString(),
                                    { s(u"user"), s(u"add"), login, s(u"--role"), s(u"admin") },
                                    "another-long-password\n", clock);
        EXPECT_EQ(again.exitCode, 2) << again.err.toStdString();
        EXPECT_TRUE(again.err.contains(s(u"NAME"))) << again.err.toStdString();
    }
    DatabaseUrl staff = testDb->url();
    staff.user = login;
    staff.password = u"pw-"_s + login;
    const QByteArray draft = QJsonDocument(goodComplaint()).toJson();
    const CtlRun added = runCtl(
        staff.toString(), { s(u"complaint"), s(u"add"), s(u"--json"), s(u"-") }, draft, clock);
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString code = added.json()[u"tracking_code"].toString();
    EXPECT_EQ(added.json()[u"history"][0][u"actor"].toString(), login) << added.out.toStdString();

    const CtlRun asOther =
        runCtl(staff.toString(), { s(u"complaint"), s(u"refer"), code, s(u"--as"), s(u"sara") }, {},
               clock);
    EXPECT_EQ(asOther.exitCode, 5) << asOther.err.toStdString();
    const CtlRun asSelf = runCtl(
        staff.toString(), { s(u"complaint"), s(u"refer"), code, s(u"--as"), login }, {}, clock);
    EXPECT_EQ(asSelf.exitCode, 0) << asSelf.err.toStdString();
    const CtlRun plain = runCtl(
        staff.toString(), { s(u"complaint"), s(u"acknowledge"), code, s(u"--json") }, {}, clock);
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    const QJsonArray history = plain.json()[u"history"].toArray();
    ASSERT_EQ(history.size(), 3);
    for (const QJsonValue &e : history)
        EXPECT_EQ(e[u"actor"].toString(), login);
}

// An integration's login (an IVR): registers complaints, reads a complaint's
// status without personal data and follows changes; nothing else, whatever it asks.
TEST(FouadctlIntegrationLogin, OnPostgreSQLItRegistersReadsStatusAndWatchesOnly)
{
    std::unique_ptr<TestDatabase> testDb;
    FOUAD_MAKE_TEST_DATABASE(testDb, Backend::PostgreSQL);
    MockClock clock;
    const QString owner = testDb->url().toString();
    ASSERT_EQ(runCtl(owner, { s(u"init-db") }, {}, clock).exitCode, 0);
    const CtlRun made =
        runCtl(owner, { s(u"user"), s(u"add"), s(u"ivr"), s(u"--role"), s(u"integration") },
               "the-ivr-password\n", clock);
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    DatabaseUrl ivr = testDb->url();
    ivr.user = s(u"ivr");
    ivr.password = s(u"the-ivr-password");

    WatchProcess watch(ivr, true);
    ASSERT_TRUE(watch.waitStarted());
    const CtlRun added =
        runCtl(ivr.toString(), { s(u"complaint"), s(u"add"), s(u"--json"), s(u"-") },
               QJsonDocument(goodComplaint()).toJson(), clock);
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString code = added.json()[u"tracking_code"].toString();
    EXPECT_EQ(added.json()[u"history"][0][u"actor"].toString(), u"ivr");
    EXPECT_TRUE(watch.waitForCode(code, 5000)) << "the integration hears its change";

    const CtlRun status =
        runCtl(ivr.toString(), { s(u"complaint"), s(u"status"), code, s(u"--json") }, {}, clock);
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    const QJsonObject o = status.json().object();
    EXPECT_EQ(o[u"tracking_code"].toString(), code);
    EXPECT_EQ(o[u"status"].toString(), u"registered");
    EXPECT_EQ(o[u"escalation_level"].toInt(-1), 0);
    for (const char16_t *personal : { u"citizen", u"description", u"assignee", u"created_by" })
        EXPECT_FALSE(o.contains(QStringView(personal)))
            << QStringView(personal).toString().toStdString();
    EXPECT_FALSE(status.out.contains(s(u"0012345679")));
    EXPECT_EQ(o[u"status_title"].toString(), s(u"ثبت‌شده"));
    EXPECT_EQ(o[u"sla_state"].toString(), s(u"running"));
    const CtlRun ownerShown =
        runCtl(owner, { s(u"complaint"), s(u"show"), code, s(u"--json") }, {}, clock);
    EXPECT_EQ(o[u"sla"], ownerShown.json()[u"sla"]);

    // The PBX reports a call: the caller's complaints without reading their phones.
    const CtlRun call = runCtl(ivr.toString(),
                               { s(u"call"), s(u"incoming"), s(u"--extension"), s(u"101"),
                                 s(u"--caller"), s(u"+989121234567"), s(u"--json") },
                               {}, clock);
    ASSERT_EQ(call.exitCode, 0) << call.err.toStdString();
    ASSERT_EQ(call.json()[u"complaints"].toArray().size(), 1);
    EXPECT_EQ(call.json()[u"complaints"][0][u"tracking_code"].toString(), code);
    {
        auto ownerDb = Database::open(testDb->url());
        ASSERT_TRUE(ownerDb);
        QSqlQuery q(ownerDb.value()->connection());
        ASSERT_TRUE(q.exec(s(u"SELECT actor FROM calls")) && q.next());
        EXPECT_EQ(q.value(0).toString(), s(u"ivr")) << "the database records the PBX's login";
    }

    // Refused by the database with exit 5, and nothing changed.
    for (const QStringList &args :
         { QStringList { s(u"complaint"), s(u"show"), code },
           QStringList { s(u"complaint"), s(u"list") },
           QStringList { s(u"complaint"), s(u"refer"), code },
           QStringList { s(u"user"), s(u"add"), s(u"mallory"), s(u"--role"), s(u"admin") } }) {
        const CtlRun refused = runCtl(ivr.toString(), args, "a-long-password-9\n", clock);
        EXPECT_EQ(refused.exitCode, 5)
            << args.join(u' ').toStdString() << ": " << refused.err.toStdString();
    }
    const CtlRun shown =
        runCtl(owner, { s(u"complaint"), s(u"show"), code, s(u"--json") }, {}, clock);
    ASSERT_EQ(shown.exitCode, 0);
    EXPECT_EQ(shown.json()[u"status"].toString(), u"registered");
    EXPECT_EQ(shown.json()[u"history"].toArray().size(), 1);
    EXPECT_EQ(watch.stop(), 0);
}
