// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "hub/downloadjob.h"
#include "hub/parsers.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

class DownloadCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("download"); }
    QString summary() const override { return tr("Download a model into the Hugging Face cache, verified"); }
    void setup(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(
            QStringLiteral("MODEL"), tr("owner/name on Hugging Face or ModelScope."));
        addModelOptions(parser);
        parser.addOption({ QStringLiteral("dir"),
            tr("Also place the files in DIR (hard links to the cache when possible)."), tr("DIR") });
        parser.addOption({ QStringLiteral("include"),
            tr("Only files matching GLOB (repeatable), e.g. '*.safetensors'."), tr("GLOB") });
        const int connections = hub::DownloadOptions {}.connections;
        parser.addOption(
            { QStringLiteral("connections"), tr("Connections at once (default %1).").arg(connections),
                tr("N"), QString::number(connections) });
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        if (parser.positionalArguments().size() != 1)
            return console.usage(tr("download takes one MODEL."));
        const auto request = modelRequestFromOptions(parser, parser.positionalArguments().first());
        if (!request)
            return request.error().code == ErrorCode::Usage ? console.usage(request.error().message)
                                                            : console.fail(request.error());
        hub::DownloadOptions options;
        options.includes = parser.values(QStringLiteral("include"));
        if (parser.isSet(QStringLiteral("dir")))
            options.localDir = QDir(parser.value(QStringLiteral("dir"))).absolutePath();
        bool ok = false;
        options.connections = parser.value(QStringLiteral("connections")).toInt(&ok);
        if (!ok || options.connections < 1 || options.connections > 64)
            return console.usage(tr("--connections takes a number from 1 to 64."));
        console.setQuiet(quietRequested(parser));
        hub::DownloadJob job(*request, options);
        const Status status = runJob(job, console);
        if (!status.ok())
            return console.fail(status.error());
        const QString where = options.localDir.isEmpty() ? job.snapshotDir() : options.localDir;
        if (jsonRequested(parser)) {
            QJsonArray files;
            for (const hub::ModelFile &f : job.info().files)
                files.append(QJsonObject { { QStringLiteral("path"), f.path },
                    { QStringLiteral("size"), f.size }, { QStringLiteral("sha256"), f.sha256 } });
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("source"), hub::sourceName(job.info().source) },
                { QStringLiteral("id"), job.info().id },
                { QStringLiteral("revision"), job.info().revision },
                { QStringLiteral("sha"), job.info().sha },
                { QStringLiteral("path"), where },
                { QStringLiteral("snapshot"), job.snapshotDir() },
                { QStringLiteral("downloaded_bytes"), job.bytesTransferred() },
                { QStringLiteral("reused_bytes"), job.bytesReused() },
                { QStringLiteral("files"), files },
            }));
            return 0;
        }
        console.print(where);
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeDownloadCommand()
{
    return std::make_unique<DownloadCommand>();
}

} // namespace ezr::cli
