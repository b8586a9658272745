#include "support/testdatabase.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace fouad::test {

namespace {

QAtomicInteger<int> counter;

// Runs one statement on the server's admin database through a short-lived connection.
bool adminExec(const DatabaseUrl &admin, const QString &sql, QString *error)
{
    const QString name = u"fouad-test-admin-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setUserName(admin.user);
        db.setPassword(admin.password);
        db.setDatabaseName(admin.database);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                *error = query.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// The first column of one row, or empty (no such table yet, no row).
QString adminScalar(const DatabaseUrl &admin, const QString &sql)
{
    const QString name = u"fouad-test-admin-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setUserName(admin.user);
        db.setPassword(admin.password);
        db.setDatabaseName(admin.database);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0).toString();
            query = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

std::string backendName(Backend backend)
{
    return backend == Backend::SQLite ? "SQLite" : "PostgreSQL";
}

bool TestDatabase::postgresRequired()
{
    return !qEnvironmentVariableIsEmpty("FOUAD_REQUIRE_PG");
}

std::unique_ptr<TestDatabase> TestDatabase::create(Backend backend, QString *whyNot)
{
    std::unique_ptr<TestDatabase> db(new TestDatabase);
    db->m_backend = backend;
    if (backend == Backend::SQLite) {
        db->m_dir = std::make_unique<QTemporaryDir>();
        if (!db->m_dir->isValid()) {
            *whyNot = u"cannot create a temporary folder"_s;
            return nullptr;
        }
        db->m_url = DatabaseUrl::sqlite(db->m_dir->filePath(u"fouad.sqlite"_s));
        return db;
    }

    const QString adminText = qEnvironmentVariable("FOUAD_TEST_PG");
    if (adminText.isEmpty()) {
        *whyNot = u"FOUAD_TEST_PG is not set: no PostgreSQL server for this test "
                  "(scripts/with-postgres starts one)"_s;
        return nullptr;
    }
    const auto admin = DatabaseUrl::parse(adminText);
    if (!admin.ok()) {
        *whyNot = admin.error().message;
        return nullptr;
    }
    const QString name = u"fouad_t_%1_%2"_s.arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddRelaxed(1));
    QString error;
    if (!adminExec(*admin, u"CREATE DATABASE %1"_s.arg(name), &error)) {
        *whyNot = u"cannot create PostgreSQL test database: "_s + error;
        return nullptr;
    }
    db->m_adminUrl = *admin;
    db->m_url = *admin;
    db->m_url.database = name;
    return db;
}

TestDatabase::~TestDatabase()
{
    if (!m_adminUrl)
        return;
    // Logins belong to the whole server: the users this database made (migration
    // 13 makes each a login) go with it, so the next test may use the same names.
    DatabaseUrl here = *m_adminUrl;
    here.database = m_url.database;
    QString error;
    const QString logins = adminScalar(
        here,
        u"SELECT string_agg(name, ',') FROM users WHERE name IN (SELECT rolname"
        " FROM pg_roles r WHERE NOT rolsuper AND EXISTS (SELECT 1 FROM pg_auth_members m"
        " JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid"
        " AND g.rolname LIKE 'fouad\\_%'))"_s);
    // However they were made (addTestUser, a service, fouadctl, the demo seed):
    // outside ctest's pg_logins lock a login not named after this database can
    // collide with another test's (tests/CMakeLists.txt marks those tests).
    if (qEnvironmentVariable("FOUAD_PG_LOGINS") == u"unlocked") {
        for (const QString &login : logins.split(u',', Qt::SkipEmptyParts))
            if (!login.startsWith(m_url.database))
                ADD_FAILURE() << "the PostgreSQL login " << login.toStdString()
                              << " was made without ctest's pg_logins lock: the test's name"
                                 " must contain \"PostgreSQL\"";
    }
    adminExec(*m_adminUrl, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_url.database),
              &error);
    for (const QString &login : logins.split(u',', Qt::SkipEmptyParts))
        adminExec(*m_adminUrl, u"DROP ROLE IF EXISTS \"%1\""_s.arg(login), &error);
}

} // namespace fouad::test
