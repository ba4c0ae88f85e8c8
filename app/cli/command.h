// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QCommandLineParser>
#include <QString>

#include "cli/console.h"

namespace ezr::cli {

// One `ezrunner <name>` command. setup() declares its options and arguments; run() does the work
// and returns the process exit code (DESIGN.md's codes). run() may spin a local event loop
// through runJob(): the CLI has no GUI thread.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one translated line for `ezrunner --help`
    virtual void setup(QCommandLineParser &parser) = 0;
    virtual int run(const QCommandLineParser &parser, Console &console) = 0;
};

// All commands, in the order `--help` lists them. Each command's file adds its factory here.
std::vector<std::unique_ptr<Command>> allCommands();

// Entry point of the CLI: argv without the program name's handling of the GUI.
int runCli(const QStringList &arguments);

} // namespace ezr::cli
