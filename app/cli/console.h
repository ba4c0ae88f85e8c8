// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>

#include <QJsonDocument>
#include <QString>

#include "util/progress.h"
#include "util/result.h"

namespace ezr {
class Job;
}

namespace ezr::cli {

// Where the CLI writes: results to stdout, progress and messages to stderr (a bar that redraws
// itself on a terminal, plain lines otherwise, nothing with --quiet).
class Console
{
public:
    Console(FILE *out = stdout, FILE *err = stderr);

    void setQuiet(bool quiet) { m_quiet = quiet; }
    bool quiet() const { return m_quiet; }
    bool stderrIsTerminal() const { return m_errTty; }

    void print(const QString &text); // stdout, a newline appended
    void printJson(const QJsonDocument &doc);
    void info(const QString &text); // stderr unless quiet
    void warning(const QString &text); // stderr always
    // Prints the error (message, then the detail indented) and returns its exit code.
    int fail(const Error &error);
    int usage(const QString &message); // prints "ezrunner: message" and the help hint; returns 2

    void progress(const Progress &progress);
    void endProgress(); // finishes the bar line, if one is drawn

private:
    void writeErr(const QString &text);

    FILE *m_out;
    FILE *m_err;
    bool m_quiet = false;
    bool m_errTty = false;
    bool m_barDrawn = false;
    qint64 m_lastPlainMs = -1;
    qint64 m_lastBarMs = -1;
};

// What to type to fix an error of this reason, naming the CLI's flags and commands; empty when
// the error's message says all.
QString cliHint(ErrorReason reason);

// Runs `job` to its end in a local event loop (the CLI has no GUI thread to keep responsive),
// forwarding its progress to the console and cancelling it on SIGINT/SIGTERM.
Status runJob(Job &job, Console &console);

} // namespace ezr::cli
