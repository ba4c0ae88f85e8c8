// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

namespace ezr::cli {

class Command;

// One factory per command; each is defined in the command's own file.
std::unique_ptr<Command> makeVersionCommand();
std::unique_ptr<Command> makeInspectCommand();

} // namespace ezr::cli
