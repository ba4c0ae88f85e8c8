// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginestandin.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include "dockerfixture.h"

namespace ezr::test {
namespace {

struct StandinSpec
{
    const char *engine;
    const char *installAs; // where the real image has its entry point program
    const char *entrypoint; // JSON array, or empty for none
};

constexpr StandinSpec specs[] = {
    { "vllm", "/usr/local/bin/vllm", R"(["vllm", "serve"])" },
    { "sglang", "/usr/bin/python3", "" },
    { "tgi", "/tgi-entrypoint.sh", R"(["/tgi-entrypoint.sh"])" },
    { "llamacpp", "/app/llama-server", R"(["/app/llama-server"])" },
    { "transformers", "/usr/local/bin/transformers", R"(["transformers", "serve"])" },
};

} // namespace

QString ensureEngineStandinImage(const QString &engine, QString *error)
{
    const StandinSpec *spec = nullptr;
    for (const auto &s : specs) {
        if (engine == QLatin1String(s.engine))
            spec = &s;
    }
    if (!spec) {
        if (error)
            *error = QStringLiteral("no stand-in for engine '%1'").arg(engine);
        return {};
    }
    const QString fixtures = QStringLiteral(EZR_TEST_FIXTURES_DIR) + QStringLiteral("/standin/");
    const QStringList scripts = { QStringLiteral("engine-standin.sh"), QStringLiteral("curl-standin.sh") };
    QByteArray dockerfile = "FROM " + busyboxImage().toUtf8()
        + "\n"
          "LABEL io.ezrunner.test.standin=\""
        + engine.toUtf8()
        + "\"\n"
          "COPY engine-standin.sh "
        + QByteArray(spec->installAs)
        + "\n"
          "COPY curl-standin.sh /usr/bin/curl\n"
          "RUN chmod 0755 "
        + QByteArray(spec->installAs) + " /usr/bin/curl && chmod 1777 /tmp\n";
    if (*spec->entrypoint)
        dockerfile += "ENTRYPOINT " + QByteArray(spec->entrypoint) + "\n";
    else
        dockerfile += "ENTRYPOINT []\n";
    dockerfile += "CMD []\n";

    // The tag names the content, so a changed stand-in script is never served from an old image.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(dockerfile);
    for (const QString &script : scripts) {
        QFile f(fixtures + script);
        if (f.open(QIODevice::ReadOnly))
            hash.addData(f.readAll());
    }
    const QString reference = QStringLiteral("ezr-test/%1-standin:%2")
                                  .arg(engine, QString::fromLatin1(hash.result().toHex().left(12)));
    if (docker({ QStringLiteral("image"), QStringLiteral("inspect"), reference }, 30000).exitCode == 0)
        return reference;
    const QString baseError = ensureBusyboxImage();
    if (!baseError.isEmpty()) {
        if (error)
            *error = baseError;
        return {};
    }
    QTemporaryDir context;
    for (const QString &script : scripts)
        QFile::copy(fixtures + script, context.filePath(script));
    QFile file(context.filePath(QStringLiteral("Dockerfile")));
    if (!file.open(QIODevice::WriteOnly) || file.write(dockerfile) != dockerfile.size()) {
        if (error)
            *error = QStringLiteral("cannot write the stand-in Dockerfile");
        return {};
    }
    file.close();
    const ProcessResult build = docker(
        { QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), reference, context.path() },
        300000);
    if (build.exitCode != 0) {
        if (error)
            *error = QStringLiteral("building %1 failed: %2").arg(reference, QString::fromUtf8(build.err));
        return {};
    }
    return reference;
}

} // namespace ezr::test
