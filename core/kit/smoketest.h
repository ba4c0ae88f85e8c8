// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "hardware/hardwarereport.h"
#include "hardware/probejob.h"
#include "kit/imagefacts.h"
#include "util/job.h"
#include "util/processrunner.h"

// The offline proof before shipping (`ezrunner test IMAGE`, `pack --smoke-test`, the wizard's
// "Test before export"): the built image is started with --network none (no route in or out), and
// from inside its own network namespace (`docker exec` with the image's curl, wget or python3) it
// must become healthy, list the served id on /v1/models and stream one short chat completion.
namespace ezr::kit {

enum class SmokeOutcome
{
    NotRun, // this computer cannot run the image (a GPU image without that GPU here): not a failure
    Passed,
    Failed,
};

// "passed", "failed", "not-run" (profile and JSON).
QString smokeOutcomeName(SmokeOutcome outcome);
std::optional<SmokeOutcome> smokeOutcomeFromName(const QString &name);

struct SmokeTestReport
{
    SmokeOutcome outcome = SmokeOutcome::NotRun;
    QString reason; // why it failed or did not run, translated; empty when it passed
    QDateTime started; // UTC
    QString image; // as named
    QString imageId; // sha256:...
    QString engine; // io.ezrunner.engine
    QString servedId; // the id asked for on /v1/models and in the chat
    int port = 0; // the engine's port inside the container
    QString container; // ezr-smoke-<random>
    QString networkMode; // as Docker reported it while the container ran ("none")
    QString client; // curl, wget or python3 (inside the image)
    double secondsToHealthy = -1; // -1: not reached
    double ttftMs = -1; // time to the first streamed token, measured from outside docker exec
    double tokensPerSecond = -1; // completion tokens / seconds from the request to the last token
    int completionTokens = -1;
    QString logTail; // the engine's last log lines, on failure
};

// The report as `ezrunner test --json` and `pack --json` print it (figures below 0 left out).
QJsonObject smokeTestJson(const SmokeTestReport &report);

// SMOKE-TEST.txt of a kit: what ran, when, on which image, and the figures (or why not run).
QByteArray smokeTestText(const SmokeTestReport &report);

// --- Pure helpers over what Docker and the engine print (fuzzed: tests/fuzz/smoke_test.cpp) ------

// `docker container inspect NAME` (a JSON array of one object).
struct ContainerState
{
    QString status; // "running", "exited", ...
    bool running = false;
    int exitCode = 0;
    bool oomKilled = false;
    QString health; // "starting", "healthy", "unhealthy"; empty without a HEALTHCHECK
    QString networkMode; // HostConfig.NetworkMode
    QString error; // State.Error
};
Result<ContainerState> parseContainerInspect(const QByteArray &json);

// The image's HEALTHCHECK start period from `docker image inspect` (milliseconds; 0 when none).
qint64 healthStartPeriodMs(const QByteArray &imageInspectJson);

// A client's output ends with "\n<HTTP status>" (curl -w, the python3 client): split it off.
struct HttpAnswer
{
    int status = 0; // 0 when the output has no status line
    QByteArray body;
};
HttpAnswer splitStatusTrailer(const QByteArray &output);

// The ids of an OpenAI /v1/models answer ({"data":[{"id":...}]}).
Result<QStringList> parseModelIds(const QByteArray &json);

// A streamed chat completion (server-sent events: "data: {...}" lines, "data: [DONE]").
struct ChatStream
{
    int events = 0; // data events with a JSON object
    int contentEvents = 0; // events that carried text
    int completionTokens = -1; // usage.completion_tokens when the engine sent it
    QString text; // the text streamed
    QString finishReason;
    QString error; // an error object's message
    bool done = false; // "[DONE]" seen
};
ChatStream parseChatStream(const QByteArray &bytes);
// True when one line of that stream carries text (what time to first token waits for).
bool isContentEvent(const QByteArray &line);

// Why this computer cannot run an image of `accelerator` ("cpu", "cuda", "rocm", ...) built for
// `imageArchitecture` ("amd64", "arm64"), on `gpus` GPUs of `neededMiB` each (0: unknown); empty when it
// can. `hostArchitecture` as QSysInfo::currentCpuArchitecture() says it ("x86_64").
QString whyCannotRunHere(const QString &accelerator, const QString &imageArchitecture,
    const QString &hostArchitecture, const hardware::HardwareReport &here, int gpus, qint64 neededMiB);

// The argv (after `docker exec CONTAINER`) that makes one request with `client` from inside the
// container. The API key never appears in any argv outside the container: it is read from the
// container's own EZRUNNER_API_KEY. curl and python3 print "\n<status>" after the body.
QStringList clientRequestArgs(const QString &client, const QString &url, const QByteArray &body, bool stream,
    bool withKey, int timeoutSeconds);

// Starts the image offline and checks that it serves (see the namespace comment). Succeeds when the
// test ran to a verdict, passed, failed or not run: report() says which. Fails only when the test
// could not be carried out (Docker down, no such image, cancelled). The container is removed however
// it ends (also on cancel and when the job is destroyed).
class SmokeTestJob : public Job
{
    Q_OBJECT

public:
    struct Options
    {
        QString dockerBinary;
        QString image;
        int port = 0; // 0: the image's io.ezrunner.port label (8080 without one)
        QString healthPath; // empty: the image's io.ezrunner.health-path label
        QString servedId; // empty: the image's io.ezrunner.model label
        // Passed to the container through the environment of `docker run` (`-e EZRUNNER_API_KEY`),
        // never on a command line.
        QString apiKey;
        int healthTimeoutMs = 0; // 0: the image's start period plus two minutes, at least five
        int maxTokens = 16;
        qint64 neededGpuMiB = 0; // what one GPU must hold (the plan), 0: unknown
        hardware::ProbeOptions probe; // for a GPU image: is that GPU here?
    };

    static constexpr int kPollMs = 500;
    static constexpr int kRequestTimeoutS = 120;
    static constexpr const char *kContainerPrefix = "ezr-smoke-";

    explicit SmokeTestJob(Options options, QObject *parent = nullptr);
    ~SmokeTestJob() override;

    const SmokeTestReport &report() const { return m_report; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    using Done = std::function<void(const ProcessRunner::Outcome &)>;
    void docker(const QStringList &args, int timeoutMs, Done done, const QProcessEnvironment &env = {});
    void onImageInspected(const ProcessRunner::Outcome &outcome);
    void checkHardware();
    void startContainer();
    void findClient(int index);
    void poll();
    void onState(const ProcessRunner::Outcome &outcome);
    void listModels();
    void chat();
    void onChatDone(const ProcessRunner::Outcome &outcome);
    QStringList execArgs(const QString &path, const QByteArray &body, bool stream) const;
    void step(const QString &what, double fraction);
    // The verdict: failed (with the engine's log tail), passed or not run; then the container goes.
    void conclude(SmokeOutcome outcome, const QString &reason = {});
    void fail(const Error &error); // the test could not be carried out
    void removeContainer(const std::function<void()> &then);
    Error dockerError(const ProcessRunner::Outcome &outcome) const;

    Options m_options;
    SmokeTestReport m_report;
    std::unique_ptr<ProcessRunner> m_process;
    std::unique_ptr<hardware::ProbeJob> m_probe;
    QByteArray m_imageJson;
    QString m_accelerator;
    QString m_imageArchitecture;
    int m_tensorParallel = 1;
    bool m_containerCreated = false;
    QTimer m_pollTimer;
    QElapsedTimer m_sinceStart; // since `docker run` returned
    QElapsedTimer m_sinceRequest; // since the chat request was sent
    qint64 m_healthDeadlineMs = 0;
    qint64 m_firstTokenMs = -1;
    qint64 m_lastTokenMs = -1;
    std::optional<Error> m_pendingError;
};

} // namespace ezr::kit
