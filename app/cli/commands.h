// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QString>

namespace ezr::cli {

class Command;

// One factory per command, in the order of DESIGN.md; each is defined in the command's own file.
std::unique_ptr<Command> makeInspectCommand();
std::unique_ptr<Command> makeSearchCommand();
std::unique_ptr<Command> makeDownloadCommand();
std::unique_ptr<Command> makeTokenCommand();
std::unique_ptr<Command> makeHwCommand();
std::unique_ptr<Command> makePlanCommand();
std::unique_ptr<Command> makeDockerfileCommand();
std::unique_ptr<Command> makeBuildCommand();
std::unique_ptr<Command> makeExportCommand();
std::unique_ptr<Command> makePackCommand();
std::unique_ptr<Command> makeTestCommand();
std::unique_ptr<Command> makeManifestsCommand();
std::unique_ptr<Command> makePushCommand();

// The `hint:` line printed after a failed smoke test (test, pack --smoke-test).
QString smokeTestHint();
std::unique_ptr<Command> makeVersionCommand();

} // namespace ezr::cli
