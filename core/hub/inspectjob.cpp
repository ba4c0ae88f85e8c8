// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/inspectjob.h"

#include <QJsonDocument>

#include "hub/parsers.h"
#include "util/log.h"

namespace ezr::hub {
namespace {

constexpr qint64 safetensorsFirstRead = 100'000; // most headers fit (huggingface_hub does the same)
constexpr qint64 ggufFirstRead = 1 << 20;
constexpr qint64 ggufMaxRead = 256LL << 20;

} // namespace

InspectJob::InspectJob(ModelRequest request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
{ }

InspectJob::~InspectJob() = default;

void InspectJob::step(const QString &item)
{
    Progress p;
    p.phase = tr("Inspecting");
    p.item = item;
    p.bytes = false;
    p.done = ++m_steps;
    reportProgress(p);
}

void InspectJob::doStart()
{
    m_sources = sourcesToTry(m_request);
    tryNextSource();
}

void InspectJob::doCancel()
{
    if (m_client)
        m_client->cancel();
    finish(Error::cancelled());
}

void InspectJob::tryNextSource()
{
    const SourceKind kind = m_sources.takeFirst();
    if (m_client)
        m_client->cancel();
    m_client = makeHubClient(kind, m_request);
    step(tr("%1 on %2").arg(m_request.model, sourceName(kind)));
    m_client->fetchListing([this](const Result<ModelInfo> &listing) { onListing(listing); });
}

void InspectJob::onListing(const Result<ModelInfo> &listing)
{
    if (!listing) {
        const Error &e = listing.error();
        if (!m_sources.isEmpty() && tryNextSourceAfter(m_request, e)) {
            qCInfo(lcHub) << "not on" << sourceName(m_client->kind()) << ":" << e.message;
            log(tr("%1 is not on %2; trying %3.")
                    .arg(m_request.model, sourceTitle(m_client->kind()), sourceTitle(m_sources.first())));
            if (!m_firstError) {
                m_firstError = e;
                m_firstSource = m_client->kind();
            }
            return tryNextSource();
        }
        // A hub that said "not found" has answered; a fallback that could not be asked does not
        // turn that answer into a network error.
        if (m_firstError && m_firstError->code == ErrorCode::NotFound) {
            Error answer = *m_firstError;
            answer.message = e.code == ErrorCode::NotFound
                ? tr("%1 was found neither on Hugging Face nor on ModelScope. Check the name, or choose the "
                     "hub.")
                      .arg(m_request.model)
                : tr("%1 is not on %2, and %3 could not be asked (%4). Check the name.")
                      .arg(m_request.model, sourceTitle(m_firstSource), sourceTitle(m_client->kind()),
                          e.message);
            answer.detail += QLatin1Char('\n') + e.detail;
            return finish(answer);
        }
        return finish(e);
    }
    m_info = *listing;
    readConfig();
}

void InspectJob::readConfig()
{
    const auto it = std::find_if(m_info.files.begin(), m_info.files.end(),
        [](const ModelFile &f) { return f.path == QLatin1String("config.json"); });
    if (it == m_info.files.end())
        return readHeaders();
    step(QStringLiteral("config.json"));
    m_client->readRange(*it, 0, -1, [this](const Result<QByteArray> &bytes) {
        if (!bytes)
            return finish(bytes.error());
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            log(tr("config.json of %1 is not valid JSON (%2); its facts are left out.")
                    .arg(m_info.id, error.errorString()));
        else
            applyConfig(m_info, doc.object());
        readHeaders();
    });
}

void InspectJob::readHeaders()
{
    // The hub's parameter counts spare the header reads for safetensors; GGUF metadata is always read.
    const bool needSafetensors = m_info.parametersByDtype.isEmpty();
    QList<ModelFile> safetensors;
    QList<ModelFile> gguf;
    for (const ModelFile &f : m_info.files) {
        if (needSafetensors && f.path.endsWith(QLatin1String(".safetensors")))
            safetensors << f;
        else if (f.path.endsWith(QLatin1String(".gguf")))
            gguf << f;
    }
    m_safetensors = QList<QMap<QString, qint64>>(safetensors.size());
    m_info.gguf = QList<GgufInfo>(gguf.size());
    // One more than the reads, released below once every read is issued.
    m_pending = static_cast<int>(safetensors.size() + gguf.size()) + 1;
    for (int i = 0; i < safetensors.size(); ++i)
        readSafetensors(i, safetensors[i]);
    for (int i = 0; i < gguf.size(); ++i)
        readGguf(
            i, gguf[i], std::min<qint64>(ggufFirstRead, gguf[i].size > 0 ? gguf[i].size : ggufFirstRead));
    oneDone({});
}

void InspectJob::readSafetensors(int index, const ModelFile &file)
{
    step(file.path);
    const qint64 first = file.size > 0 ? std::min(safetensorsFirstRead, file.size) : safetensorsFirstRead;
    m_client->readRange(file, 0, first - 1, [this, index, file](const Result<QByteArray> &bytes) {
        if (!bytes)
            return oneDone(bytes.error());
        const auto length = safetensorsHeaderLength(bytes->left(8));
        if (!length)
            return oneDone(Error { length.error().code, tr("%1: %2").arg(file.path, length.error().message),
                length.error().detail });
        auto parse = [this, index, file](const QByteArray &all) {
            const auto header = parseSafetensorsHeader(all);
            if (!header)
                return oneDone(Error { header.error().code,
                    tr("%1: %2").arg(file.path, header.error().message), header.error().detail });
            m_safetensors[index] = header->parametersByDtype;
            oneDone({});
        };
        if (bytes->size() >= 8 + *length)
            return parse(*bytes);
        m_client->readRange(file, 0, 8 + *length - 1, [parse, this](const Result<QByteArray> &all) {
            if (!all)
                return oneDone(all.error());
            parse(*all);
        });
    });
}

void InspectJob::readGguf(int index, const ModelFile &file, qint64 prefix)
{
    step(file.path);
    m_client->readRange(file, 0, prefix - 1, [this, index, file, prefix](const Result<QByteArray> &bytes) {
        if (!bytes)
            return oneDone(bytes.error());
        const GgufParse parsed = parseGgufHeader(*bytes, file.size);
        if (parsed.state == GgufParse::State::NeedMore) {
            const qint64 more = prefix * 4;
            const bool canGrow
                = bytes->size() == prefix && prefix < ggufMaxRead && (file.size < 0 || prefix < file.size);
            if (canGrow)
                return readGguf(index, file, file.size > 0 ? std::min(more, file.size) : more);
        }
        if (parsed.state != GgufParse::State::Complete)
            return oneDone(Error { ErrorCode::Integrity, tr("%1 is not a readable GGUF file.").arg(file.path),
                parsed.error.isEmpty() ? QStringLiteral("header cut short") : parsed.error });
        m_info.gguf[index] = parsed.info;
        oneDone({});
    });
}

void InspectJob::oneDone(const Status &status)
{
    if (m_failed || isFinished())
        return;
    if (!status.ok()) {
        m_failed = true;
        m_client->cancel();
        return finish(status);
    }
    if (--m_pending > 0)
        return;
    for (const auto &byDtype : std::as_const(m_safetensors)) {
        for (auto it = byDtype.cbegin(); it != byDtype.cend(); ++it)
            m_info.parametersByDtype[it.key()] += it.value();
    }
    finalizeFacts(m_info);
    finish({});
}

} // namespace ezr::hub
