// SPDX-License-Identifier: GPL-3.0-or-later
#include <optional>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "cli/packoptions.h"
#include "deploy/manifests.h"
#include "docker/pushoutput.h"
#include "engine/memoryestimator.h"
#include "profile/profile.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

constexpr OptionGroups kGroups = OptionGroup::Plan | OptionGroup::Candidate | OptionGroup::Serving
    | OptionGroup::Image | OptionGroup::Profile;

const QString kOutput = QStringLiteral("output");
const QString kImage = QStringLiteral("image");
const QString kName = QStringLiteral("name");
const QString kRegistry = QStringLiteral("registry");
const QString kMultiNode = QStringLiteral("multi-node");

// Plans like `plan` (nothing is downloaded, Docker is not run) and writes the manifests that serve
// the chosen candidate on a Kubernetes cluster.
class ManifestsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("manifests"); }
    QString summary() const override
    {
        return tr("Write Kubernetes manifests that serve a model (a LeaderWorkerSet across nodes)");
    }
    void setup(QCommandLineParser &parser) override
    {
        addPipelineOptions(parser, kGroups);
        parser.addOptions({
            { { QStringLiteral("o"), kOutput }, tr("The folder to write the manifests to."),
                QStringLiteral("DIR") },
            { kImage,
                tr("The image the cluster pulls (default: the image `ezrunner build` makes, e.g. from the "
                   "site registry)."),
                QStringLiteral("REFERENCE") },
            { kRegistry,
                tr("The site registry the cluster pulls from: the image's name under it, as \"ezrunner "
                   "push\" "
                   "puts it there."),
                QStringLiteral("HOST[:PORT][/PREFIX]") },
            { kName, tr("The workload's name (default: from the model id)."), QStringLiteral("NAME") },
            { kMultiNode,
                tr("Across nodes: lws (a LeaderWorkerSet, the default; the cluster needs the LWS controller) "
                   "or statefulset (core Kubernetes only)."),
                QStringLiteral("lws|statefulset") },
        });
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(quietRequested(parser));
        const QString dir = parser.value(kOutput);
        if (dir.isEmpty())
            return failOptions(console, Error { ErrorCode::Usage, tr("give the folder with -o DIR."), {} });
        std::optional<docker::RegistryTarget> registry;
        if (parser.isSet(kRegistry)) {
            if (parser.isSet(kImage))
                return failOptions(
                    console, Error { ErrorCode::Usage, tr("give --image or --registry, not both."), {} });
            Result<docker::RegistryTarget> parsed = docker::parseRegistry(parser.value(kRegistry));
            if (!parsed)
                return failOptions(console, parsed.error());
            registry = *parsed;
        }
        deploy::MultiNodeKind multiNode = deploy::MultiNodeKind::LeaderWorkerSet;
        if (parser.isSet(kMultiNode)) {
            const QString kind = parser.value(kMultiNode).toLower();
            if (kind == QLatin1String("statefulset"))
                multiNode = deploy::MultiNodeKind::StatefulSet;
            else if (kind != QLatin1String("lws"))
                return failOptions(
                    console, Error { ErrorCode::Usage, tr("--multi-node wants lws or statefulset."), {} });
        }
        Result<pack::PackSession> session = sessionFromOptions(parser, kGroups);
        if (!session)
            return failOptions(console, session.error(), parser.isSet(QStringLiteral("profile")));
        pack::PackJob job(*session, { pack::Phase::Inspect, pack::Phase::Plan });
        const Status status = runJob(job, console);
        console.endProgress();
        if (!status)
            return console.fail(status.error());
        const pack::PackSession &s = job.session();

        deploy::ManifestOptions options;
        options.modelId = s.servedId();
        options.name = parser.value(kName).trimmed();
        options.image = parser.isSet(kImage) ? parser.value(kImage).trimmed() : s.imageReference;
        if (registry) {
            Result<QString> pulled = docker::pushReference(s.imageReference, *registry);
            if (!pulled)
                return console.fail(pulled.error());
            options.image = *pulled;
        }
        options.weightBytes = s.candidate->memory.weights * std::max(1, s.candidate->tensorParallel)
            * std::max(1, s.candidate->pipelineParallel);
        options.apiKeyRequired = s.profile.engine.apiKey;
        options.multiNode = multiNode;
        Result<QList<deploy::ManifestFile>> files = deploy::renderManifests(*s.candidate, options);
        if (!files)
            return console.fail(files.error());

        if (!QDir().mkpath(dir))
            return console.fail(Error {
                ErrorCode::Failure, tr("Cannot make the folder %1. Check its permissions.").arg(dir), {} });
        QJsonArray written;
        for (const deploy::ManifestFile &f : std::as_const(*files)) {
            const QString path = QDir(dir).filePath(f.name);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(f.text) != f.text.size() || !file.commit())
                return console.fail(Error { ErrorCode::Failure,
                    tr("Cannot write %1. Check the folder's permissions and free space.").arg(path),
                    file.errorString() });
            written.append(path);
        }
        const engine::Candidate &c = *s.candidate;
        if (parser.isSet(QStringLiteral("save-profile"))) {
            if (const Status saved = profile::saveProfile(
                    parser.value(QStringLiteral("save-profile")), pack::resolvedProfile(s));
                !saved)
                return console.fail(saved.error());
        }
        if (jsonRequested(parser)) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("model"), s.servedId() },
                { QStringLiteral("candidate"), c.name },
                { QStringLiteral("image"), options.image },
                { QStringLiteral("nodes"), c.nodes() },
                { QStringLiteral("gpus_per_node"), c.gpusPerNode() },
                { QStringLiteral("tensor_parallel"), c.tensorParallel },
                { QStringLiteral("pipeline_parallel"), c.pipelineParallel },
                { QStringLiteral("dir"), QFileInfo(dir).absoluteFilePath() },
                { QStringLiteral("files"), written },
            }));
        } else {
            for (const QJsonValue &path : std::as_const(written))
                console.print(path.toString());
        }
        console.info(c.nodes() > 1
                ? tr("%1 on %2 nodes of %3 GPUs (a LeaderWorkerSet). Apply with: kubectl apply -k %4")
                      .arg(c.name)
                      .arg(c.nodes())
                      .arg(c.gpusPerNode())
                      .arg(dir)
                : tr("%1 on one node. Apply with: kubectl apply -k %2").arg(c.name, dir));
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeManifestsCommand()
{
    return std::make_unique<ManifestsCommand>();
}

} // namespace ezr::cli
