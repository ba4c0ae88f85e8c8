// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/command.h"
#include "cli/commands.h"

namespace ezr::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeVersionCommand());
    commands.push_back(makeInspectCommand());
    return commands;
}

} // namespace ezr::cli
