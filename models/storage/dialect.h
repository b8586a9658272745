#pragma once

#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

namespace fouad {

// The few places where SQLite and PostgreSQL differ, and nowhere else.
class Dialect final
{
public:
    enum class Kind { SQLite, PostgreSQL };

    explicit Dialect(Kind kind)
        : m_kind(kind)
    {
    }
    bool isSQLite() const { return m_kind == Kind::SQLite; }

    // SQLite must take the write lock up front: a deferred transaction that later
    // writes can fail with SQLITE_BUSY instead of waiting for the busy timeout.
    QString beginWrite() const;

    // Schema text with {ID} (auto-increment primary key) and {BIGINT} filled in.
    QString ddl(QString statement) const;

    // Takes n fresh values from the named sequence. On SQLite call it inside the
    // write transaction that uses them; on PostgreSQL the values are never handed
    // out twice, though a rolled-back transaction leaves a gap.
    Result<QList<qint64>> takeSequenceValues(QSqlDatabase &db, const QString &sequence,
                                             int n) const;
    QString createSequence(const QString &sequence, qint64 start) const;

    // Appended to a SELECT that reads a row about to be updated in the same
    // transaction. SQLite's BEGIN IMMEDIATE already holds the write lock.
    QString forUpdate() const;

    // LIKE that ignores case where the database can (only Latin letters differ by case).
    QString likeOperator() const;

    bool isUniqueViolation(const QSqlError &error) const;

    // Search (SearchTerm). The trigram index a substring of a column is looked up
    // in: `SELECT id …` with one placeholder, bound to trigramNeedle(). The
    // candidates may include rows that do not contain the needle (SQLite ANDs its
    // trigrams), so callers re-check with LIKE.
    enum class SearchColumn { NameKey, Phone };
    QString trigramCandidates(SearchColumn column) const;
    QVariant trigramNeedle(const QString &needle) const;
    // Substrings shorter than a trigram have no index to look up.
    static constexpr int MinimumTrigramNeedle = 3;

    // A list of ids as a table to join: `FROM <idListSource()> JOIN complaints c
    // ON c.id = ids.id`, with the placeholder bound to idListValue(); the list is
    // read first, so each id is one primary-key lookup.
    QString idListJoin() const;
    QVariant idListValue(const QList<qint64> &ids) const;

    // Settings for a bulk load on this connection (demo data, imports) and the
    // ones that undo them. Durability stays: only memory and checkpointing change.
    QStringList bulkLoadBegin() const;
    QStringList bulkLoadEnd() const;

private:
    Kind m_kind;
};

// Escapes %, _ and \ for "LIKE ? ESCAPE '\'".
QString escapeLike(const QString &text);

} // namespace fouad
