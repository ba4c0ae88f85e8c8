// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace ezr {

// The codes are the CLI's exit codes (DESIGN.md, "CLI contract"); they must stay stable.
enum class ErrorCode : int
{
    Ok = 0,
    Failure = 1,
    Usage = 2,
    NotFound = 3,
    AuthRequired = 4,
    Network = 5,
    DockerUnavailable = 6,
    BuildFailed = 7,
    NoSpace = 8,
    Integrity = 9,
    DoesNotFit = 10,
    Cancelled = 130,
};

// A failure that a user can act on: `message` is one translated sentence saying what went wrong
// and what to do; `detail` holds the technical evidence (server reply, log tail, errno text).
struct Error
{
    ErrorCode code = ErrorCode::Failure;
    QString message;
    QString detail;

    int exitCode() const { return static_cast<int>(code); }
    bool isCancelled() const { return code == ErrorCode::Cancelled; }

    static Error cancelled();
};

// A short, stable, untranslated name for logs and JSON ("not_found", "network", ...).
QString errorCodeName(ErrorCode code);

} // namespace ezr

Q_DECLARE_METATYPE(ezr::Error)
