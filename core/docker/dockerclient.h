// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>

#include "docker/buildoutput.h"
#include "util/result.h"

namespace ezr::docker {

// What `docker version` says about the client and the daemon.
struct DockerVersion
{
    QString clientVersion;
    QString serverVersion; // empty when no daemon answered
    QString serverOs; // "linux"
    bool hasBuildx = false;
};

// Pure helpers, tested table-driven.
// `docker version --format '{{json .}}'` output.
Result<DockerVersion> parseVersionJson(const QByteArray &json);
// Exit 6 with what to do: not installed, daemon not running, socket permission (docker group), no answer.
// A daemon on another machine (`host`, else the address docker's error names) is named in the message.
Error classifyDaemonFailure(const QString &binary, const QByteArray &errorText, bool timedOut,
    bool failedToStart, const QString &host = {});
// BuildKit when asked for and possible: a buildx plugin, or a client older than 23.0 (its built-in
// BuildKit); DOCKER_BUILDKIT=0 in the environment means the legacy builder.
Builder chooseBuilder(
    const DockerVersion &version, Builder requested, const QProcessEnvironment &environment);
// True for a version string at or above major.minor ("20.10.24", "28.1.1").
bool versionAtLeast(const QString &version, int major, int minor);

// The docker program the user chose: `flag` (--docker), else $EZRUNNER_DOCKER, else the setting,
// else `docker`. A name or a path, not looked up yet.
QString dockerBinaryName(const QString &flag = {}, const QString &setting = {});
// That program found: the path of an executable (a name is looked up on PATH), else exit 6 with
// ErrorReason::DockerNotInstalled.
Result<QString> resolveDockerBinary(const QString &flag = {}, const QString &setting = {});

} // namespace ezr::docker
