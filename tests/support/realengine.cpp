// SPDX-License-Identifier: GPL-3.0-or-later
#include "realengine.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "dockerfixture.h"

namespace ezr::test {
namespace {

constexpr int kBuildTimeoutMs = 20 * 60000;

bool isMainArchive(const QString &uri, const QString &suites)
{
    return (uri.startsWith(QLatin1String("http://")) || uri.startsWith(QLatin1String("https://")))
        && !uri.contains(QLatin1String("security")) && !suites.contains(QLatin1String("security"))
        && uri.contains(QLatin1String("debian"));
}

QString mirrorInOneLineSources(const QString &text)
{
    // deb [options] URI suite components...
    static const QRegularExpression line(
        QStringLiteral(R"(^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+))"), QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (isMainArchive(m.captured(1), m.captured(2)))
            return m.captured(1);
    }
    return {};
}

QString mirrorInDeb822Sources(const QString &text)
{
    for (const QString &stanza : text.split(QRegularExpression(QStringLiteral(R"(\n\s*\n)")))) {
        QString types;
        QString uris;
        QString suites;
        bool enabled = true;
        for (const QString &raw : stanza.split(QLatin1Char('\n'))) {
            const QString field = raw.section(QLatin1Char(':'), 0, 0).trimmed().toLower();
            const QString value = raw.section(QLatin1Char(':'), 1).trimmed();
            if (field == QLatin1String("types"))
                types = value;
            else if (field == QLatin1String("uris"))
                uris = value;
            else if (field == QLatin1String("suites"))
                suites = value;
            else if (field == QLatin1String("enabled"))
                enabled = value.toLower() != QLatin1String("no");
        }
        if (!enabled || !types.split(QLatin1Char(' ')).contains(QLatin1String("deb")))
            continue;
        for (const QString &uri : uris.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (isMainArchive(uri, suites))
                return uri;
        }
    }
    return {};
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// An exclusive flock held for its lifetime (released by the kernel if the process dies).
class FileLock
{
public:
    explicit FileLock(const QString &path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0666))
    {
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    ~FileLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

private:
    int m_fd;
};

QString firstLineWith(const QByteArray &output, const char *needle)
{
    for (const QByteArray &line : output.split('\n')) {
        if (line.contains(needle))
            return QString::fromUtf8(line).trimmed();
    }
    return QString::fromUtf8(output).trimmed().section(QLatin1Char('\n'), 0, 0);
}

QString makeImage(const QString &reference, const QString &mirror, QString *why)
{
    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/ezr-llamacpp-real-XXXXXX"));
    const QString tar = work.filePath(QStringLiteral("root.tar"));
    QStringList args;
    for (const QString &arg : realLlamaCppRecipe())
        args << QString(arg).replace(QLatin1String("MIRROR"), mirror).replace(QLatin1String("OUTPUT"), tar);
    const ProcessResult strap = runProcess(QStringLiteral("mmdebstrap"), args, kBuildTimeoutMs);
    if (strap.exitCode != 0) {
        *why = QStringLiteral("mmdebstrap failed (exit %1): %2")
                   .arg(strap.exitCode)
                   .arg(QString::fromUtf8(strap.err.right(2000)));
        return {};
    }
    const QString bare = reference + QStringLiteral("-bare");
    const ProcessResult imported = docker({ QStringLiteral("import"), QStringLiteral("-c"),
                                              QStringLiteral(R"(ENTRYPOINT ["/app/llama-server"])"),
                                              QStringLiteral("-c"), QStringLiteral("CMD []"), tar, bare },
        kBuildTimeoutMs);
    if (imported.exitCode != 0) {
        *why = QStringLiteral("docker import failed: ") + QString::fromUtf8(imported.err);
        return {};
    }
    const ProcessResult version
        = docker({ QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"),
                     QStringLiteral("none"), bare, QStringLiteral("--version") },
            120000);
    if (version.exitCode != 0) {
        removeImage(bare);
        *why = QStringLiteral("llama-server --version failed: ")
            + QString::fromUtf8(version.out + version.err);
        return {};
    }
    // forky moves: the label says which llama-server this machine got.
    const QString versionLine = firstLineWith(version.out + version.err, "version:");
    const ProcessResult labelled = docker(
        { QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), reference,
            QStringLiteral("--label"),
            QLatin1String(kLlamaServerVersionLabel) + QLatin1Char('=') + versionLine, QStringLiteral("-") },
        kBuildTimeoutMs, "FROM " + bare.toUtf8() + "\n");
    removeImage(bare);
    if (labelled.exitCode != 0) {
        *why = QStringLiteral("labelling the image failed: ") + QString::fromUtf8(labelled.err);
        return {};
    }
    return reference;
}

QString makeImageHere(const QString &reference, QString *why)
{
    if (QStandardPaths::findExecutable(QStringLiteral("mmdebstrap")).isEmpty()) {
        *why = QStringLiteral("mmdebstrap is not installed (scripts/setup.sh test installs it)");
        return {};
    }
    const QString mirror = debianMirrorFromAptSources();
    if (mirror.isEmpty()) {
        *why = QStringLiteral("no Debian mirror in /etc/apt/sources.list{,.d}; set EZR_TEST_DEBIAN_MIRROR");
        return {};
    }
    return makeImage(reference, mirror, why);
}

} // namespace

QString debianMirrorFromAptSources(const QString &etcApt)
{
    const QString fromEnv = qEnvironmentVariable("EZR_TEST_DEBIAN_MIRROR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString found = mirrorInOneLineSources(readText(etcApt + QStringLiteral("/sources.list")));
    const QDir parts(etcApt + QStringLiteral("/sources.list.d"));
    for (const QString &name : parts.entryList(QDir::Files, QDir::Name)) {
        if (!found.isEmpty())
            break;
        if (name.endsWith(QLatin1String(".list")))
            found = mirrorInOneLineSources(readText(parts.filePath(name)));
        else if (name.endsWith(QLatin1String(".sources")))
            found = mirrorInDeb822Sources(readText(parts.filePath(name)));
    }
    while (found.endsWith(QLatin1Char('/')))
        found.chop(1);
    return found;
}

QStringList realLlamaCppRecipe()
{
    return { QStringLiteral("--mode=root"), QStringLiteral("--variant=essential"),
        QStringLiteral("--include=llama.cpp-tools,curl"),
        // forky's Release file is past its Valid-Until date on a snapshot mirror.
        QStringLiteral(R"(--aptopt=Acquire::Check-Valid-Until "false")"),
        QStringLiteral(R"(--aptopt=Acquire::Languages "none")"),
        QStringLiteral("--dpkgopt=path-exclude=/usr/share/man/*"),
        QStringLiteral("--dpkgopt=path-exclude=/usr/share/doc/*"),
        // Where upstream's ghcr.io/ggml-org/llama.cpp:server keeps it, so the templates fit both.
        QStringLiteral(
            R"(--customize-hook=mkdir -p "$1/app" && ln -s /usr/bin/llama-server "$1/app/llama-server")"),
        QStringLiteral("forky"), QStringLiteral("OUTPUT"),
        QStringLiteral("deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] MIRROR forky main") };
}

QString realLlamaCppImage()
{
    const QByteArray recipe = realLlamaCppRecipe().join(QLatin1Char('\n')).toUtf8();
    return QStringLiteral("ezr-test/llamacpp-real:")
        + QString::fromLatin1(QCryptographicHash::hash(recipe, QCryptographicHash::Sha256).toHex().left(12));
}

QString ensureRealLlamaCppImage(QString *why)
{
    const QString reference = realLlamaCppImage();
    QString reason;
    if (!dockerReachable(&reason)) {
        *why = QStringLiteral("no Docker daemon answers (%1)").arg(reason);
        return {};
    }
    if (imageExists(reference))
        return reference;
    // A fixed path, not $TMPDIR: one image per machine, whatever each test process was given.
    FileLock lock(QStringLiteral("/tmp/ezr-test-llamacpp-real.lock"));
    if (imageExists(reference)) // made by another test process while this one waited
        return reference;
    // One failed attempt per process is enough: the next tests skip with the same reason.
    static QString failure;
    if (!failure.isEmpty()) {
        *why = failure;
        return {};
    }
    const QString made = makeImageHere(reference, why);
    if (made.isEmpty())
        failure = *why;
    return made;
}

} // namespace ezr::test
