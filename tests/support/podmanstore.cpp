// SPDX-License-Identifier: GPL-3.0-or-later
#include "podmanstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace ezr::test {

PodmanStore::PodmanStore()
{
    const QString driver = qEnvironmentVariable("EZR_TEST_PODMAN_DRIVER", QStringLiteral("overlay"));
    QFile conf(m_dir.filePath(QStringLiteral("storage.conf")));
    if (!m_dir.isValid() || !conf.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write %1").arg(conf.fileName());
        return;
    }
    conf.write(QStringLiteral("[storage]\ndriver = \"%1\"\ngraphroot = \"%2\"\nrunroot = \"%3\"\n")
                   .arg(driver, m_dir.filePath(QStringLiteral("root")), m_dir.filePath(QStringLiteral("run")))
                   .toUtf8());
    conf.close();
    // A PATH without Docker: links to every other program on PATH (iptables for CNI included).
    const QString bin = m_dir.filePath(QStringLiteral("bin"));
    QDir().mkpath(bin);
    for (const QString &dir : qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        const QFileInfoList programs = QDir(dir).entryInfoList(QDir::Files | QDir::Executable);
        for (const QFileInfo &program : programs) {
            if (program.fileName().startsWith(QLatin1String("docker")))
                continue;
            QFile::link(program.absoluteFilePath(), bin + QLatin1Char('/') + program.fileName());
        }
    }
    if (!QFileInfo::exists(bin + QStringLiteral("/podman")))
        m_error = QStringLiteral("podman is not on PATH");
}

PodmanStore::~PodmanStore()
{
    if (!m_error.isEmpty())
        return;
    podman({ QStringLiteral("rm"), QStringLiteral("-a"), QStringLiteral("-f"), QStringLiteral("-t"),
        QStringLiteral("0") });
    podman({ QStringLiteral("rmi"), QStringLiteral("-a"), QStringLiteral("-f") });
}

QString PodmanStore::whyNot()
{
    if (QStandardPaths::findExecutable(QStringLiteral("podman")).isEmpty())
        return QStringLiteral("podman is not installed");
    PodmanStore store;
    if (!store.error().isEmpty())
        return store.error();
    const ProcessResult r = store.podman(
        { QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{.Store.GraphDriverName}}") });
    if (r.exitCode != 0)
        return QString::fromUtf8(r.err).trimmed();
    return {};
}

QStringList PodmanStore::environment() const
{
    return { QStringLiteral("PATH=") + m_dir.filePath(QStringLiteral("bin")), storageConf() };
}

QString PodmanStore::storageConf() const
{
    return QStringLiteral("CONTAINERS_STORAGE_CONF=") + m_dir.filePath(QStringLiteral("storage.conf"));
}

ProcessResult PodmanStore::podman(const QStringList &args, int timeoutMs) const
{
    return runProcess(QStringLiteral("podman"), args, timeoutMs, {}, environment());
}

QStringList PodmanStore::images() const
{
    const ProcessResult r = podman(
        { QStringLiteral("images"), QStringLiteral("--format"), QStringLiteral("{{.Repository}}:{{.Tag}}") });
    return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace ezr::test
