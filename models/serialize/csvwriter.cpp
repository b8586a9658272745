#include "serialize/csvwriter.h"

using namespace Qt::StringLiterals;

namespace fouad::Csv {

QString record(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &field : fields) {
        if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
            || field.contains(u'\r')) {
            QString quoted = field;
            quoted.replace(u"\""_s, u"\"\""_s);
            out.append(u'"' + quoted + u'"');
        } else {
            out.append(field);
        }
    }
    return out.join(u',') + u"\r\n"_s;
}

} // namespace fouad::Csv
