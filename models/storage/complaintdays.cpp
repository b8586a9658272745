#include "storage/complaintdays.h"

#include "domain/complaintenums.h"
#include "storage/dialect.h"
#include "storage/figuresql.h"

using namespace Qt::StringLiterals;

namespace fouad::ComplaintDays {

namespace {

struct Measure
{
    QString column;
    QString expression; // of one complaint, its columns as "$.column"
};

QString oneIf(const QString &condition)
{
    return u"CASE WHEN %1 THEN 1 ELSE 0 END"_s.arg(condition);
}

// The measures and how one complaint counts in each: the raw figures of
// StatsRepository, term for term, so a sum over days equals a sum over rows.
QList<Measure> all()
{
    const QString closed = code(Status::Closed);
    QList<Measure> m;
    m << Measure { u"complaints"_s, u"1"_s };
    for (Status s : allStatuses())
        m << Measure { u"n_"_s + code(s), oneIf(u"$.status = '%1'"_s.arg(code(s))) };
    for (int level = 0; level < LevelsKept; ++level) {
        const QString op = level + 1 < LevelsKept ? u"="_s : u">="_s;
        m << Measure {
            u"open_%1"_s.arg(level),
            oneIf(u"$.status <> '%1' AND $.escalation_level %2 %3"_s.arg(closed, op).arg(level))
        };
    }
    const QString row = u"$."_s;
    m << Measure { u"resolved"_s, oneIf(FigureSql::resolved(row)) };
    m << Measure { u"within_target"_s, u"$.resolved_within_target"_s };
    m << Measure { u"resolution_seconds"_s, u"COALESCE($.resolution_seconds, 0)"_s };
    m << Measure { u"founded"_s, oneIf(FigureSql::founded(row)) };
    m << Measure { u"outcomes"_s, oneIf(FigureSql::withOutcome(row)) };
    for (int score = 1; score <= 5; ++score)
        m << Measure { u"sat_%1"_s.arg(score), oneIf(u"$.satisfaction = %1"_s.arg(score)) };
    m << Measure { u"reopened"_s, oneIf(FigureSql::reopened(row)) };
    m << Measure { u"ever_closed"_s, oneIf(FigureSql::everClosed(row)) };
    for (int b = 0; b < Buckets; ++b) {
        // As StatsRepository::resolutionHistogram: anything short in the first,
        // anything long in the last.
        QString condition = FigureSql::resolved(row);
        if (b > 0)
            condition += u" AND $.resolution_seconds >= %1"_s.arg(b * BucketSeconds);
        if (b + 1 < Buckets)
            condition += u" AND $.resolution_seconds < %1"_s.arg((b + 1) * BucketSeconds);
        m << Measure { u"res_%1"_s.arg(b), oneIf(condition) };
    }
    return m;
}

QString prefixed(QString expression, const QString &row)
{
    return expression.replace(u"$."_s, row);
}

// The kinds of row: their key's expressions and which complaints have one.
struct Kind
{
    QString kind, day, agency, province, code, condition;
};

QString dayOf(const QString &row)
{
    return u"(%1received_at + %2) / %3"_s.arg(row).arg(DayOffsetMs).arg(DayMs);
}

QList<Kind> kinds(const QString &row)
{
    const auto col = [&](const char16_t *c) -> QString {
        return row + QStringView(c);
    };
    const QString day = dayOf(row);
    const QString block = u"(%1) / %2 * %2"_s.arg(day).arg(BlockDays);
    const QString hasOffice = col(u"office_code") + u" IS NOT NULL"_s;
    return {
        { u"d"_s, day, col(u"agency_code"), col(u"province_code"), u"''"_s, u"true"_s },
        { u"D"_s, block, col(u"agency_code"), col(u"province_code"), u"''"_s, u"true"_s },
        { u"o"_s, day, col(u"agency_code"), col(u"province_code"), col(u"office_code"), hasOffice },
        { u"O"_s, block, col(u"agency_code"), col(u"province_code"), col(u"office_code"),
          hasOffice },
        { u"c"_s, day, u"''"_s, u"''"_s, col(u"category_code"), u"true"_s },
    };
}

QString keyColumns()
{
    return u"kind, day, agency_code, province_code, code"_s;
}

// The statements adding (sign +1) or taking away (-1) one complaint, `row`
// naming it in a trigger ("new." or "old.").
QStringList upserts(const QString &row, int sign)
{
    const QList<Measure> measured = all();
    QStringList columns, values, sets;
    for (const Measure &m : measured) {
        columns << m.column;
        const QString v = prefixed(m.expression, row);
        values << (sign > 0 ? v : u"-(%1)"_s.arg(v));
        sets << u"%1 = %2.%1 + excluded.%1"_s.arg(m.column, QStringView(Table));
    }
    QStringList out;
    for (const Kind &k : kinds(row)) {
        out << u"INSERT INTO %1 (%2, %3) SELECT '%4', %5, %6, %7, %8, %9 WHERE %10"
               " ON CONFLICT (%2) DO UPDATE SET %11"_s
                   .arg(QStringView(Table), keyColumns(), columns.join(u", "_s), k.kind, k.day,
                        k.agency, k.province, k.code, values.join(u", "_s))
                   .arg(k.condition, sets.join(u", "_s));
    }
    return out;
}

// The complaint columns the measures and keys read: an update of any other
// leaves the summary as it was.
QStringList watched()
{
    return { u"received_at"_s,        u"agency_code"_s,   u"province_code"_s,
             u"office_code"_s,        u"category_code"_s, u"status"_s,
             u"escalation_level"_s,   u"outcome"_s,       u"satisfaction"_s,
             u"resolution_seconds"_s, u"reopen_count"_s,  u"resolved_within_target"_s };
}

QString changed(const Dialect &d)
{
    QStringList any;
    for (const QString &c : watched())
        any << (d.isSQLite() ? u"old.%1 IS NOT new.%1"_s : u"OLD.%1 IS DISTINCT FROM NEW.%1"_s)
                   .arg(c);
    return any.join(u" OR "_s);
}

// PostgreSQL's trigger function as migration 23 leaves it: each complaint's
// old rows taken away and its new ones added, of each kind the row with the
// lower key first, so that every writer locks the summary's rows in one order
// (the kinds', then their keys') and two transactions moving complaints
// between the same two rows in opposite directions wait for each other
// instead of deadlocking. The sums do not depend on the order.
QString orderedApplyFunction()
{
    const QStringList add = upserts(u"NEW."_s, +1);
    const QStringList remove = upserts(u"OLD."_s, -1);
    const QList<Kind> oldKeys = kinds(u"OLD."_s), newKeys = kinds(u"NEW."_s);
    const auto key = [](const Kind &k) -> QString {
        return u"(%1, %2, %3, %4)"_s.arg(k.day, k.agency, k.province, k.code);
    };
    QString update;
    for (qsizetype i = 0; i < oldKeys.size(); ++i) {
        // A NULL office makes the comparison NULL: that row is not written
        // (its upsert's condition), so either order will do.
        update += u"IF %1 > %2 THEN %3; %4; ELSE %4; %3; END IF; "_s.arg(
            key(oldKeys.at(i)), key(newKeys.at(i)), add.at(i), remove.at(i));
    }
    return u"CREATE OR REPLACE FUNCTION complaint_days_apply() RETURNS trigger LANGUAGE plpgsql"
           " SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN"
           " IF TG_OP = 'INSERT' THEN %1;"
           " ELSIF TG_OP = 'DELETE' THEN %2;"
           " ELSE %3 END IF;"
           " RETURN NULL; END $$"_s.arg(add.join(u"; "_s), remove.join(u"; "_s), update);
}

} // namespace

QStringList measures()
{
    QStringList out;
    for (const Measure &m : all())
        out << m.column;
    return out;
}

QStringList contributions(const QString &row)
{
    QStringList out;
    for (const Measure &m : all())
        out << prefixed(m.expression, row);
    return out;
}

QStringList recount()
{
    QStringList sums;
    for (const QString &c : contributions({}))
        sums << u"SUM(%1)"_s.arg(c);
    QStringList out;
    for (const Kind &k : kinds({})) {
        QStringList groups { k.day };
        for (const QString &key : { k.agency, k.province, k.code })
            if (key != u"''") // PostgreSQL groups by no constant
                groups << key;
        out << u"SELECT '%1', %2, %3, %4, %5, %6 FROM complaints WHERE %7 GROUP BY %8"_s.arg(
            k.kind, k.day, k.agency, k.province, k.code, sums.join(u", "_s), k.condition,
            groups.join(u", "_s));
    }
    return out;
}

QStringList lockInKeyOrder(const Dialect &d)
{
    if (d.isSQLite())
        return {}; // one writer at a time
    return { orderedApplyFunction() };
}

QStringList migration(const Dialect &d)
{
    QStringList columns;
    // Counts as INTEGER: PostgreSQL sums those in 64 bits, BIGINT's in numeric
    // (a third slower); only the seconds may outgrow 32 bits.
    for (const QString &c : measures()) {
        const bool seconds = c == u"resolution_seconds";
        columns << c + (seconds ? u" {BIGINT}"_s : u" INTEGER"_s) + u" NOT NULL DEFAULT 0"_s;
    }
    QStringList s;
    // SQLite keeps the rows in key order (WITHOUT ROWID), so a period's rows of
    // one kind are one range of the table; PostgreSQL leaves room on each page
    // for the next version of its rows (fillfactor), as they change with every write.
    s << (u"CREATE TABLE %1 (kind TEXT NOT NULL, day INTEGER NOT NULL,"
          " agency_code TEXT NOT NULL, province_code TEXT NOT NULL, code TEXT NOT NULL,"
          " %2, PRIMARY KEY (%3))%4"_s.arg(QStringView(Table), columns.join(u", "_s), keyColumns(),
                                           d.isSQLite() ? u" WITHOUT ROWID"_s
                                                        : u" WITH (fillfactor = 70)"_s));

    // Filled from the complaints already there.
    for (const QString &select : recount())
        s << u"INSERT INTO %1 (%2, %3) "_s.arg(QStringView(Table), keyColumns(),
                                               measures().join(u", "_s))
                + select;

    const QStringList add = upserts(d.isSQLite() ? u"new."_s : u"NEW."_s, +1);
    const QStringList remove = upserts(d.isSQLite() ? u"old."_s : u"OLD."_s, -1);
    const QString watchedColumns = watched().join(u", "_s);
    if (d.isSQLite()) {
        const auto body = [](const QStringList &statements) -> QString {
            return u" BEGIN "_s + statements.join(u"; "_s) + u"; END"_s;
        };
        s << u"CREATE TRIGGER complaint_days_insert AFTER INSERT ON complaints"_s + body(add);
        s << u"CREATE TRIGGER complaint_days_delete AFTER DELETE ON complaints"_s + body(remove);
        s << u"CREATE TRIGGER complaint_days_update AFTER UPDATE OF %1 ON complaints WHEN %2"_s.arg(
                 watchedColumns, changed(d))
                + body(remove + add);
        return s;
    }
    // The writers' logins may not write the summary themselves: the function
    // runs as the schema's owner.
    s << u"CREATE FUNCTION complaint_days_apply() RETURNS trigger LANGUAGE plpgsql"
         " SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN"
         " IF TG_OP IN ('UPDATE', 'DELETE') THEN %1; END IF;"
         " IF TG_OP IN ('INSERT', 'UPDATE') THEN %2; END IF;"
         " RETURN NULL; END $$"_s.arg(remove.join(u"; "_s), add.join(u"; "_s));
    s << u"CREATE TRIGGER complaint_days_insert_delete AFTER INSERT OR DELETE ON complaints"
         " FOR EACH ROW EXECUTE FUNCTION complaint_days_apply()"_s;
    s << u"CREATE TRIGGER complaint_days_update AFTER UPDATE OF %1 ON complaints"
         " FOR EACH ROW WHEN (%2) EXECUTE FUNCTION complaint_days_apply()"_s.arg(watchedColumns,
                                                                                 changed(d));
    return s;
}

} // namespace fouad::ComplaintDays
