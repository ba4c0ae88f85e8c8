// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commands.h"
#include "cli/command.h"

namespace ezr::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeInspectCommand());
    commands.push_back(makeSearchCommand());
    commands.push_back(makeDownloadCommand());
    commands.push_back(makeTokenCommand());
    commands.push_back(makeHwCommand());
    commands.push_back(makePlanCommand());
    commands.push_back(makeDockerfileCommand());
    commands.push_back(makeBuildCommand());
    commands.push_back(makeExportCommand());
    commands.push_back(makePackCommand());
    commands.push_back(makeTestCommand());
    commands.push_back(makeManifestsCommand());
    commands.push_back(makePushCommand());
    commands.push_back(makeVersionCommand());
    return commands;
}

} // namespace ezr::cli
