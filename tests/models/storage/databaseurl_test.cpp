// DatabaseUrl: what --db, FOUAD_DB and the console's settings accept.
#include "storage/databaseurl.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace fouad;
using namespace Qt::StringLiterals;

namespace {

TEST(DatabaseUrl, SqlitePaths)
{
    struct Case
    {
        QString url;
        QString path;
    } cases[] = {
        { u"sqlite:/var/lib/fouad/fouad.sqlite"_s, u"/var/lib/fouad/fouad.sqlite"_s },
        { u"sqlite:///var/lib/fouad/fouad.sqlite"_s, u"/var/lib/fouad/fouad.sqlite"_s },
        { u"sqlite:/var/lib/fouad/../fouad/./x.sqlite"_s, u"/var/lib/fouad/x.sqlite"_s },
        { u"  sqlite:/tmp/a b.sqlite \n"_s, u"/tmp/a b.sqlite"_s },
        { u"sqlite:/tmp/فواد.sqlite"_s, u"/tmp/فواد.sqlite"_s },
        // Relative to the working folder.
        { u"sqlite:data/fouad.sqlite"_s, QDir::current().absoluteFilePath(u"data/fouad.sqlite"_s) },
        { u"sqlite:fouad.sqlite"_s, QDir::current().absoluteFilePath(u"fouad.sqlite"_s) },
    };
    for (const Case &c : cases) {
        auto url = DatabaseUrl::parse(c.url);
        ASSERT_TRUE(url) << c.url.toStdString() << ": " << url.error().message.toStdString();
        EXPECT_EQ(url->kind, DatabaseUrl::Kind::SQLite) << c.url.toStdString();
        EXPECT_EQ(url->path, QDir::cleanPath(c.path)) << c.url.toStdString();
        // Back and forth gives the same place.
        auto again = DatabaseUrl::parse(url->toString());
        ASSERT_TRUE(again);
        EXPECT_EQ(again->path, url->path);
        EXPECT_TRUE(url->displayName().startsWith(u"SQLite: "_s));
    }
}

TEST(DatabaseUrl, PostgresqlUrls)
{
    struct Case
    {
        QString url;
        QString user;
        QString password;
        QString host;
        int port;
        QString database;
    } cases[] = {
        { u"postgresql://fouad:s3cret@db.example:5433/fouad"_s, u"fouad"_s, u"s3cret"_s,
          u"db.example"_s, 5433, u"fouad"_s },
        { u"postgresql://fouad@db.example/fouad"_s,
          u"fouad"_s,
          {},
          u"db.example"_s,
          5432,
          u"fouad"_s },
        { u"postgresql://fouad@127.0.0.1:55432/fouad_test"_s,
          u"fouad"_s,
          {},
          u"127.0.0.1"_s,
          55432,
          u"fouad_test"_s },
        { u"postgres://fouad:pw@localhost/centre"_s, u"fouad"_s, u"pw"_s, u"localhost"_s, 5432,
          u"centre"_s },
        // Percent-encoded characters in the password.
        { u"postgresql://fouad:p%40ss%3Aword@h/db"_s, u"fouad"_s, u"p@ss:word"_s, u"h"_s, 5432,
          u"db"_s },
        // Connection parameters are not part of the database name (sslmode is
        // not carried today: the driver's default applies).
        { u"postgresql://fouad@h:5432/db?sslmode=require"_s,
          u"fouad"_s,
          {},
          u"h"_s,
          5432,
          u"db"_s },
        { u"postgresql://h/db"_s, {}, {}, u"h"_s, 5432, u"db"_s },
    };
    for (const Case &c : cases) {
        auto url = DatabaseUrl::parse(c.url);
        ASSERT_TRUE(url) << c.url.toStdString() << ": " << url.error().message.toStdString();
        EXPECT_EQ(url->kind, DatabaseUrl::Kind::PostgreSQL) << c.url.toStdString();
        EXPECT_EQ(url->user, c.user) << c.url.toStdString();
        EXPECT_EQ(url->password, c.password) << c.url.toStdString();
        EXPECT_EQ(url->host, c.host) << c.url.toStdString();
        EXPECT_EQ(url->port, c.port) << c.url.toStdString();
        EXPECT_EQ(url->database, c.database) << c.url.toStdString();

        // For people: never the password.
        EXPECT_EQ(
            url->displayName(),
            u"PostgreSQL: %1@%2:%3/%4"_s.arg(c.user, c.host, QString::number(c.port), c.database));
        if (!c.password.isEmpty()) {
            EXPECT_FALSE(url->displayName().contains(c.password)) << c.url.toStdString();
        }

        // For child processes and settings: everything, and it parses back the same.
        auto again = DatabaseUrl::parse(url->toString());
        ASSERT_TRUE(again) << url->toString().toStdString();
        EXPECT_EQ(again->user, url->user);
        EXPECT_EQ(again->password, url->password) << url->toString().toStdString();
        EXPECT_EQ(again->host, url->host);
        EXPECT_EQ(again->port, url->port);
        EXPECT_EQ(again->database, url->database);
    }
}

TEST(DatabaseUrl, InvalidOnesNameTheOption)
{
    const QString cases[] = {
        u""_s,
        u"   "_s,
        u"sqlite:"_s,
        u"sqlite://"_s,
        u"mysql://fouad@h/db"_s,
        u"/var/lib/fouad/fouad.sqlite"_s, // a bare path is not a URL
        u"postgresql://"_s,
        u"postgresql://fouad@h"_s, // no database
        u"postgresql://fouad@h/"_s,
        u"postgresql:///db"_s, // no host
        u"postgresql://fouad@h:port/db"_s,
        u"SQLITE:/tmp/x.sqlite"_s,
        u"postgresql://fouad@h/db?sslmode=require&colour=blue"_s, // not a libpq parameter
    };
    for (const QString &text : cases) {
        auto url = DatabaseUrl::parse(text);
        ASSERT_FALSE(url) << text.toStdString();
        EXPECT_EQ(url.error().kind, ErrorKind::InvalidInput) << text.toStdString();
        EXPECT_EQ(url.error().field, u"--db"_s) << text.toStdString();
        EXPECT_FALSE(url.error().message.isEmpty());
    }
}

TEST(DatabaseUrl, TheDefaultIsASqliteFile)
{
    const DatabaseUrl url = DatabaseUrl::defaultUrl();
    EXPECT_EQ(url.kind, DatabaseUrl::Kind::SQLite);
    EXPECT_TRUE(url.path.endsWith(u"/fouad.sqlite"_s));
    EXPECT_TRUE(QDir::isAbsolutePath(url.path));
}

} // namespace

TEST(DatabaseUrl, ConnectionParametersAreKeptInOrderAndRoundTrip)
{
    auto url = DatabaseUrl::parse(
        u"postgresql://ali:pw@db.centre.ir/fouad?sslmode=verify-full&sslrootcert=/etc/ssl/ca%20centre.pem"_s);
    ASSERT_TRUE(url);
    ASSERT_EQ(url->parameters.size(), 2);
    EXPECT_EQ(url->parameters[0], std::make_pair(u"sslmode"_s, u"verify-full"_s));
    EXPECT_EQ(url->parameters[1], std::make_pair(u"sslrootcert"_s, u"/etc/ssl/ca centre.pem"_s));
    auto again = DatabaseUrl::parse(url->toString());
    ASSERT_TRUE(again) << url->toString().toStdString();
    EXPECT_EQ(again->parameters, url->parameters);
    EXPECT_EQ(again->database, u"fouad"_s);
}
