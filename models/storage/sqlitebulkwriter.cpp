#include "storage/sqlitebulkwriter.h"

#include "storage/complaintrows.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace fouad {

namespace {

struct StatementDeleter
{
    void operator()(sqlite3_stmt *stmt) const { sqlite3_finalize(stmt); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// The Binder of ComplaintRows over a prepared sqlite3 statement.
struct SqliteBinder
{
    sqlite3_stmt *stmt;
    QByteArray scratch; // reused UTF-8 buffer; SQLITE_TRANSIENT copies it

    void integer(int i, qint64 v) { sqlite3_bind_int64(stmt, i + 1, v); }
    void null(int i) { sqlite3_bind_null(stmt, i + 1); }
    void text(int i, const QString &s)
    {
        scratch = s.toUtf8();
        sqlite3_bind_text(stmt, i + 1, scratch.constData(), int(scratch.size()), SQLITE_TRANSIENT);
    }
    void textOrNull(int i, const QString &s)
    {
        if (s.isEmpty())
            null(i);
        else
            text(i, s);
    }
};

Error sqliteError(sqlite3 *handle)
{
    return Error::runtime(u"Database error: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(handle))));
}

Result<Statement> prepare(sqlite3 *handle, const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return sqliteError(handle);
    return Statement(stmt);
}

// One statement, with an optional text bound to its one placeholder.
Result<void> run(sqlite3 *handle, const QString &sql, const QString &text = {})
{
    auto stmt = prepare(handle, sql);
    if (!stmt)
        return stmt.error();
    SqliteBinder binder { stmt.value().get(), {} };
    if (!text.isNull())
        binder.text(0, text);
    if (sqlite3_step(stmt.value().get()) != SQLITE_DONE)
        return sqliteError(handle);
    return {};
}

// Runs `bind(binder, rowInStatement, item)` for every item, RowsPerStatement at a time.
template<typename Item, typename Bind>
Result<void> writeAll(sqlite3 *handle, const QList<Item> &items, const QString &fullSql,
                      const QString &oneSql, Bind bind)
{
    constexpr int N = SqliteBulkWriter::RowsPerStatement;
    auto full = prepare(handle, fullSql);
    auto one = prepare(handle, oneSql);
    if (!full)
        return full.error();
    if (!one)
        return one.error();
    qsizetype i = 0;
    while (i < items.size()) {
        const bool chunk = i + N <= items.size();
        sqlite3_stmt *stmt = chunk ? full.value().get() : one.value().get();
        SqliteBinder binder { stmt, {} };
        const int rows = chunk ? N : 1;
        for (int row = 0; row < rows; ++row)
            bind(binder, row, items.at(i + row));
        if (sqlite3_step(stmt) != SQLITE_DONE) {
            const Error error = sqliteError(handle);
            sqlite3_reset(stmt);
            return error;
        }
        sqlite3_reset(stmt);
        i += rows;
    }
    return {};
}

} // namespace

Result<void> SqliteBulkWriter::write(const QList<Complaint> &complaints)
{
    const QVariant v = m_db.driver()->handle();
    if (qstrcmp(v.typeName(), "sqlite3*") != 0 || !v.isValid())
        return Error::runtime(u"not an SQLite connection"_s);
    sqlite3 *handle = *static_cast<sqlite3 *const *>(v.data());
    if (!handle)
        return Error::runtime(u"the SQLite connection is closed"_s);

    // The search indexes take these rows in one statement each, after them
    // (migration 8): the per-row trigger is paused meanwhile, inside the caller's
    // write transaction, so no other connection ever sees it paused.
    if (auto paused = run(handle, u"INSERT INTO search_index_paused (paused) VALUES (1)"_s);
        !paused)
        return paused;
    if (auto r = writeAll(handle, complaints, ComplaintRows::insertComplaintsSql(RowsPerStatement),
                          ComplaintRows::insertComplaintsSql(1),
                          [](SqliteBinder &b, int row, const Complaint &c) {
                              ComplaintRows::bindComplaint(b, row, c);
                          });
        !r)
        return r;

    QStringList ids;
    ids.reserve(complaints.size());
    for (const Complaint &c : complaints)
        ids << QString::number(c.id);
    const QString idList = u'[' + ids.join(u',') + u']';
    for (const QString &index : { u"INSERT INTO complaints_name_search (rowid, citizen_name_key)"
                                  " SELECT id, citizen_name_key FROM complaints"
                                  " WHERE id IN (SELECT value FROM json_each(?))"_s,
                                  u"INSERT INTO complaints_phone_search (rowid, citizen_phone)"
                                  " SELECT id, citizen_phone FROM complaints"
                                  " WHERE id IN (SELECT value FROM json_each(?))"_s }) {
        if (auto indexed = run(handle, index, idList); !indexed)
            return indexed;
    }
    if (auto resumed = run(handle, u"DELETE FROM search_index_paused"_s); !resumed)
        return resumed;

    struct PendingEvent
    {
        qint64 complaintId;
        const HistoryEvent *event;
    };
    QList<PendingEvent> events;
    events.reserve(complaints.size() * 6);
    for (const Complaint &c : complaints) {
        for (const HistoryEvent &e : c.history)
            events.append({ c.id, &e });
    }
    return writeAll(handle, events, ComplaintRows::insertEventsSql(RowsPerStatement),
                    ComplaintRows::insertEventsSql(1),
                    [](SqliteBinder &b, int row, const PendingEvent &p) {
                        ComplaintRows::bindEvent(b, row, p.complaintId, *p.event);
                    });
}

} // namespace fouad
