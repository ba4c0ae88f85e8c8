// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/modeloptions.h"

#include <optional>

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include "secrets/secretstore.h"
#include "util/log.h"
#include "util/settings.h"

namespace ezr::cli {
namespace {

const QString kSource = QStringLiteral("source");
const QString kRevision = QStringLiteral("revision");
const QString kHfEndpoint = QStringLiteral("hf-endpoint");
const QString kMsEndpoint = QStringLiteral("modelscope-endpoint");
const QString kCacheDir = QStringLiteral("cache-dir");
const QString kJson = QStringLiteral("json");
const QString kQuiet = QStringLiteral("quiet");

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

QString firstSet(std::initializer_list<QString> values)
{
    for (const QString &v : values) {
        if (!v.trimmed().isEmpty())
            return v.trimmed();
    }
    return {};
}

bool envTrue(const char *name)
{
    const QString v = qEnvironmentVariable(name).trimmed().toLower();
    return v == QLatin1String("1") || v == QLatin1String("true") || v == QLatin1String("yes")
        || v == QLatin1String("on");
}

// The keychain answers asynchronously; the CLI has no GUI to keep alive, so it waits here.
QString keychainToken(hub::SourceKind kind)
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return {};
    secrets::SecretStore store;
    QEventLoop loop;
    std::optional<Result<QString>> answer;
    store.read(tokenKey(kind), &loop, [&](const Result<QString> &r) {
        answer = r;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    if (answer && answer->ok())
        return answer->value();
    if (answer && answer->error().code != ErrorCode::NotFound)
        qCInfo(lcCli) << "keychain:" << answer->error().message;
    return {};
}

} // namespace

QString tokenKey(hub::SourceKind kind)
{
    return kind == hub::SourceKind::ModelScope ? QStringLiteral("token/modelscope")
                                               : QStringLiteral("token/hf");
}

void addModelOptions(QCommandLineParser &parser)
{
    parser.addOption({ kSource,
        tr("Where the model comes from: hf (the default), modelscope, local, or auto (Hugging Face, "
           "then ModelScope). Without --source, a path is local and an id that Hugging Face does "
           "not have is looked up on ModelScope."),
        tr("SOURCE"), QStringLiteral("hf") });
    parser.addOption({ kRevision,
        tr("Branch, tag or commit (default: main on Hugging Face, master on ModelScope)."), tr("REV") });
    parser.addOption({ kHfEndpoint,
        tr("Hugging Face endpoint or mirror (default: $HF_ENDPOINT or https://huggingface.co)."),
        tr("URL") });
    parser.addOption({ kMsEndpoint,
        tr("ModelScope endpoint (default: $MODELSCOPE_ENDPOINT or https://modelscope.cn)."), tr("URL") });
    parser.addOption({ kCacheDir,
        tr("Model cache in the Hugging Face layout (default: $HF_HUB_CACHE, $HF_HOME/hub or "
           "~/.cache/huggingface/hub)."),
        tr("DIR") });
    parser.addOption({ kJson, tr("Print JSON.") });
    parser.addOption({ kQuiet, tr("Print no progress.") });
}

hub::ModelRequest hubAccessFromOptions(const QCommandLineParser &parser)
{
    Settings settings;
    hub::ModelRequest r;
    const auto opt = [&parser](const QString &name) { return parser.value(name); };
    r.hfEndpoint = firstSet({ opt(kHfEndpoint), qEnvironmentVariable("HF_ENDPOINT"), settings.hfEndpoint(),
        QStringLiteral("https://huggingface.co") });
    r.modelScopeEndpoint = firstSet({ opt(kMsEndpoint), qEnvironmentVariable("MODELSCOPE_ENDPOINT"),
        settings.modelScopeEndpoint(), QStringLiteral("https://modelscope.cn") });
    r.cacheDir = firstSet({ opt(kCacheDir), settings.cacheDir() });
    r.trustedMirrors = settings.trustedMirrors();
    r.offline = envTrue("HF_HUB_OFFLINE") || envTrue("TRANSFORMERS_OFFLINE");
    r.hfToken = qEnvironmentVariable("HF_TOKEN").trimmed();
    if (r.hfToken.isEmpty())
        r.hfToken = keychainToken(hub::SourceKind::HuggingFace);
    r.modelScopeToken = qEnvironmentVariable("MODELSCOPE_API_TOKEN").trimmed();
    if (r.modelScopeToken.isEmpty())
        r.modelScopeToken = keychainToken(hub::SourceKind::ModelScope);
    return r;
}

Result<hub::ModelRequest> modelRequestFromOptions(const QCommandLineParser &parser, const QString &model)
{
    if (model.trimmed().isEmpty())
        return Error { ErrorCode::Usage, tr("missing MODEL (an owner/name id or a folder)."), {} };
    const auto source = hub::parseSourceChoice(parser.value(kSource));
    if (!source)
        return source.error();
    hub::ModelRequest r = hubAccessFromOptions(parser);
    r.model = model.trimmed();
    r.source = *source;
    r.revision = parser.value(kRevision).trimmed();
    // DESIGN.md: the default is hf, and a path means local unless --source says otherwise.
    if (!parser.isSet(kSource) && hub::looksLikePath(r.model))
        r.source = hub::SourceChoice::Local;
    else if (!parser.isSet(kSource))
        r.modelScopeWhenNotOnHf = true;
    if (r.offline && r.source != hub::SourceChoice::Local) {
        // HF_HUB_OFFLINE: what is in the cache, never the network.
        r.source = hub::SourceChoice::Local;
    }
    return r;
}

bool jsonRequested(const QCommandLineParser &parser)
{
    return parser.isSet(kJson);
}

bool quietRequested(const QCommandLineParser &parser)
{
    return parser.isSet(kQuiet);
}

} // namespace ezr::cli
