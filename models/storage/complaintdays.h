#pragma once

#include <QString>
#include <QStringList>

namespace fouad {

class Dialect;

// Migration 21's summary of the complaints per Tehran day (issue 10): what the
// dashboard, the scorecards and the reports' figures sum over a period instead
// of its complaints. Triggers on `complaints` keep it in step with every write
// (insert, update, delete, whoever writes), in the writer's own transaction.
//
// Rows are of five kinds, each keyed by (kind, day, agency_code,
// province_code, code):
//  - 'd' a directorate: an agency in a province ('' code);
//  - 'o' an office: its agency, province and code (complaints naming one);
//  - 'c' a category: its code ('' agency and province);
//  - 'D' and 'O': the same as 'd' and 'o' for blocks of BlockDays days, `day`
//    the block's first, so a long period reads a row per block and only its
//    ragged ends by the day.
// `day` is the Tehran standard-time day, (received_at + 03:30) / 24 h: since
// 2022 Tehran keeps no daylight saving, so these are its calendar days; a period
// that does not start and end on such a day boundary is read from the
// complaints instead (StatsRepository).
// Every row carries the same measures; a category row's are its complaints'.
namespace ComplaintDays {

inline constexpr const char16_t *Table = u"complaint_days";
inline constexpr qint64 DayOffsetMs = 12600000; // +03:30
inline constexpr qint64 DayMs = 86400000;
inline constexpr qint64 BlockDays = 16;
// The resolution-time histogram kept: half hours, the last one open-ended.
inline constexpr qint64 BucketSeconds = 1800;
inline constexpr int Buckets = 13;
// Open complaints are counted per escalation level up to this one; the last
// column counts this level and above.
inline constexpr int LevelsKept = 5;

// The measure columns, in their order in the table.
QStringList measures();
// What one complaint adds to each measure (0 or 1, or a value), its columns
// prefixed by `row` ("new.", "old." or "" for the table itself).
QStringList contributions(const QString &row);

// Each kind's rows summed afresh from the complaints: the key columns, then
// the measures, as the table holds them (its filling, and a check of it).
QStringList recount();

// The table, its triggers and its filling from the complaints already there.
QStringList migration(const Dialect &dialect);

// Migration 23: PostgreSQL's trigger writes each kind's two rows of a moved
// complaint in key order, so writers moving complaints both ways between two
// rows never deadlock.
QStringList lockInKeyOrder(const Dialect &dialect);

} // namespace ComplaintDays

} // namespace fouad
