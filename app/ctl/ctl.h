#pragma once

#include <QStringList>
#include <QTextStream>

namespace fouad::ctl {

// fouadctl: the admin CLI over the same core library as the console. Returns
// the process exit code (DESIGN §7): 0 done, 1 runtime failure, 2 invalid input
// or usage, 3 not found, 4 conflict, 5 not permitted.
int run(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err);

} // namespace fouad::ctl
