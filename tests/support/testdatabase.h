#pragma once

#include "storage/databaseurl.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <ostream>

namespace fouad::test {

enum class Backend { SQLite, PostgreSQL };

std::string backendName(Backend backend);
// Readable test names in ctest ("GetParam() = SQLite").
inline void PrintTo(Backend backend, std::ostream *os)
{
    *os << backendName(backend);
}

// A new, empty database for one test: a file in a temporary folder, or a fresh
// PostgreSQL database on the server named by FOUAD_TEST_PG (an admin URL such as
// postgresql://postgres@127.0.0.1:55432/postgres), dropped afterwards.
//
// Without FOUAD_TEST_PG the PostgreSQL tests skip, unless FOUAD_REQUIRE_PG is
// set (as .ci/run does): then a missing server fails them.
class TestDatabase final
{
public:
    static std::unique_ptr<TestDatabase> create(Backend backend, QString *whyNot);
    ~TestDatabase();

    const DatabaseUrl &url() const { return m_url; }
    Backend backend() const { return m_backend; }

    static bool postgresRequired();

private:
    TestDatabase() = default;

    Backend m_backend = Backend::SQLite;
    DatabaseUrl m_url;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<DatabaseUrl> m_adminUrl;
};

} // namespace fouad::test

// In a fixture's SetUp: makes the database or skips/fails as the rules above say.
#define FOUAD_MAKE_TEST_DATABASE(target, backend)                                                  \
    do {                                                                                           \
        QString whyNot_;                                                                           \
        target = ::fouad::test::TestDatabase::create(backend, &whyNot_);                           \
        if (!target) {                                                                             \
            if (::fouad::test::TestDatabase::postgresRequired()                                    \
                || backend == ::fouad::test::Backend::SQLite)                                      \
                FAIL() << whyNot_.toStdString();                                                   \
            else                                                                                   \
                GTEST_SKIP() << whyNot_.toStdString();                                             \
        }                                                                                          \
    } while (false)
