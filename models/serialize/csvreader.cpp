#include "serialize/csvreader.h"

using namespace Qt::StringLiterals;

namespace fouad::Csv {

Result<QList<Row>> parse(const QString &text)
{
    QList<Row> rows;
    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    int line = 1;
    while (i < text.size()) {
        Row row;
        row.line = line;
        QString field;
        bool quoted = false;
        bool endOfRecord = false;
        while (!endOfRecord) {
            if (i >= text.size()) {
                if (quoted)
                    return Error::invalid(u"line %1"_s.arg(row.line),
                                          u"a quoted field is not closed"_s);
                break;
            }
            const QChar c = text.at(i++);
            if (quoted) {
                if (c == u'"') {
                    if (i < text.size() && text.at(i) == u'"') {
                        field += u'"';
                        ++i;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == u'\n')
                        ++line;
                    field += c;
                }
            } else if (c == u'"' && field.isEmpty()) {
                quoted = true;
            } else if (c == u',') {
                row.fields << field;
                field.clear();
            } else if (c == u'\r' && i < text.size() && text.at(i) == u'\n') {
                continue; // the LF ends it
            } else if (c == u'\n') {
                ++line;
                endOfRecord = true;
            } else {
                field += c;
            }
        }
        row.fields << field;
        if (row.fields.size() == 1 && row.fields.constFirst().trimmed().isEmpty())
            continue; // a blank line
        rows << row;
    }
    return rows;
}

} // namespace fouad::Csv
