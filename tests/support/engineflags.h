// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ezr::test {

// templates/engine-flags.json: what each engine accepts at each pinned version. Every function
// below is pure over the table's bytes, so the tests and the stand-ins share one reading of it.
QByteArray engineFlagTable();

// The table's version of `engine` that `image` (a full reference, as in engines.json) holds;
// empty when the table does not list the image.
QString engineVersionOfImage(const QByteArray &table, const QString &engine, const QString &image);
// Every version the table has for `engine`, in its order.
QStringList engineVersions(const QByteArray &table, const QString &engine);

// What the real engine at `version` would say on start-up with `args` (the arguments after its
// program, e.g. after `vllm serve`), one refusal per problem in the engine's own style of
// message; empty when it would start. `env` is the environment the Dockerfile sets; the image's
// own (image_env in the table) is merged under it for rules such as TGI's prefill chunking.
QStringList checkEngineArgs(const QByteArray &table, const QString &engine, const QString &version,
    const QStringList &args, const QMap<QString, QString> &env = {});

// Environment variables a Dockerfile sets that nothing in the engine's image reads (EZRUNNER_*
// are the entry point wrapper's and always allowed), and those the version needs that it lacks.
QStringList checkEngineEnv(
    const QByteArray &table, const QString &engine, const QString &version, const QStringList &names);

// The entry point program exists in the image (or is installed by the Dockerfile's pip line), and
// a non-root `user` ("uid[:gid]") either has a passwd entry there or comes with HOME set.
QStringList checkEngineImage(const QByteArray &table, const QString &engine, const QString &version,
    const QString &program, const QString &user, const QMap<QString, QString> &env, const QString &pipLine);

// The stand-in's copy of the table for one version: lines the shell stand-in reads.
//   style argparse|clap|llamacpp      prog <words>       positionals <n>
//   flag <name> <type> <canonical> [choice,choice]
//   rule less <a> <b> <message>
//   rule at_least <a> <b> <a default or -> <ENV=value or -> <message>
//   env <NAME> <value>                 (the image's own environment)
QByteArray standinFlagSpec(const QByteArray &table, const QString &engine, const QString &version);
// The image's own environment at `version` (image_env), e.g. TGI rocm's PREFILL_CHUNKING=0.
QMap<QString, QString> engineImageEnv(const QByteArray &table, const QString &engine, const QString &version);

} // namespace ezr::test
