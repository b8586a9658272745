#include "storage/databaseurl.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace fouad {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString url = text.trimmed();
    if (url.startsWith(u"sqlite:")) {
        QString path = url.mid(7);
        if (path.startsWith(u"//"))
            path = path.mid(2); // sqlite:///abs/path
        if (path.isEmpty())
            return Error::invalid(
                u"--db"_s,
                QCoreApplication::translate("fouad::DatabaseUrl", "The SQLite URL names no file."));
        return sqlite(path);
    }
    if (url.startsWith(u"postgresql://") || url.startsWith(u"postgres://")) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || parsed.path().size() < 2)
            return Error::invalid(
                u"--db"_s,
                QCoreApplication::translate("fouad::DatabaseUrl",
                                            "A PostgreSQL URL looks like "
                                            "postgresql://user:password@host:5432/database."));
        DatabaseUrl result;
        result.kind = Kind::PostgreSQL;
        result.host = parsed.host();
        result.port = parsed.port(5432);
        result.user = parsed.userName();
        result.password = parsed.password();
        result.database = parsed.path().mid(1);
        const QUrlQuery query(parsed);
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (!isKnownParameter(name))
                return Error::invalid(
                    u"--db"_s,
                    QCoreApplication::translate("fouad::DatabaseUrl",
                                                "Unknown connection parameter \"%1\" in the "
                                                "PostgreSQL URL (known: sslmode, sslrootcert, "
                                                "sslcert, sslkey, sslcrl, connect_timeout).")
                        .arg(name));
            result.parameters.append({ name, value });
        }
        return result;
    }
    return Error::invalid(
        u"--db"_s,
        QCoreApplication::translate("fouad::DatabaseUrl",
                                    "Unknown database URL \"%1\": use sqlite:PATH "
                                    "or postgresql://user@host:port/database.")
            .arg(url));
}

DatabaseUrl DatabaseUrl::sqlite(const QString &path)
{
    DatabaseUrl result;
    result.kind = Kind::SQLite;
    result.path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    return result;
}

DatabaseUrl DatabaseUrl::defaultUrl()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return sqlite(dir + u"/fouad.sqlite"_s);
}

QString DatabaseUrl::displayName() const
{
    if (kind == Kind::SQLite)
        return u"SQLite: "_s + QDir::toNativeSeparators(path);
    return u"PostgreSQL: %1@%2:%3/%4"_s.arg(user, host, QString::number(port), database);
}

QString DatabaseUrl::toString() const
{
    if (kind == Kind::SQLite)
        return u"sqlite:"_s + path;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPassword(password);
    url.setPath(u'/' + database);
    if (!parameters.isEmpty()) {
        QUrlQuery query;
        for (const auto &[name, value] : parameters)
            query.addQueryItem(name, value);
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

bool DatabaseUrl::isKnownParameter(const QString &name)
{
    static const QStringList known = { u"sslmode"_s,         u"sslrootcert"_s,
                                       u"sslcert"_s,         u"sslkey"_s,
                                       u"sslcrl"_s,          u"sslpassword"_s,
                                       u"sslsni"_s,          u"ssl_min_protocol_version"_s,
                                       u"connect_timeout"_s, u"target_session_attrs"_s };
    return known.contains(name);
}

} // namespace fouad
