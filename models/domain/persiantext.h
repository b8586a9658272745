#pragma once

#include <QLocale>
#include <QString>

namespace fouad::PersianText {

// Arabic letters to their Persian forms (ي/ى→ی, ك→ک), Arabic-Indic digits to
// Persian digits, runs of whitespace to one space (one newline where the run had
// one), stray or doubled ZWNJ removed,
// trimmed. Used on every free-text field on input.
QString normalize(const QString &text);

// The key a text is searched by: normalize(), then every digit form to Latin,
// ZWNJ, tatweel and Arabic diacritics dropped, alef/waw/heh with hamza or
// ta marbuta folded to their plain letters, Latin letters lower-cased. A search
// typed with Arabic letters or digits produces the same key as the Persian record.
QString searchKey(const QString &text);

// Persian (۰–۹) and Arabic-Indic (٠–٩) digits to Latin; anything else unchanged.
QString toLatinDigits(const QString &text);

// Latin and Arabic-Indic digits to Persian digits, for what people read.
QString toPersianDigits(const QString &text);

// Latin digits to the digits of a locale (Persian for fa_IR, Latin for en_US):
// tracking codes and numbers shown in the console.
QString localizeDigits(const QString &text, const QLocale &locale);

// A source string's Persian translation from the bundled fouad_fa.qm, whatever
// the running program's language: what a citizen hears or reads (the IVR's
// status title) is Persian even from fouadctl, whose own output is English.
// The source text when the catalogue has no entry.
QString translated(const char *context, const char *source);

} // namespace fouad::PersianText
