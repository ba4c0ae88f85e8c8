// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "engine/candidate.h"
#include "kit/imagefacts.h"
#include "util/result.h"

namespace ezr::kit {

// A small file of the kit (script, README, profile), rendered in memory before anything is written.
struct KitFile
{
    QString name;
    QByteArray content;
    bool executable = false;
};

struct KitTemplateInput
{
    ImageFacts image;
    QList<ImageFacts> moreImages; // the kit's other images (export IMAGE1 IMAGE2...), after `image`
    bool compressed = false; // payload is zstd
    QString language; // "en", "zh_CN"; anything else falls back to English
    QString appVersion;
    QByteArray profile; // the profile without secrets; empty for none
    QByteArray smokeTest; // SMOKE-TEST.txt, the smoke test's result; empty when none was asked for
    QList<KitFile> kubernetes; // kubernetesKitFiles(); empty for none
};

// Name of the payload (before splitting): image.tar or image.tar.zst.
QString payloadBaseName(bool compressed);

// The README language for a locale name or --language value ("zh", "zh_CN.UTF-8" → "zh_CN").
QString kitLanguage(const QString &localeOrLanguage);

// The Kubernetes manifests a kit carries (kustomization.yaml and k8s-*.yaml): from the candidate
// the image was planned with when known (pack), else from the image's io.ezrunner.* labels (one
// node); none for an image EZ Runner did not build. Pure.
QList<KitFile> kubernetesKitFiles(
    const ImageFacts &image, const engine::Candidate *candidate, bool apiKeyRequired);

// Renders load.sh, run.sh, load.ps1, compose.yaml, README.txt, probe.sh (and profile.ezrunner,
// SMOKE-TEST.txt)
// from the kit templates: <data dir>/templates/kit/ overrides paths::templatesDir()/kit/.
Result<QList<KitFile>> renderKitFiles(const KitTemplateInput &input, const QString &templatesDir);

// "'it'\''s'": a single-quoted POSIX sh word; and the PowerShell equivalent ('it''s').
QString shellQuote(const QString &text);
QString powershellQuote(const QString &text);

} // namespace ezr::kit
