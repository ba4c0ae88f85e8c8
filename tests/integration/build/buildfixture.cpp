// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildfixture.h"

#include <QSignalSpy>
#include <QUuid>

#include "dockerfile/buildcontext.h"
#include "dockerfixture.h"
#include "enginestandin.h"

namespace ezr::test {

BuildScenario::BuildScenario(const QString &engine, docker::Builder builder)
    : m_engine(engine)
    , m_builder(builder)
{
    const bool gguf = engine == QLatin1String("llamacpp");
    const QString id = gguf ? QStringLiteral("ezr-test/Tiny-GGUF") : QStringLiteral("ezr-test/Tiny-Chat");
    const QString sha = QStringLiteral("1111222233334444555566667777888899990000");
    const QList<CacheFile> files = gguf
        ? QList<CacheFile> { { QStringLiteral("tiny-q4_k_m.gguf"), 3 * 1024 * 1024 } }
        : QList<CacheFile> { { QStringLiteral("config.json"), 400 },
              { QStringLiteral("model-00001-of-00002.safetensors"), 2 * 1024 * 1024 },
              { QStringLiteral("model-00002-of-00002.safetensors"), 1024 * 1024 + 3 },
              { QStringLiteral("tokenizer.json"), 5000 } };
    const QString snapshot = writeHfCacheModel(m_dir.filePath(QStringLiteral("hf/hub")), id, sha, files);
    m_model = cacheModelInfo(id, sha, snapshot, files);
    m_candidate = fixtureCandidate(engine, engine::Accelerator::Cpu);
    m_candidate.modelFile = gguf ? QStringLiteral("tiny-q4_k_m.gguf") : QString();
    m_standin = ensureEngineStandinImage(engine, &m_standinError);
    m_options.engineImageOverrides.insert(engine, m_standin);
    m_options.healthIntervalSeconds = 1;
    m_options.healthStartPeriodSeconds = 30;
    m_options.profileName = QStringLiteral("integration");
    m_tag = QStringLiteral("ezr-test/build-%1:%2")
                .arg(engine, QUuid::createUuid().toString(QUuid::Id128).left(12));
}

BuildScenario::~BuildScenario()
{
    docker({ QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("-f"), m_tag }, 60000);
}

bool BuildScenario::ready(QString *why) const
{
    *why = m_standinError;
    return !m_standin.isEmpty();
}

QString BuildScenario::dockerBinary() const
{
    // BuildKit works with the 20.10 client; the 28.x client without buildx only has the legacy builder.
    return m_builder == docker::Builder::BuildKit ? QStringLiteral("/usr/bin/docker") : test::dockerBinary();
}

QString BuildScenario::render() const
{
    const Result<QString> text = dockerfile::renderTemplate(
        dockerfile::loadTemplate(m_engine).valueOr(QString()), m_candidate, m_model, m_options);
    return text.ok() ? *text : QString();
}

QString BuildScenario::stage(const QString &dockerfileText)
{
    const QString context = m_dir.filePath(QStringLiteral("ctx%1").arg(++m_contexts));
    dockerfile::StageContextJob job({ m_model.localPath, dockerfile::selectModelFiles(m_model, m_candidate),
        m_model.sha, dockerfileText.isEmpty() ? render() : dockerfileText, context, false });
    return run(job).ok() ? context : QString();
}

docker::BuildJob::Request BuildScenario::buildRequest(const QString &contextDir) const
{
    docker::BuildJob::Request request;
    request.binary = dockerBinary();
    // The caller's whole environment, a token included: nothing of it may reach the image.
    request.environment = QProcessEnvironment::systemEnvironment();
    request.environment.insert(
        QStringLiteral("HF_TOKEN"), QStringLiteral("hf_ezrTestTokenNeverInImage0123456789"));
    request.contextDir = contextDir;
    request.tag = m_tag;
    request.builder = m_builder;
    return request;
}

Status BuildScenario::run(Job &job, int timeoutMs)
{
    QSignalSpy spy(&job, &Job::finished);
    if (job.state() == Job::State::Idle)
        job.start();
    if (!job.isFinished() && !spy.wait(timeoutMs))
        return Error { ErrorCode::Failure, QStringLiteral("job did not finish in time"), {} };
    return job.status();
}

} // namespace ezr::test
