// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonDocument>

#include "cli/command.h"
#include "cli/commands.h"
#include "docker/dockerclient.h"
#include "kit/smoketest.h"

namespace ezr::cli {

QString smokeTestHint()
{
    return QCoreApplication::translate("ezr::cli", "hint: %1")
        .arg(QCoreApplication::translate("ezr::cli",
            "Read the engine's last log lines; check the served id (--served-name), the port (--port) and "
            "whether the image expects an API key (--api-key)."));
}

namespace {

class TestCommand : public Command
{
    // The CLI's translation context, as lupdate sees it.
    Q_DECLARE_TR_FUNCTIONS(ezr::cli)

public:
    QString name() const override { return QStringLiteral("test"); }
    QString summary() const override
    {
        return tr("Offline smoke test of an image: --network none, health, /v1/models, one chat");
    }
    void setup(QCommandLineParser &parser) override
    {
        parser.setApplicationDescription(
            tr("Starts IMAGE with no network at all (docker run --network none, no published port), waits "
               "for the engine's health, then from inside the container (with its curl, wget or python3) "
               "checks that /v1/models lists the served id and streams one short chat completion "
               "(temperature 0). Reports the time to healthy, the time to first token and tokens/s. The "
               "container is removed however the test ends.\n"
               "Exit codes: 0 passed; 1 failed (the image does not serve: the reason and the engine's "
               "last log lines are printed); 10 not run (this computer cannot run the image, e.g. a GPU "
               "image without that GPU); 3 no such image; 6 Docker unavailable; 130 cancelled."));
        parser.addPositionalArgument(QStringLiteral("IMAGE"), tr("The image to test (built by EZ Runner)."));
        parser.addOption({ QStringLiteral("port"),
            tr("The port the engine listens on inside the image (default: the image's io.ezrunner.port "
               "label, else 8080)."),
            QStringLiteral("N") });
        parser.addOption({ QStringLiteral("served-name"),
            tr("The model id the engine must list (default: the image's io.ezrunner.model label)."),
            QStringLiteral("ID") });
        parser.addOption({ QStringLiteral("api-key"),
            tr("Start the engine with the API key in $EZRUNNER_API_KEY (a random one when it is not set) "
               "and send it; the key is passed through the environment, never on a command line.") });
        parser.addOption({ QStringLiteral("timeout"),
            tr("Seconds to wait for the engine to be healthy (default: the image's start period plus two "
               "minutes, at least five)."),
            QStringLiteral("SECONDS") });
        parser.addOption({ QStringLiteral("docker"),
            tr("The docker program (default: $EZRUNNER_DOCKER, else docker on PATH)."),
            QStringLiteral("PATH") });
        parser.addOption({ QStringLiteral("json"), tr("Print the result as JSON.") });
        parser.addOption({ QStringLiteral("quiet"), tr("No progress output.") });
    }

    int run(const QCommandLineParser &parser, Console &console) override
    {
        console.setQuiet(parser.isSet(QStringLiteral("quiet")));
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return console.usage(tr("test needs exactly one IMAGE."));
        kit::SmokeTestJob::Options o;
        o.image = args.first();
        if (parser.isSet(QStringLiteral("port"))) {
            bool ok = false;
            o.port = parser.value(QStringLiteral("port")).toInt(&ok);
            if (!ok || o.port < 1 || o.port > 65535)
                return console.usage(tr("--port wants a whole number from 1 to 65535."));
        }
        if (parser.isSet(QStringLiteral("timeout"))) {
            bool ok = false;
            const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
            if (!ok || seconds < 1 || seconds > 86400)
                return console.usage(tr("--timeout wants a whole number of seconds from 1 to 86400."));
            o.healthTimeoutMs = seconds * 1000;
        }
        o.servedId = parser.value(QStringLiteral("served-name"));
        if (parser.isSet(QStringLiteral("api-key"))) {
            o.apiKey = qEnvironmentVariable("EZRUNNER_API_KEY");
            if (o.apiKey.isEmpty())
                o.apiKey = QStringLiteral("ezr-smoke-%1").arg(QCoreApplication::applicationPid());
        }
        const Result<QString> docker = docker::resolveDockerBinary(parser.value(QStringLiteral("docker")));
        if (!docker)
            return console.fail(docker.error());
        o.dockerBinary = *docker;
        o.probe.dockerBinary = *docker;

        kit::SmokeTestJob job(o);
        const Status status = runJob(job, console);
        console.endProgress();
        if (!status)
            return console.fail(status.error());
        const kit::SmokeTestReport &r = job.report();
        if (parser.isSet(QStringLiteral("json")))
            console.printJson(QJsonDocument(kit::smokeTestJson(r)));
        else
            console.print(QString::fromUtf8(kit::smokeTestText(r)).trimmed());
        switch (r.outcome) {
        case kit::SmokeOutcome::Passed:
            return 0;
        case kit::SmokeOutcome::NotRun:
            console.warning(tr("hint: %1").arg(tr("Run the kit's run.sh on the target to test it there.")));
            return static_cast<int>(ErrorCode::DoesNotFit);
        case kit::SmokeOutcome::Failed:
            break;
        }
        const int code
            = console.fail({ ErrorCode::Failure, tr("The smoke test failed: %1").arg(r.reason), r.logTail });
        console.warning(smokeTestHint());
        return code;
    }
};

} // namespace

std::unique_ptr<Command> makeTestCommand()
{
    return std::make_unique<TestCommand>();
}

} // namespace ezr::cli
