// Click to call against a real HTTP server on 127.0.0.1: the exact request the
// telephony endpoint receives, and one report of each way it can end.
#include "support/scriptedhttpserver.h"
#include "telephony/dialer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

using namespace fouad;
using namespace fouad::test;
using namespace Qt::StringLiterals;

namespace {

class DialerTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(server.listen()); }

    static TelephonySettings settings(const QString &url, const QString &extension = u"214"_s)
    {
        return TelephonySettings::checked(extension, url).value();
    }

    // Dials and waits for the one report: "" for dialled, else the failure's message.
    static QString report(Dialer &dialer, const QString &number, int waitMs = 5000)
    {
        QSignalSpy dialled(&dialer, &Dialer::dialled);
        QSignalSpy failed(&dialer, &Dialer::failed);
        dialer.dial(number);
        QTest::qWaitFor([&] { return !dialled.isEmpty() || !failed.isEmpty(); }, waitMs);
        QTest::qWait(100); // nothing more comes after the one report
        EXPECT_EQ(dialled.size() + failed.size(), 1);
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

    ScriptedHttpServer server;
};

TEST_F(DialerTest, PostsTheExtensionAndTheE164NumberAsJsonAndSucceedsOn200)
{
    Dialer dialer(settings(server.url(u"/dial"_s)));
    EXPECT_EQ(report(dialer, u"۰۹۱۲ ۱۲۳ ۴۵۶۷"_s), QString());
    const auto requests = server.requestsFor("/dial");
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests[0].contentType, "application/json");
    EXPECT_EQ(requests[0].body.toStdString(), R"({"extension":"214","number":"+989121234567"})");
    EXPECT_FALSE(dialer.isDialling());
}

TEST_F(DialerTest, AnErrorStatusIsAFailureNamingIt)
{
    server.script("/dial", { 500, 404 });
    Dialer dialer(settings(server.url(u"/dial"_s)));
    const QString on500 = report(dialer, u"02188776655"_s);
    EXPECT_TRUE(on500.contains(u"HTTP 500"_s)) << on500.toStdString();
    const QString on404 = report(dialer, u"02188776655"_s);
    EXPECT_TRUE(on404.contains(u"HTTP 404"_s)) << on404.toStdString();
    EXPECT_EQ(server.requestsFor("/dial").size(), 2);
}

TEST_F(DialerTest, ARefusedConnectionIsAFailure)
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    Dialer dialer(settings(u"http://127.0.0.1:%1/dial"_s.arg(closedPort)));
    const QString message = report(dialer, u"09121234567"_s);
    EXPECT_TRUE(message.contains(u"refused"_s)) << message.toStdString();
}

TEST_F(DialerTest, AnEndpointThatNeverAnswersFailsAfterTheTimeout)
{
    server.script("/dial", { ScriptedHttpServer::Silent });
    Dialer dialer(settings(server.url(u"/dial"_s)), 300);
    QElapsedTimer elapsed;
    elapsed.start();
    const QString message = report(dialer, u"09121234567"_s);
    EXPECT_TRUE(message.contains(u"did not answer within 0.3 seconds"_s)) << message.toStdString();
    EXPECT_GE(elapsed.elapsed(), 300);
    EXPECT_EQ(server.requestsFor("/dial").size(), 1);
}

TEST_F(DialerTest, RefusesWithoutARequestWhenNotConfiguredOrNotAPhone)
{
    Dialer noEndpoint(settings(QString()));
    EXPECT_TRUE(report(noEndpoint, u"09121234567"_s).contains(u"not set up"_s));
    Dialer noExtension(settings(server.url(u"/dial"_s), QString()));
    EXPECT_TRUE(report(noExtension, u"09121234567"_s).contains(u"not set up"_s));
    Dialer dialer(settings(server.url(u"/dial"_s)));
    EXPECT_TRUE(report(dialer, u"12345"_s).contains(u"not an Iranian phone number"_s));
    QTest::qWait(200); // time for a request to arrive
    EXPECT_TRUE(server.requests().isEmpty());
}

TEST_F(DialerTest, ASecondDialWaitsForTheFirstsAnswer)
{
    server.script("/dial", { ScriptedHttpServer::Silent });
    Dialer dialer(settings(server.url(u"/dial"_s)), 300);
    QSignalSpy failed(&dialer, &Dialer::failed);
    dialer.dial(u"09121234567"_s);
    EXPECT_TRUE(dialer.isDialling());
    dialer.dial(u"09121234567"_s);
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed[0][0].toString().contains(u"already"_s));
    ASSERT_TRUE(failed.wait(5000)); // the first one's timeout
    EXPECT_EQ(server.requestsFor("/dial").size(), 1);
}

} // namespace
