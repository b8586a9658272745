#pragma once

#include "ctl/command.h"

#include <QList>

namespace fouad::ctl::Commands {

// Every fouadctl command, in the order `fouadctl --help` lists them.
const QList<const Command *> &all();

// The command the words start with, which are then removed; null if none.
const Command *take(QStringList &words);

// `fouadctl --help`: the global options, then each command's synopsis and
// summary as the commands declare them.
QString globalHelp();

// Why no command matched: the first word's subcommands when it has some.
Error unknownCommand(const QStringList &words);

} // namespace fouad::ctl::Commands
