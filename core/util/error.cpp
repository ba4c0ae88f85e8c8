// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/error.h"

#include <QCoreApplication>

namespace ezr {

Error Error::cancelled()
{
    return { ErrorCode::Cancelled, QCoreApplication::translate("ezr::Error", "Cancelled."), {} };
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
        return QStringLiteral("ok");
    case ErrorCode::Failure:
        return QStringLiteral("failure");
    case ErrorCode::Usage:
        return QStringLiteral("usage");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::AuthRequired:
        return QStringLiteral("auth_required");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::DockerUnavailable:
        return QStringLiteral("docker_unavailable");
    case ErrorCode::BuildFailed:
        return QStringLiteral("build_failed");
    case ErrorCode::NoSpace:
        return QStringLiteral("no_space");
    case ErrorCode::Integrity:
        return QStringLiteral("integrity");
    case ErrorCode::DoesNotFit:
        return QStringLiteral("does_not_fit");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("failure");
}

QString errorReasonName(ErrorReason reason)
{
    switch (reason) {
    case ErrorReason::None:
        return {};
    case ErrorReason::DockerNotInstalled:
        return QStringLiteral("docker_not_installed");
    case ErrorReason::DockerDown:
        return QStringLiteral("docker_down");
    case ErrorReason::DockerPermission:
        return QStringLiteral("docker_permission");
    case ErrorReason::DockerNoAnswer:
        return QStringLiteral("docker_no_answer");
    case ErrorReason::HubUnreachable:
        return QStringLiteral("hub_unreachable");
    case ErrorReason::TokenMissing:
        return QStringLiteral("token_missing");
    case ErrorReason::TokenRefused:
        return QStringLiteral("token_refused");
    case ErrorReason::Gated:
        return QStringLiteral("gated");
    case ErrorReason::RevisionNotFound:
        return QStringLiteral("revision_not_found");
    case ErrorReason::NotInCache:
        return QStringLiteral("not_in_cache");
    case ErrorReason::NoMatchingFiles:
        return QStringLiteral("no_matching_files");
    case ErrorReason::NoEngineImage:
        return QStringLiteral("no_engine_image");
    case ErrorReason::NeedsSplit:
        return QStringLiteral("needs_split");
    case ErrorReason::TagRefused:
        return QStringLiteral("tag_refused");
    case ErrorReason::NothingFits:
        return QStringLiteral("nothing_fits");
    case ErrorReason::UnknownCandidate:
        return QStringLiteral("unknown_candidate");
    case ErrorReason::UnknownVariant:
        return QStringLiteral("unknown_variant");
    }
    return {};
}

} // namespace ezr
