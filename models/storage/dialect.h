#pragma once

#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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
    // `query` is prepared with takeSequenceSql() (and kept: on PostgreSQL a fresh
    // statement costs two more round trips, PREPARE and DEALLOCATE, per complaint).
    QString takeSequenceSql() const;
    Result<QList<qint64>> takeSequenceValues(QSqlQuery &query, const QString &sequence,
                                             int n) const;
    QString createSequence(const QString &sequence, qint64 start) const;

    // Appended to a SELECT that reads a row about to be updated in the same
    // transaction. SQLite's BEGIN IMMEDIATE already holds the write lock.
    QString forUpdate() const;

    // After a table in FROM: read it through this index. SQLite's planner would
    // rather sort the period's rows than walk an index in another order;
    // PostgreSQL's chooses by its statistics (nothing is appended).
    QString indexedBy(const QString &index) const;

    // LIKE that ignores case where the database can (only Latin letters differ by case).
    QString likeOperator() const;

    bool isUniqueViolation(const QSqlError &error) const;

    // Search (SearchTerm). PostgreSQL plans a substring search itself, well: its statistics of the
    // column estimate how many rows contain the text, so it walks the sort's
    // index for a common one and takes the trigram index for a rare one. SQLite
    // knows nothing of what an FTS table holds, so the repository chooses there.
    bool plansSubstringSearch() const { return !isSQLite(); }

    // Where plansSubstringSearch() is false (SQLite): the trigram index that a
    // substring of a column is looked up in, `SELECT rowid …` with one placeholder
    // bound to trigramNeedle(). The candidates may include rows that do not hold
    // the needle (the trigrams are ANDed without positions): callers re-check.
    enum class SearchColumn { NameKey, Phone };
    QString trigramCandidates(SearchColumn column) const;
    QVariant trigramNeedle(const QString &needle) const;
    // Substrings shorter than a trigram have no index to look up.
    static constexpr int MinimumTrigramNeedle = 3;
    // A list of ids as a table to join, `FROM <idListJoin()>` (the complaints as c),
    // bound to idListValue(): the list drives, each id one primary-key lookup.
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
