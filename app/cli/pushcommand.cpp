// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/hwoptions.h"
#include "docker/dockerclient.h"
#include "docker/pushjob.h"

namespace ezr::cli {
namespace {

class PushCommand : public Command
{
    // The CLI's translation context, as lupdate sees it.
    Q_DECLARE_TR_FUNCTIONS(ezr::cli)

public:
    QString name() const override { return QStringLiteral("push"); }
    QString summary() const override { return tr("Tag an image for a site registry and push it there"); }
    void setup(QCommandLineParser &parser) override
    {
        parser.setApplicationDescription(
            tr("Tags IMAGE as HOST[:PORT][/PREFIX]/NAME:TAG and runs docker push. The login is Docker's own "
               "(docker login HOST); EZ Runner never asks for a registry password.\n"
               "Exit codes: 0 pushed; 2 bad IMAGE or --registry; 3 no such image here; 4 the registry wants "
               "a login or refused it; 5 the registry cannot be reached; 6 Docker unavailable, or a plain "
               "HTTP registry Docker is not told is insecure; 130 cancelled."));
        parser.addPositionalArgument(QStringLiteral("IMAGE"), tr("The image to push (NAME:TAG)."));
        parser.addOption({ QStringLiteral("registry"),
            tr("Where to push: HOST[:PORT][/PREFIX], e.g. registry.lan:5000/models."),
            QStringLiteral("HOST[:PORT][/PREFIX]") });
        addDockerOption(parser);
        parser.addOption({ QStringLiteral("json"), tr("Print the result as JSON.") });
        parser.addOption({ QStringLiteral("quiet"), tr("No progress output.") });
    }

    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(parser.isSet(QStringLiteral("quiet")));
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return console.usage(tr("push needs exactly one IMAGE."));
        if (!parser.isSet(QStringLiteral("registry")))
            return console.usage(tr("push needs --registry HOST[:PORT][/PREFIX]."));
        const Result<docker::RegistryTarget> registry
            = docker::parseRegistry(parser.value(QStringLiteral("registry")));
        if (!registry)
            return console.usage(registry.error().message);
        if (const Result<QString> reference = docker::pushReference(args.first(), *registry); !reference)
            return console.usage(reference.error().message);
        const Result<QString> binary = docker::resolveDockerBinary(dockerFromOptions(parser));
        if (!binary)
            return console.fail(binary.error());

        docker::PushJob job({ *binary, cleanEnvironment(), args.first(), *registry });
        const Status status = runJob(job, console);
        console.endProgress();
        if (!status)
            return console.fail(status.error());
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("image"), args.first() },
                { QStringLiteral("registry"), registry->base() },
                { QStringLiteral("reference"), job.reference() },
                { QStringLiteral("digest"), job.digest() },
                { QStringLiteral("layers"), job.pushState().layersTotal() },
            }));
            return 0;
        }
        console.print(job.digest().isEmpty() ? tr("Pushed %1.").arg(job.reference())
                                             : tr("Pushed %1 (%2).").arg(job.reference(), job.digest()));
        console.print(tr("On other hosts: docker pull %1").arg(job.reference()));
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makePushCommand()
{
    return std::make_unique<PushCommand>();
}

} // namespace ezr::cli
