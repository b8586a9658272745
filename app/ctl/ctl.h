#pragma once

#include <QStringList>
#include <QTextStream>

namespace fouad::ctl {

class Context;

// fouadctl: the admin CLI over the same core library as the console, one class
// per command (commands.h). Returns the process exit code (DESIGN §7): 0 done,
// 1 runtime failure, 2 invalid input or usage, 3 not found, 4 conflict, 5 not
// permitted. arguments[0] is the program.
int run(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err);
// The same in a given context (tests: string streams and a MockClock).
int run(const QStringList &arguments, Context &ctx);
// Whether the command line runs a command that paints (report: PDF text needs
// fonts and shaping), so main makes a QGuiApplication rather than a
// QCoreApplication.
bool needsGui(const QStringList &arguments);

} // namespace fouad::ctl
