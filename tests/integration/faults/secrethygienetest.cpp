// SPDX-License-Identifier: GPL-3.0-or-later
// Secret hygiene: `ezrunner pack` of a gated model with a known token (HF_TOKEN, the hub trusted)
// and debug logging on, then a search for the token in everything the run left or handed on: its
// output and logs, HOME (settings, cache, the saved profile), the build context (copied by the
// `--docker` wrapper while the build runs), the environment and arguments of every docker child
// (recorded by the wrapper, which is what /proc/<pid>/environ and cmdline hold), `docker history`
// and `docker inspect` of the image, the image as `docker save` writes it, and the kit.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>

#include "dockerfixture.h"
#include "enginestandin.h"
#include "faultfixture.h"
#include "util/settings.h"

namespace ezr::test {
namespace {

const QByteArray kToken = "hf_ezrSecretHygiene0123456789abcdef";

// Records its arguments and environment (NUL-separated, as /proc has them), copies a build's
// context, then runs docker.
const QByteArray kWrapper = R"(#!/bin/sh
n=$$
printf '%s\0' "$@" > "$EZR_TEST_RECORD/args.$n"
cat /proc/$$/environ > "$EZR_TEST_RECORD/environ.$n"
if [ "$1" = build ]; then
    for a; do context=$a; done
    cp -r "$context" "$EZR_TEST_RECORD/context.$n"
fi
exec "$EZR_TEST_DOCKER" "$@"
)";

class SecretHygiene : public FaultTest
{
};

} // namespace

TEST_F(SecretHygiene, AKnownTokenIsFoundInNoOutputOfAPack)
{
    EZR_REQUIRE_DOCKER();
    QString why;
    const QString standin = ensureEngineStandinImage(QStringLiteral("transformers"), &why);
    ASSERT_FALSE(standin.isEmpty()) << why.toStdString();
    const QString tag = QStringLiteral("ezr-test/secrets-%1:t").arg(QCoreApplication::applicationPid());
    ImageGuard guard { { tag } };
    hub.addStandardRepos();
    hub.setToken(QString::fromLatin1(kToken));
    {
        Settings settings(home.configDir() + QStringLiteral("/ezrunner.ini"));
        settings.setTrustedMirrors({ QStringLiteral("127.0.0.1:%1").arg(hub.server().port()) });
        ASSERT_TRUE(settings.sync());
    }
    const QString record = home.file(QStringLiteral("record"));
    ASSERT_TRUE(QDir().mkpath(record));
    const QString wrapper = writeScript(QStringLiteral("docker-wrapper"), kWrapper);
    ASSERT_FALSE(wrapper.isEmpty());

    const QString kit = home.file(QStringLiteral("kit"));
    const QString profile = home.file(QStringLiteral("gated.ezrunner"));
    const ProcessResult r = ezrunner(
        { QStringLiteral("pack"), QStringLiteral("acme/gated"), QStringLiteral("--to"), kit,
            QStringLiteral("--save-profile"), profile, QStringLiteral("--docker"), wrapper,
            QStringLiteral("--target"), QStringLiteral("cpu"), QStringLiteral("--engine"),
            QStringLiteral("transformers"), QStringLiteral("--engine-image"),
            QStringLiteral("transformers=") + standin, QStringLiteral("--tag"), tag },
        { QStringLiteral("HF_TOKEN=") + QString::fromLatin1(kToken),
            QStringLiteral("QT_LOGGING_RULES=ezr.*.debug=true"), QStringLiteral("EZR_TEST_RECORD=") + record,
            QStringLiteral("EZR_TEST_DOCKER=") + dockerBinary() },
        10 * 60000);
    ASSERT_EQ(r.exitCode, 0) << text(r);

    // The token did its work: the gated files came with it.
    bool sent = false;
    for (const HttpRequest &request : hub.server().requests())
        sent = sent || request.header("authorization") == "Bearer " + kToken.toStdString();
    ASSERT_TRUE(sent);
    ASSERT_FALSE(QDir(record).entryList({ QStringLiteral("context.*") }, QDir::Dirs).isEmpty())
        << "the wrapper saw no build";

    EXPECT_FALSE(r.out.contains(kToken));
    EXPECT_FALSE(r.err.contains(kToken)) << "in the debug log";
    // HOME: settings, the cache and the build folder next to it, the profile, the kit, and what
    // the wrapper recorded of every docker child (arguments, environment, build context).
    QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int searched = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        EXPECT_FALSE(readFile(path).contains(kToken)) << path.toStdString();
        ++searched;
    }
    EXPECT_GT(searched, 10);
    EXPECT_GE(QDir(record).entryList({ QStringLiteral("environ.*") }, QDir::Files).size(), 3);
    EXPECT_TRUE(QFileInfo::exists(kit + QStringLiteral("/SHA256SUMS")));
    EXPECT_TRUE(QFileInfo::exists(profile));

    // The image: its history, its configuration, and all of its bytes.
    for (const QStringList &args :
        { QStringList { QStringLiteral("history"), QStringLiteral("--no-trunc"), tag },
            QStringList { QStringLiteral("inspect"), tag } }) {
        const ProcessResult d = docker(args);
        ASSERT_EQ(d.exitCode, 0) << text(d);
        EXPECT_FALSE(d.out.contains(kToken)) << args.join(QLatin1Char(' ')).toStdString();
    }
    const ProcessResult saved = docker({ QStringLiteral("save"), tag }, 5 * 60000);
    ASSERT_EQ(saved.exitCode, 0);
    EXPECT_GT(saved.out.size(), 1024 * 1024);
    EXPECT_FALSE(saved.out.contains(kToken)) << "in the image's bytes";
}

} // namespace ezr::test
