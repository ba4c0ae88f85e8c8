// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginestandin.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include "dockerfixture.h"
#include "engine/enginecatalog.h"
#include "engineflags.h"

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

// The version a candidate gets: its engine's first image in the built-in catalog.
QString defaultVersion(const QByteArray &table, const QString &engine)
{
    QFile file(QStringLiteral(EZR_TEST_SOURCE_ROOT) + QStringLiteral("/templates/engines.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto catalog = engine::EngineCatalog::fromJson(file.readAll());
    const engine::EngineSpec *spec = catalog ? catalog->engine(engine) : nullptr;
    return spec && !spec->images.isEmpty() ? engineVersionOfImage(table, engine, spec->images.first().image)
                                           : QString();
}

} // namespace

QString ensureEngineStandinImage(const QString &engine, QString *error)
{
    return ensureEngineStandinImage(engine, QString(), error);
}

QString ensureEngineStandinImage(const QString &engine, const QString &requestedVersion, QString *error)
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
    const QByteArray table = engineFlagTable();
    const QString version = requestedVersion.isEmpty() ? defaultVersion(table, engine) : requestedVersion;
    const QByteArray flagSpec = standinFlagSpec(table, engine, version);
    if (flagSpec.isEmpty()) {
        if (error)
            *error
                = QStringLiteral("templates/engine-flags.json has no %1 version '%2'").arg(engine, version);
        return {};
    }
    // TGI's -intel-cpu image has only text-generation-launcher; the others have both programs.
    const bool launcherOnly = engine == QLatin1String("tgi")
        && !checkEngineImage(table, engine, version, QStringLiteral("/tgi-entrypoint.sh"), {}, {}, {})
                .isEmpty();
    QByteArray programs = spec->installAs;
    QByteArray entrypoint = spec->entrypoint;
    if (engine == QLatin1String("tgi")) {
        programs = launcherOnly ? "/usr/local/bin/text-generation-launcher"
                                : "/tgi-entrypoint.sh /usr/local/bin/text-generation-launcher";
        if (launcherOnly)
            entrypoint = R"(["text-generation-launcher"])";
    }
    if (engine == QLatin1String("transformers"))
        programs += " /usr/local/bin/pip";
    const QString fixtures = QStringLiteral(EZR_TEST_FIXTURES_DIR) + QStringLiteral("/standin/");
    const QStringList scripts = { QStringLiteral("engine-standin.sh"), QStringLiteral("curl-standin.sh"),
        QStringLiteral("pip-standin.sh") };
    QByteArray dockerfile = "FROM " + busyboxImage().toUtf8() + "\nLABEL io.ezrunner.test.standin=\""
        + engine.toUtf8() + "\" io.ezrunner.test.standin-version=\"" + version.toUtf8() + "\"\n";
    const QMap<QString, QString> imageEnv = engineImageEnv(table, engine, version);
    for (auto it = imageEnv.begin(); it != imageEnv.end(); ++it)
        dockerfile += "ENV " + it.key().toUtf8() + '=' + it.value().toUtf8() + '\n';
    dockerfile += "COPY engine-flags.spec /etc/engine-standin/spec\n"
                  "COPY engine-standin.sh /usr/local/lib/engine-standin.sh\n"
                  "COPY pip-standin.sh /usr/local/lib/pip-standin.sh\n"
                  "COPY curl-standin.sh /usr/bin/curl\n"
                  "RUN echo '"
        + version.toUtf8()
        + "' >/etc/engine-standin/version && chmod 0755 /usr/local/lib/engine-standin.sh /usr/bin/curl"
          " && mkdir -p /usr/local/bin /app && for p in "
        + programs
        + "; do case $p in */pip) cp /usr/local/lib/pip-standin.sh $p ;;"
          " *) cp /usr/local/lib/engine-standin.sh $p ;; esac; chmod 0755 $p; done && chmod 1777 /tmp\n";
    if (!entrypoint.isEmpty())
        dockerfile += "ENTRYPOINT " + entrypoint + "\n";
    else
        dockerfile += "ENTRYPOINT []\n";
    dockerfile += "CMD []\n";

    // The tag names the content, so a changed stand-in script is never served from an old image.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(dockerfile);
    hash.addData(flagSpec);
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
    QFile specFile(context.filePath(QStringLiteral("engine-flags.spec")));
    if (!specFile.open(QIODevice::WriteOnly) || specFile.write(flagSpec) != flagSpec.size()) {
        if (error)
            *error = QStringLiteral("cannot write the stand-in's flag table");
        return {};
    }
    specFile.close();
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
