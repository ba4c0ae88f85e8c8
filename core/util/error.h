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

// Why something failed, where the fix depends on how EZ Runner is driven: the CLI words a hint that
// names its flags, the GUI offers a button. Core messages name no CLI flag; they say what is wrong
// and what to do in terms both faces share. ErrorCode stays the exit code.
enum class ErrorReason
{
    None,
    DockerNotInstalled, // no docker program where it was looked for
    DockerDown, // the daemon is not running, or DOCKER_HOST / the context is wrong
    DockerPermission, // the daemon's socket refuses this user
    DockerNoAnswer, // the daemon did not answer in time
    HubUnreachable, // the hub (or mirror) cannot be reached
    TokenMissing, // the model needs a token and none was given
    TokenRefused, // the token given was refused
    Gated, // the model's terms must be accepted on the hub
    RevisionNotFound, // the asked revision does not exist
    NotInCache, // offline, and the model is not in the local cache
    NoMatchingFiles, // no file of the model matches the include patterns
    NoEngineImage, // the catalog has no image for the engine on this accelerator
    NeedsSplit, // the destination's file system needs the kit in parts
    TagRefused, // the image name cannot be used
    NothingFits, // no candidate fits the target
    UnknownCandidate, // the candidate asked for is not in the plan
    UnknownVariant, // the quantization variant asked for is not in the repository
};

// A failure that a user can act on: `message` is one translated sentence saying what went wrong
// and what to do; `detail` holds the technical evidence (server reply, log tail, errno text).
struct Error
{
    ErrorCode code = ErrorCode::Failure;
    QString message;
    QString detail;
    ErrorReason reason = ErrorReason::None;

    int exitCode() const { return static_cast<int>(code); }
    bool isCancelled() const { return code == ErrorCode::Cancelled; }

    static Error cancelled();
};

// A short, stable, untranslated name for logs and JSON ("not_found", "network", ...).
QString errorCodeName(ErrorCode code);
// The same for a reason ("docker_down", "token_missing", ...); empty for ErrorReason::None.
QString errorReasonName(ErrorReason reason);

} // namespace ezr

Q_DECLARE_METATYPE(ezr::Error)
