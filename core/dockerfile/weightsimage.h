// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

namespace ezr::dockerfile {

// The line of a generated Dockerfile where the serving part begins. What is above it (the base
// image, the offline settings and the model's files) is built once per model revision into an
// image of its own, the weights image; what follows it (entry point, labels, user, port, health
// check, the engine's arguments) is built FROM that image with a context of a few KB. A change
// of port, context or flags then rebuilds in seconds, with either builder: the legacy one would
// otherwise send every weight again.
inline constexpr char kServingMarker[] = "# ezrunner:serving";

struct DockerfileParts
{
    QString weights; // FROM … up to the marker
    QString serving; // the lines after the marker, without a FROM
};

// The Dockerfile cut at its marker line; nullopt when it cannot be cut safely: no marker (a
// user's edit that removed it), no FROM above it, or a serving part that starts a stage of its
// own or copies from one. Such a Dockerfile is built as one image.
std::optional<DockerfileParts> splitAtServing(const QString &dockerfile);

// The weights image's name: "ezrunner-weights/<model>:<16 hex digits>", keyed by what the
// weights part builds (comments and blank lines aside) and `revisionKey` (the model's commit, or
// what identifies a local folder's files). The same weights give the same name on every build.
QString weightsImageTag(const QString &modelId, const QString &weightsPart, const QString &revisionKey);

// The serving Dockerfile: FROM the weights image, then the serving part.
QString servingDockerfile(const QString &weightsImage, const QString &servingPart);

} // namespace ezr::dockerfile
