// SPDX-License-Identifier: GPL-3.0-or-later
#include "kit/smoketest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSysInfo>

#include "docker/dockerclient.h"
#include "util/log.h"

namespace ezr::kit {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::kit::SmokeTestJob", text);
}

constexpr int kDockerTimeoutMs = 60000;
constexpr int kLogTailLines = 40;

// The clients looked for inside the image, in this order.
const QStringList &clients()
{
    static const QStringList names { QStringLiteral("curl"), QStringLiteral("wget"),
        QStringLiteral("python3") };
    return names;
}

// The python3 client: the same output as curl's (-w "\n%{http_code}"), streamed line by line, the
// key from the container's environment.
const char kPythonClient[] = R"(import os, sys, urllib.request, urllib.error
url, body, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
headers = {'Content-Type': 'application/json'}
key = os.environ.get('EZRUNNER_API_KEY')
if key:
    headers['Authorization'] = 'Bearer ' + key
request = urllib.request.Request(url, data=body.encode() if body else None, headers=headers)
try:
    answer = urllib.request.urlopen(request, timeout=timeout)
except urllib.error.HTTPError as e:
    answer = e
for line in answer:
    sys.stdout.write(line.decode('utf-8', 'replace'))
    sys.stdout.flush()
sys.stdout.write('\n%d' % answer.getcode())
)";

QString hostArchitectureName(const QString &arch)
{
    const QString a = arch.toLower();
    if (a == QLatin1String("x86_64") || a == QLatin1String("amd64"))
        return QStringLiteral("amd64");
    if (a == QLatin1String("arm64") || a == QLatin1String("aarch64"))
        return QStringLiteral("arm64");
    return a;
}

QString lastLines(const QByteArray &text, int count)
{
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.mid(qMax<qsizetype>(0, lines.size() - count)).join(QLatin1Char('\n'));
}

} // namespace

QString smokeOutcomeName(SmokeOutcome outcome)
{
    switch (outcome) {
    case SmokeOutcome::Passed:
        return QStringLiteral("passed");
    case SmokeOutcome::Failed:
        return QStringLiteral("failed");
    case SmokeOutcome::NotRun:
        break;
    }
    return QStringLiteral("not-run");
}

std::optional<SmokeOutcome> smokeOutcomeFromName(const QString &name)
{
    for (SmokeOutcome o : { SmokeOutcome::Passed, SmokeOutcome::Failed, SmokeOutcome::NotRun }) {
        if (smokeOutcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

QJsonObject smokeTestJson(const SmokeTestReport &r)
{
    QJsonObject o {
        { QStringLiteral("result"), smokeOutcomeName(r.outcome) },
        { QStringLiteral("reason"), r.reason },
        { QStringLiteral("when"), r.started.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("image"), r.image },
        { QStringLiteral("image_id"), r.imageId },
        { QStringLiteral("engine"), r.engine },
        { QStringLiteral("model"), r.servedId },
        { QStringLiteral("port"), r.port },
        { QStringLiteral("container"), r.container },
        { QStringLiteral("network"), r.networkMode },
        { QStringLiteral("client"), r.client },
    };
    for (const auto &[key, figure] : { std::pair { "seconds_to_healthy", r.secondsToHealthy },
             std::pair { "ttft_ms", r.ttftMs }, std::pair { "tokens_per_second", r.tokensPerSecond },
             std::pair { "completion_tokens", double(r.completionTokens) } }) {
        if (figure >= 0)
            o.insert(QLatin1String(key), figure);
    }
    if (!r.logTail.isEmpty())
        o.insert(QStringLiteral("log_tail"), r.logTail);
    return o;
}

QByteArray smokeTestText(const SmokeTestReport &r)
{
    QStringList lines;
    lines << tr("EZ Runner smoke test (offline proof before shipping)") << QString();
    switch (r.outcome) {
    case SmokeOutcome::Passed:
        lines << tr("Result: passed");
        break;
    case SmokeOutcome::Failed:
        lines << tr("Result: FAILED: %1").arg(r.reason);
        break;
    case SmokeOutcome::NotRun:
        lines << tr("Result: not run: %1").arg(r.reason);
        break;
    }
    lines << tr("When: %1").arg(r.started.toUTC().toString(Qt::ISODate));
    lines << tr("Image: %1 (%2)").arg(r.image, r.imageId);
    if (!r.engine.isEmpty())
        lines << tr("Engine: %1").arg(r.engine);
    if (!r.servedId.isEmpty())
        lines << tr("Model id: %1").arg(r.servedId);
    if (r.outcome != SmokeOutcome::NotRun) {
        lines << tr("What ran: docker run --network none (no route in or out, no published port), then "
                    "from inside the container with %1: the health check on port %2, GET /v1/models, "
                    "and one streamed chat completion (temperature 0).")
                     .arg(r.client.isEmpty() ? tr("no client") : r.client)
                     .arg(r.port);
        lines << tr("Network of the container: %1")
                     .arg(r.networkMode.isEmpty() ? tr("unknown") : r.networkMode);
    }
    if (r.secondsToHealthy >= 0)
        lines << tr("Healthy after: %1 s").arg(r.secondsToHealthy, 0, 'f', 1);
    if (r.ttftMs >= 0)
        lines << tr("Time to first token: %1 ms").arg(r.ttftMs, 0, 'f', 0);
    if (r.completionTokens >= 0)
        lines << tr("Completion tokens: %1").arg(r.completionTokens);
    if (r.tokensPerSecond >= 0)
        lines << tr("Tokens per second: %1").arg(r.tokensPerSecond, 0, 'f', 1);
    if (!r.logTail.isEmpty())
        lines << QString() << tr("Engine log (last lines):") << r.logTail;
    return (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

Result<ContainerState> parseContainerInspect(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonValue first = doc.isArray() ? doc.array().first() : QJsonValue(doc.object());
    const QJsonObject o = first.toObject();
    const QJsonObject state = o.value(QStringLiteral("State")).toObject();
    if (state.isEmpty())
        return Error { ErrorCode::Failure,
            tr("Docker described the container in a form EZ Runner does not understand."),
            QString::fromUtf8(json.left(400)) };
    ContainerState s;
    s.status = state.value(QStringLiteral("Status")).toString();
    s.running = state.value(QStringLiteral("Running")).toBool();
    s.exitCode = state.value(QStringLiteral("ExitCode")).toInt();
    s.oomKilled = state.value(QStringLiteral("OOMKilled")).toBool();
    s.error = state.value(QStringLiteral("Error")).toString();
    s.health = state.value(QStringLiteral("Health")).toObject().value(QStringLiteral("Status")).toString();
    s.networkMode
        = o.value(QStringLiteral("HostConfig")).toObject().value(QStringLiteral("NetworkMode")).toString();
    return s;
}

qint64 healthStartPeriodMs(const QByteArray &imageInspectJson)
{
    const QJsonDocument doc = QJsonDocument::fromJson(imageInspectJson);
    const QJsonObject o = doc.isArray() ? doc.array().first().toObject() : doc.object();
    const double ns = o.value(QStringLiteral("Config"))
                          .toObject()
                          .value(QStringLiteral("Healthcheck"))
                          .toObject()
                          .value(QStringLiteral("StartPeriod"))
                          .toDouble(0);
    // Docker keeps nanoseconds; a day is more than any engine needs.
    return ns > 0 ? qint64(qMin(ns / 1e6, 86400e3)) : 0;
}

HttpAnswer splitStatusTrailer(const QByteArray &output)
{
    HttpAnswer answer;
    const qsizetype split = output.lastIndexOf('\n');
    bool ok = false;
    const int status = (split < 0 ? output : output.mid(split + 1)).trimmed().toInt(&ok);
    if (!ok || status < 100 || status > 599) {
        answer.body = output;
        return answer;
    }
    answer.status = status;
    answer.body = split < 0 ? QByteArray() : output.left(split);
    return answer;
}

Result<QStringList> parseModelIds(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonValue data = doc.object().value(QStringLiteral("data"));
    if (!data.isArray())
        return Error { ErrorCode::Failure, tr("/v1/models did not answer with a list of models."),
            QString::fromUtf8(json.left(400)) };
    QStringList ids;
    for (const QJsonValue &m : data.toArray()) {
        const QString id = m.toObject().value(QStringLiteral("id")).toString();
        if (!id.isEmpty())
            ids << id;
    }
    return ids;
}

namespace {

// The JSON object of one "data: {...}" line; empty for anything else.
QJsonObject eventObject(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    if (!t.startsWith("data:"))
        return {};
    return QJsonDocument::fromJson(t.mid(5).trimmed()).object();
}

QString eventText(const QJsonObject &event)
{
    QString text;
    for (const QJsonValue &c : event.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject choice = c.toObject();
        text += choice.value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString();
        text += choice.value(QStringLiteral("text")).toString();
    }
    return text;
}

} // namespace

ChatStream parseChatStream(const QByteArray &bytes)
{
    ChatStream s;
    for (const QByteArray &line : bytes.split('\n')) {
        const QByteArray t = line.trimmed();
        if (t == "data: [DONE]" || t == "data:[DONE]") {
            s.done = true;
            continue;
        }
        QJsonObject event = eventObject(t);
        // An error may come as plain JSON (an HTTP error) or as an event.
        if (event.isEmpty() && t.startsWith('{'))
            event = QJsonDocument::fromJson(t).object();
        if (event.isEmpty())
            continue;
        if (const QJsonValue error = event.value(QStringLiteral("error")); !error.isUndefined()) {
            s.error = error.isObject() ? error.toObject().value(QStringLiteral("message")).toString()
                                       : error.toVariant().toString();
            if (s.error.isEmpty())
                s.error = QString::fromUtf8(t.left(200));
            continue;
        }
        ++s.events;
        const QString text = eventText(event);
        if (!text.isEmpty()) {
            ++s.contentEvents;
            s.text += text;
        }
        for (const QJsonValue &c : event.value(QStringLiteral("choices")).toArray()) {
            const QString reason = c.toObject().value(QStringLiteral("finish_reason")).toString();
            if (!reason.isEmpty())
                s.finishReason = reason;
        }
        const QJsonValue tokens
            = event.value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens"));
        if (tokens.isDouble() && tokens.toDouble() >= 0 && tokens.toDouble() < 1e9)
            s.completionTokens = int(tokens.toDouble());
    }
    return s;
}

bool isContentEvent(const QByteArray &line)
{
    return !eventText(eventObject(line)).isEmpty();
}

QString whyCannotRunHere(const QString &accelerator, const QString &imageArchitecture,
    const QString &hostArchitecture, const hardware::HardwareReport &here, int gpus, qint64 neededMiB)
{
    const QString host = hostArchitectureName(hostArchitecture);
    const QString image = hostArchitectureName(imageArchitecture);
    if (!image.isEmpty() && !host.isEmpty() && image != host)
        return tr("The image is built for %1 and this computer is %2.").arg(image, host);
    const QString accel = accelerator.toLower();
    if (accel.isEmpty() || accel == QLatin1String("cpu"))
        return {};
    hardware::GpuVendor vendor = hardware::GpuVendor::Unknown;
    QString vendorText;
    if (accel == QLatin1String("cuda")) {
        vendor = hardware::GpuVendor::Nvidia;
        vendorText = QStringLiteral("NVIDIA");
    } else if (accel == QLatin1String("rocm")) {
        vendor = hardware::GpuVendor::Amd;
        vendorText = QStringLiteral("AMD");
    } else {
        return tr("EZ Runner cannot test %1 images on this computer.").arg(accelerator);
    }
    QList<hardware::Gpu> found;
    for (const hardware::Gpu &gpu : here.gpus) {
        if (gpu.vendor == vendor)
            found << gpu;
    }
    if (found.isEmpty())
        return tr("The image needs an %1 GPU and this computer has none: test it on the target with run.sh.")
            .arg(vendorText);
    if (found.size() < qMax(1, gpus))
        return tr("The image needs %1 GPUs and this computer has %2.").arg(gpus).arg(found.size());
    if (vendor == hardware::GpuVendor::Nvidia && !here.docker.gpuRuntime)
        return tr("Docker on this computer has no NVIDIA runtime (install the NVIDIA Container Toolkit).");
    if (neededMiB > 0) {
        for (const hardware::Gpu &gpu : found) {
            if (gpu.memoryTotalMiB > 0 && gpu.memoryTotalMiB < neededMiB)
                return tr("The image needs %1 MiB on each GPU and this computer's %2 has %3 MiB.")
                    .arg(neededMiB)
                    .arg(gpu.name)
                    .arg(gpu.memoryTotalMiB);
        }
    }
    return {};
}

QStringList clientRequestArgs(const QString &client, const QString &url, const QByteArray &body, bool stream,
    bool withKey, int timeoutSeconds)
{
    const QString timeout = QString::number(timeoutSeconds);
    const QString payload = QString::fromUtf8(body);
    if (client == QLatin1String("python3"))
        return { QStringLiteral("python3"), QStringLiteral("-u"), QStringLiteral("-c"),
            QString::fromLatin1(kPythonClient), url, payload, timeout };
    if (client == QLatin1String("wget")) {
        QStringList args { QStringLiteral("-q"), QStringLiteral("-T"), timeout, QStringLiteral("-O"),
            QStringLiteral("-") };
        if (!body.isEmpty())
            args << QStringLiteral("--header=Content-Type: application/json")
                 << QStringLiteral("--post-data=") + payload;
        args << url;
        if (!withKey)
            return QStringList { QStringLiteral("wget") } + args;
        // wget reads headers only from its arguments: the key is in wget's argv inside the container.
        return QStringList { QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("exec wget --header=\"Authorization: Bearer $EZRUNNER_API_KEY\" \"$@\""),
            QStringLiteral("sh") }
        + args;
    }
    QStringList args { QStringLiteral("-sS"), QStringLiteral("--max-time"), timeout, QStringLiteral("-o"),
        QStringLiteral("-"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}") };
    if (stream)
        args << QStringLiteral("-N");
    if (!body.isEmpty())
        args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
             << QStringLiteral("--data-binary") << payload;
    args << url;
    if (!withKey)
        return QStringList { QStringLiteral("curl") } + args;
    // The header through stdin (-H @-): printf is the shell's own, so the key is in no argv at all.
    return QStringList { QStringLiteral("sh"), QStringLiteral("-c"),
        QStringLiteral("printf 'Authorization: Bearer %s\\n' \"$EZRUNNER_API_KEY\" | exec curl -H @- \"$@\""),
        QStringLiteral("sh") }
    + args;
}

SmokeTestJob::SmokeTestJob(Options options, QObject *parent)
    : Job(parent)
    , m_options(std::move(options))
{
    m_pollTimer.setSingleShot(true);
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &SmokeTestJob::poll);
    m_report.image = m_options.image;
    m_report.container = QLatin1String(kContainerPrefix)
        + QString::number(QRandomGenerator::global()->generate64(), 16).left(12);
}

SmokeTestJob::~SmokeTestJob()
{
    if (!m_containerCreated)
        return;
    // Destroyed while its container lives: a runner of its own removes it and then itself.
    auto *rm = new ProcessRunner(m_options.dockerBinary, cleanEnvironment(), QCoreApplication::instance());
    connect(rm, &ProcessRunner::done, rm, &QObject::deleteLater);
    rm->start({ QStringLiteral("rm"), QStringLiteral("-f"), m_report.container }, kDockerTimeoutMs);
}

void SmokeTestJob::docker(const QStringList &args, int timeoutMs, Done done, const QProcessEnvironment &env)
{
    if (m_process)
        m_process.release()->deleteLater(); // it may be emitting done() right now
    m_process
        = std::make_unique<ProcessRunner>(m_options.dockerBinary, env.isEmpty() ? cleanEnvironment() : env);
    connect(m_process.get(), &ProcessRunner::done, this, [this, done](const ProcessRunner::Outcome &outcome) {
        if (isFinished())
            return;
        if (isCancelRequested() && !m_pendingError) {
            fail(Error::cancelled());
            return;
        }
        done(outcome);
    });
    m_process->start(args, timeoutMs);
}

Error SmokeTestJob::dockerError(const ProcessRunner::Outcome &outcome) const
{
    if (outcome.failedToStart || outcome.timedOut)
        return docker::classifyDaemonFailure(
            m_options.dockerBinary, outcome.err, outcome.timedOut, outcome.failedToStart);
    return classifyDockerFailure(outcome.err, m_options.image, ErrorCode::DockerUnavailable);
}

void SmokeTestJob::step(const QString &what, double fraction)
{
    Progress p;
    p.phase = tr("Testing the image offline");
    p.item = what;
    p.bytes = false;
    p.done = qint64(fraction * 100);
    p.total = 100;
    reportProgress(p);
    log(what);
}

void SmokeTestJob::doStart()
{
    m_report.started = QDateTime::currentDateTimeUtc();
    if (m_options.dockerBinary.isEmpty()) {
        const Result<QString> binary = docker::resolveDockerBinary();
        if (!binary) {
            finish(binary.error());
            return;
        }
        m_options.dockerBinary = *binary;
    }
    step(tr("Reading the image %1").arg(m_options.image), 0);
    docker({ QStringLiteral("image"), QStringLiteral("inspect"), m_options.image }, kDockerTimeoutMs,
        [this](const ProcessRunner::Outcome &o) { onImageInspected(o); });
}

void SmokeTestJob::onImageInspected(const ProcessRunner::Outcome &outcome)
{
    if (!outcome.succeeded()) {
        fail(dockerError(outcome));
        return;
    }
    Result<ImageFacts> facts = parseImageInspect(outcome.out, m_options.image);
    if (!facts) {
        fail(facts.error());
        return;
    }
    m_imageJson = outcome.out;
    m_report.imageId = facts->id;
    m_report.engine = facts->engine();
    m_report.port = m_options.port > 0 ? m_options.port : facts->port();
    m_report.servedId = m_options.servedId.isEmpty() ? facts->model() : m_options.servedId;
    if (m_options.healthPath.isEmpty())
        m_options.healthPath = facts->healthPath();
    m_accelerator = facts->accelerator();
    m_imageArchitecture = facts->architecture;
    m_tensorParallel = facts->tensorParallel();
    if (m_options.healthTimeoutMs <= 0)
        m_options.healthTimeoutMs
            = int(qMax<qint64>(5 * 60000, healthStartPeriodMs(outcome.out) + 2 * 60000));
    checkHardware();
}

void SmokeTestJob::checkHardware()
{
    const auto decide = [this](const hardware::HardwareReport &here) {
        const QString why = whyCannotRunHere(m_accelerator, m_imageArchitecture,
            QSysInfo::currentCpuArchitecture(), here, m_tensorParallel, m_options.neededGpuMiB);
        if (!why.isEmpty()) {
            conclude(SmokeOutcome::NotRun, why);
            return;
        }
        startContainer();
    };
    if (m_accelerator == QLatin1String("cpu")) {
        decide({});
        return;
    }
    step(tr("Checking this computer's GPUs"), 0.05);
    hardware::ProbeOptions probe = m_options.probe;
    probe.dockerBinary = m_options.dockerBinary;
    m_probe = std::make_unique<hardware::ProbeJob>(probe);
    connect(m_probe.get(), &Job::finished, this, [this, decide](const Status &status) {
        if (isCancelRequested()) {
            fail(Error::cancelled());
            return;
        }
        if (!status) {
            fail(status.error());
            return;
        }
        decide(m_probe->report());
    });
    m_probe->start();
}

void SmokeTestJob::startContainer()
{
    step(tr("Starting the image without a network"), 0.1);
    QStringList args { QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
        QStringLiteral("none"), QStringLiteral("--name"), m_report.container, QStringLiteral("--label"),
        QStringLiteral("io.ezrunner.smoke-test=1") };
    if (m_accelerator == QLatin1String("cuda"))
        args << QStringLiteral("--gpus") << QStringLiteral("all");
    else if (m_accelerator == QLatin1String("rocm"))
        args << QStringLiteral("--device") << QStringLiteral("/dev/kfd") << QStringLiteral("--device")
             << QStringLiteral("/dev/dri") << QStringLiteral("--group-add") << QStringLiteral("video");
    if (m_tensorParallel > 1)
        args << QStringLiteral("--ipc=host");
    QProcessEnvironment env = cleanEnvironment();
    env.remove(QStringLiteral("EZRUNNER_API_KEY"));
    if (!m_options.apiKey.isEmpty()) {
        // `-e NAME` without a value: docker takes it from its own environment, not from argv.
        env.insert(QStringLiteral("EZRUNNER_API_KEY"), m_options.apiKey);
        args << QStringLiteral("-e") << QStringLiteral("EZRUNNER_API_KEY");
    }
    args << m_options.image;
    m_containerCreated = true; // a failed run may still leave a created container behind
    docker(
        args, kDockerTimeoutMs,
        [this](const ProcessRunner::Outcome &o) {
            if (!o.succeeded()) {
                const QString text = QString::fromUtf8(o.err).trimmed();
                if (o.failedToStart || o.timedOut || text.contains(QLatin1String("daemon")))
                    fail(dockerError(o));
                else
                    conclude(SmokeOutcome::Failed, tr("Docker could not start the image: %1").arg(text));
                return;
            }
            m_sinceStart.start();
            step(tr("Looking for curl, wget or python3 in the image"), 0.15);
            findClient(0);
        },
        env);
}

void SmokeTestJob::findClient(int index)
{
    if (index >= clients().size()) {
        conclude(SmokeOutcome::Failed,
            tr("The image has none of curl, wget or python3, so EZ Runner cannot reach the engine inside it "
               "without a network. Add curl to the image (its health check needs it too)."));
        return;
    }
    docker({ QStringLiteral("exec"), m_report.container, clients().at(index), QStringLiteral("--version") },
        kDockerTimeoutMs, [this, index](const ProcessRunner::Outcome &o) {
            if (o.succeeded()) {
                m_report.client = clients().at(index);
                m_healthDeadlineMs = m_options.healthTimeoutMs;
                step(tr("Waiting for the engine to be healthy"), 0.2);
                poll();
                return;
            }
            // A container that stopped has no clients to find: say why it stopped instead.
            if (QString::fromUtf8(o.err).contains(QLatin1String("is not running"))) {
                poll();
                return;
            }
            findClient(index + 1);
        });
}

QStringList SmokeTestJob::execArgs(const QString &path, const QByteArray &body, bool stream) const
{
    const QString url = QStringLiteral("http://127.0.0.1:%1%2").arg(m_report.port).arg(path);
    return QStringList { QStringLiteral("exec"), m_report.container }
    + clientRequestArgs(m_report.client, url, body, stream, !m_options.apiKey.isEmpty(), kRequestTimeoutS);
}

void SmokeTestJob::poll()
{
    docker({ QStringLiteral("container"), QStringLiteral("inspect"), m_report.container }, kDockerTimeoutMs,
        [this](const ProcessRunner::Outcome &o) { onState(o); });
}

void SmokeTestJob::onState(const ProcessRunner::Outcome &outcome)
{
    if (!outcome.succeeded()) {
        fail(dockerError(outcome));
        return;
    }
    const Result<ContainerState> state = parseContainerInspect(outcome.out);
    if (!state) {
        fail(state.error());
        return;
    }
    m_report.networkMode = state->networkMode;
    if (state->networkMode != QLatin1String("none")) {
        conclude(SmokeOutcome::Failed,
            tr("The container is on the network \"%1\", not on none.").arg(state->networkMode));
        return;
    }
    if (!state->running) {
        conclude(SmokeOutcome::Failed,
            state->oomKilled ? tr("The engine ran out of memory at start and was stopped.")
                             : tr("The engine stopped at start (exit code %1).").arg(state->exitCode));
        return;
    }
    if (state->health == QLatin1String("unhealthy")) {
        conclude(SmokeOutcome::Failed, tr("The image's health check says the engine is unhealthy."));
        return;
    }
    if (m_report.client.isEmpty()) {
        findClient(0);
        return;
    }
    if (m_sinceStart.elapsed() > m_healthDeadlineMs) {
        conclude(SmokeOutcome::Failed,
            tr("The engine was not healthy after %1 s.").arg(m_healthDeadlineMs / 1000));
        return;
    }
    // The engine's own health path, probed from inside (no key needed, as the HEALTHCHECK does).
    const QString url = QStringLiteral("http://127.0.0.1:%1%2").arg(m_report.port).arg(m_options.healthPath);
    docker(QStringList { QStringLiteral("exec"), m_report.container }
            + clientRequestArgs(m_report.client, url, {}, false, false, 10),
        kDockerTimeoutMs, [this](const ProcessRunner::Outcome &o) {
            const HttpAnswer answer = splitStatusTrailer(o.out);
            const bool healthy
                = o.succeeded() && (answer.status == 200 || (m_report.client == QLatin1String("wget")));
            if (!healthy) {
                m_pollTimer.start();
                return;
            }
            m_report.secondsToHealthy = double(m_sinceStart.elapsed()) / 1000.0;
            listModels();
        });
}

void SmokeTestJob::listModels()
{
    step(tr("Asking /v1/models for %1").arg(m_report.servedId), 0.6);
    docker(execArgs(QStringLiteral("/v1/models"), {}, false), (kRequestTimeoutS + 30) * 1000,
        [this](const ProcessRunner::Outcome &o) {
            HttpAnswer answer = splitStatusTrailer(o.out);
            if (m_report.client == QLatin1String("wget"))
                answer.status = o.succeeded() ? 200 : 0;
            if (answer.status != 200) {
                conclude(SmokeOutcome::Failed,
                    answer.status == 401
                        ? tr("/v1/models refused the request (401): the image expects an API key.")
                        : tr("/v1/models answered %1.").arg(answer.status));
                return;
            }
            const Result<QStringList> ids = parseModelIds(answer.body);
            if (!ids) {
                conclude(SmokeOutcome::Failed, ids.error().message);
                return;
            }
            if (!m_report.servedId.isEmpty() && !ids->contains(m_report.servedId)) {
                conclude(SmokeOutcome::Failed,
                    tr("The engine serves %1, not %2: clients asking for %2 would be refused.")
                        .arg(ids->isEmpty() ? tr("no model") : ids->join(QStringLiteral(", ")),
                            m_report.servedId));
                return;
            }
            if (m_report.servedId.isEmpty() && !ids->isEmpty())
                m_report.servedId = ids->first();
            chat();
        });
}

void SmokeTestJob::chat()
{
    step(tr("Asking for a short chat completion"), 0.8);
    const QByteArray body = QJsonDocument(
        QJsonObject {
            { QStringLiteral("model"), m_report.servedId },
            { QStringLiteral("messages"),
                QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                    { QStringLiteral("content"), QStringLiteral("Say hello.") } } } },
            { QStringLiteral("temperature"), 0 },
            { QStringLiteral("max_tokens"), m_options.maxTokens },
            { QStringLiteral("stream"), true },
            { QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } } },
        })
                                .toJson(QJsonDocument::Compact);
    m_firstTokenMs = m_lastTokenMs = -1;
    docker(execArgs(QStringLiteral("/v1/chat/completions"), body, true), (kRequestTimeoutS + 30) * 1000,
        [this](const ProcessRunner::Outcome &o) { onChatDone(o); });
    connect(m_process.get(), &ProcessRunner::lineRead, this, [this](const QString &line, bool fromStderr) {
        if (fromStderr || !isContentEvent(line.toUtf8()))
            return;
        m_lastTokenMs = m_sinceRequest.elapsed();
        if (m_firstTokenMs < 0)
            m_firstTokenMs = m_lastTokenMs;
    });
    m_sinceRequest.start();
}

void SmokeTestJob::onChatDone(const ProcessRunner::Outcome &outcome)
{
    HttpAnswer answer = splitStatusTrailer(outcome.out);
    if (m_report.client == QLatin1String("wget"))
        answer.status = outcome.succeeded() ? 200 : 0;
    const ChatStream stream = parseChatStream(answer.body);
    if (answer.status != 200 || !stream.error.isEmpty() || stream.contentEvents == 0) {
        const QString why = !stream.error.isEmpty() ? stream.error
            : answer.status != 200                  ? tr("status %1").arg(answer.status)
                                                    : tr("no text was streamed");
        conclude(SmokeOutcome::Failed, tr("The chat completion failed: %1.").arg(why));
        return;
    }
    m_report.completionTokens = stream.completionTokens >= 0 ? stream.completionTokens : stream.contentEvents;
    if (m_firstTokenMs < 0) // the text came in one piece: all of it at the end
        m_firstTokenMs = m_lastTokenMs = m_sinceRequest.elapsed();
    m_report.ttftMs = double(qMax<qint64>(0, m_firstTokenMs));
    const double seconds = double(qMax<qint64>(1, m_lastTokenMs)) / 1000.0;
    m_report.tokensPerSecond = m_report.completionTokens / seconds;
    conclude(SmokeOutcome::Passed);
}

void SmokeTestJob::conclude(SmokeOutcome outcome, const QString &reason)
{
    m_report.outcome = outcome;
    m_report.reason = reason;
    qCInfo(lcKit) << "smoke test of" << m_options.image << smokeOutcomeName(outcome) << reason;
    if (outcome == SmokeOutcome::Passed)
        log(tr("Passed: healthy after %1 s, first token after %2 ms, %3 tokens/s.")
                .arg(m_report.secondsToHealthy, 0, 'f', 1)
                .arg(m_report.ttftMs, 0, 'f', 0)
                .arg(m_report.tokensPerSecond, 0, 'f', 1));
    else
        log(reason);
    if (outcome != SmokeOutcome::Failed || !m_containerCreated) {
        removeContainer([this] { finish({}); });
        return;
    }
    docker({ QStringLiteral("logs"), QStringLiteral("--tail"), QString::number(kLogTailLines),
               m_report.container },
        kDockerTimeoutMs, [this](const ProcessRunner::Outcome &o) {
            m_report.logTail = lastLines(o.out + o.err, kLogTailLines);
            removeContainer([this] { finish({}); });
        });
}

void SmokeTestJob::fail(const Error &error)
{
    if (m_pendingError)
        return;
    m_pendingError = error;
    m_pollTimer.stop();
    removeContainer([this] { finish(*m_pendingError); });
}

void SmokeTestJob::removeContainer(const std::function<void()> &then)
{
    m_pollTimer.stop();
    if (!m_containerCreated) {
        then();
        return;
    }
    if (m_process)
        m_process.release()->deleteLater();
    m_process = std::make_unique<ProcessRunner>(m_options.dockerBinary, cleanEnvironment());
    connect(m_process.get(), &ProcessRunner::done, this, [this, then](const ProcessRunner::Outcome &) {
        m_containerCreated = false;
        if (!isFinished())
            then();
    });
    m_process->start({ QStringLiteral("rm"), QStringLiteral("-f"), m_report.container }, kDockerTimeoutMs);
}

void SmokeTestJob::doCancel()
{
    if (m_pendingError)
        return; // already removing the container
    if (m_probe && m_probe->isRunning()) {
        m_probe->cancel(); // its finished() stops the test
        return;
    }
    if (m_process && m_process->isRunning()) {
        m_process->stop(); // its done() stops the test
        return;
    }
    fail(Error::cancelled());
}

} // namespace ezr::kit
