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

} // namespace ezr
