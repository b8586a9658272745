#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fouad::Csv {

struct Row
{
    int line = 0; // where the record starts, counting from 1
    QStringList fields;
};

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks; CRLF
// or LF), a UTF-8 byte order mark skipped; blank lines are no records. An
// unterminated quote is invalid input naming its line ("line 7").
Result<QList<Row>> parse(const QString &text);

} // namespace fouad::Csv
