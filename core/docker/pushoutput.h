// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringView>

#include "util/result.h"

namespace ezr::docker {

// Where `ezrunner push --registry HOST[:PORT][/PREFIX]` sends an image.
struct RegistryTarget
{
    QString host; // "registry.lan", "127.0.0.1", "[::1]"
    int port = -1; // -1 when not given
    QString prefix; // "team/models" (no slashes at the ends), may be empty

    QString hostPort() const; // "HOST:PORT", or "HOST" without a port
    QString base() const; // hostPort() plus "/PREFIX" when there is one
};

// Pure helpers over outside text, tested table-driven and fuzzed (tests/fuzz/push_output.cpp).
// A --registry value; exit 2 with what is wrong (a scheme, a bad port, a tag, spaces, ...).
Result<RegistryTarget> parseRegistry(const QString &value);
// IMAGE renamed into the registry: its own registry host (if any) dropped, its repository path and
// tag kept ("latest" when it has none): "ezrunner/qwen:1" → "HOST:PORT/PREFIX/ezrunner/qwen:1"; a name
// already under HOST:PORT/PREFIX stays as it is.
// Exit 2 for an image id or a reference by digest, which have no name to push under.
Result<QString> pushReference(const QString &image, const RegistryTarget &registry);

// What a `docker push` has said so far, filled line by line by parsePushLine().
struct PushState
{
    QString repository; // from "The push refers to repository [...]"
    QMap<QString, QString> layers; // layer id → its last status ("Preparing", "Pushed", ...)
    QMap<QString, qint64> layerBytes; // layer id → bytes sent so far (terminal output only)
    QString tag; // from "TAG: digest: sha256:… size: N"
    QString digest; // "sha256:…", once the manifest is pushed
    qint64 manifestSize = -1;
    QString errorLine; // the last line that looked like an error

    int layersTotal() const { return int(layers.size()); }
    int layersDone() const; // pushed, already there, or mounted from another repository
    qint64 bytesSent() const;
};

void parsePushLine(PushState &state, QStringView line);

// A failed `docker push` (or `docker tag` before it) from what docker printed on stderr, for the
// registry `hostPort`: not reachable (5), authentication (4), an HTTP registry not listed as
// insecure (6, naming the daemon.json setting), the image not here (3), else 1.
Error classifyPushFailure(const QByteArray &errorText, const QString &hostPort);

} // namespace ezr::docker
