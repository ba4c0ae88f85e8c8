// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pure parsers of what the hubs and model files say. They take bytes or JSON and never touch the
// network or the disk, so they are tested table-driven and can be fuzzed.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QUrl>

#include "hub/modelinfo.h"
#include "util/result.h"

namespace ezr::hub {

// ---- Hugging Face ---------------------------------------------------------------------------

// GET /api/models/{id}[/revision/{rev}] with expand=...: fills the facts it carries (sha, gated,
// private, license, config, safetensors totals, gguf summary, siblings when no tree is read).
Result<ModelInfo> parseHfModelInfo(const QByteArray &json);
// One page of GET /api/models/{id}/tree/{rev}?recursive=true: the files (directories skipped).
Result<QList<ModelFile>> parseHfTree(const QByteArray &json);
// One page of GET /api/models?search=...
Result<QList<ModelSummary>> parseHfSearch(const QByteArray &json);

// ---- ModelScope -----------------------------------------------------------------------------

// The /api/v1 envelope {Code, Data, Message, Success}: Data, or the error it reports (HTTP status
// given for the code mapping).
Result<QJsonObject> parseModelScopeEnvelope(const QByteArray &json, int httpStatus, const QString &what);
// Data of GET /api/v1/models/{id}.
ModelInfo parseModelScopeModel(const QJsonObject &data);
// Data of GET /api/v1/models/{id}/repo/files; `headCommit` gets the newest file revision.
QList<ModelFile> parseModelScopeFiles(const QJsonObject &data, QString *headCommit);
// GET /openapi/v1/models?search=...: {"success":true,"data":{"models":[...],"total_count":N}}.
Result<QList<ModelSummary>> parseModelScopeSearch(const QByteArray &json, qint64 *totalCount);

// ---- Model files ----------------------------------------------------------------------------

struct SafetensorsHeader
{
    qint64 headerLength = 0; // N: the JSON length after the 8-byte prefix
    QMap<QString, qint64> parametersByDtype;
    qint64 parameters = 0;
};

constexpr qint64 safetensorsMaxHeader = 25'000'000;

// The JSON length from the first 8 bytes (little-endian u64); an error when absurd.
Result<qint64> safetensorsHeaderLength(const QByteArray &first8);
// `bytes` holds the file's first bytes (prefix + JSON); an error when they do not cover the
// header or it is not valid.
Result<SafetensorsHeader> parseSafetensorsHeader(const QByteArray &bytes);

struct GgufParse
{
    enum class State
    {
        Complete,
        NeedMore,
        Invalid
    };
    State state = State::Invalid;
    GgufInfo info;
    QString error;
};

// The GGUF header (magic, KV metadata, tensor infos) from the file's first bytes. NeedMore when
// the bytes end inside the header: read a longer prefix and parse again. `fileSize` (or -1) gives
// tensorDataBytes.
GgufParse parseGgufHeader(const QByteArray &bytes, qint64 fileSize);
QString ggufFileTypeName(int fileType); // "Q4_K_M"; empty when unknown
int ggufFileTypeBits(int fileType); // 4 for Q4_*, 16 for F16/BF16, 0 when unknown

// ---- Facts --------------------------------------------------------------------------------

// Fills what config.json says: architecture, model type, context length, dtype, quantization.
void applyConfig(ModelInfo &info, const QJsonObject &config);
// Derives the format, total size, dtype and quantization from files, safetensors and GGUF facts
// once everything is read.
void finalizeFacts(ModelInfo &info);
ModelFormat formatFromFiles(const QList<ModelFile> &files);
// "BF16" -> "bfloat16" (safetensors dtype names to the torch names config.json uses).
QString torchDtypeName(const QString &safetensorsDtype);

QString sourceName(SourceKind kind); // "hf", "modelscope", "local"
QString sourceTitle(SourceKind kind); // "Hugging Face", "ModelScope", "this computer" (translated)
QString formatName(ModelFormat format); // "safetensors", "gguf", "pytorch-bin", "unknown"

// The JSON of `ezrunner inspect --json` (DESIGN.md's fields and a few more).
QJsonObject modelInfoToJson(const ModelInfo &info);
QJsonObject modelSummaryToJson(const ModelSummary &summary);

} // namespace ezr::hub
