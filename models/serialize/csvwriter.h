#pragma once

#include <QString>
#include <QStringList>

namespace fouad::Csv {

// One RFC 4180 record: fields quoted when they hold a comma, quote or line
// break; CRLF at the end.
QString record(const QStringList &fields);

} // namespace fouad::Csv
