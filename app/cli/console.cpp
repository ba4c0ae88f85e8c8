// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/console.h"

#include <csignal>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QSocketNotifier>

#include "util/format.h"
#include "util/job.h"

namespace ezr::cli {
namespace {

constexpr qint64 plainIntervalMs = 2000;
constexpr qint64 barIntervalMs = 100;
constexpr int barWidth = 30;

int signalPipe[2] = { -1, -1 };

extern "C" void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(signalPipe[1], &byte, 1);
}

QString progressText(const Progress &p)
{
    QStringList parts;
    parts << p.phase;
    if (!p.item.isEmpty())
        parts << p.item;
    const double f = p.fraction();
    if (f >= 0)
        parts << QStringLiteral("%1%").arg(static_cast<int>(f * 100));
    if (p.bytes) {
        if (p.total > 0)
            parts << QStringLiteral("%1 / %2").arg(format::bytes(p.done), format::bytes(p.total));
        else if (p.done > 0)
            parts << format::bytes(p.done);
        if (p.rate > 0)
            parts << format::rate(p.rate);
    } else if (p.total > 0) {
        parts << QStringLiteral("%1/%2").arg(p.done).arg(p.total);
    }
    if (p.etaSeconds >= 0)
        parts << format::eta(p.etaSeconds);
    if (p.overall >= 0)
        parts << QCoreApplication::translate("ezr::cli::Console", "%1% overall")
                     .arg(static_cast<int>(p.overall * 100));
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

} // namespace

Console::Console(FILE *out, FILE *err)
    : m_out(out)
    , m_err(err)
    , m_errTty(::isatty(fileno(err)) == 1)
{ }

void Console::print(const QString &text)
{
    endProgress();
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_out);
    std::fflush(m_out);
}

void Console::printJson(const QJsonDocument &doc)
{
    endProgress();
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_out);
    std::fflush(m_out);
}

void Console::writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_err);
    std::fflush(m_err);
}

void Console::info(const QString &text)
{
    if (m_quiet)
        return;
    endProgress();
    writeErr(text + QLatin1Char('\n'));
}

void Console::warning(const QString &text)
{
    endProgress();
    writeErr(QCoreApplication::translate("ezr::cli::Console", "warning: %1").arg(text) + QLatin1Char('\n'));
}

QString cliHint(ErrorReason reason)
{
    const auto t = [](const char *text) { return QCoreApplication::translate("ezr::cli::Console", text); };
    switch (reason) {
    case ErrorReason::DockerNotInstalled:
        return t("Give the docker program with --docker PATH or EZRUNNER_DOCKER.");
    case ErrorReason::HubUnreachable:
        return t("Use a mirror with --hf-endpoint URL (or HF_ENDPOINT), ModelScope with --source modelscope, "
                 "or a model folder as MODEL.");
    case ErrorReason::TokenMissing:
    case ErrorReason::TokenRefused:
        return t(
            "Set a token with \"ezrunner token set hf\" or \"ezrunner token set modelscope\" (or HF_TOKEN / "
            "MODELSCOPE_API_TOKEN).");
    case ErrorReason::RevisionNotFound:
        return t("Check --revision.");
    case ErrorReason::NotInCache:
        return t("Download it first with \"ezrunner download MODEL\", or give its folder as MODEL.");
    case ErrorReason::NoMatchingFiles:
        return t("Check --include.");
    case ErrorReason::NoEngineImage:
        return t("Give one with --engine-image ENGINE=IMAGE.");
    case ErrorReason::NeedsSplit:
        return t("Export with --split auto.");
    case ErrorReason::TagRefused:
        return t("Choose another name with --tag.");
    case ErrorReason::NothingFits:
        return t(
            "Run \"ezrunner plan\" to see what would make it fit, or plan for the machine that will serve "
            "with --target GPUSPEC or --target REPORT.json.");
    case ErrorReason::UnknownCandidate:
        return t("Choose one with --candidate NAME.");
    case ErrorReason::UnknownVariant:
        return t("Choose one with --variant QUANT.");
    case ErrorReason::None:
    case ErrorReason::DockerDown:
    case ErrorReason::DockerPermission:
    case ErrorReason::DockerNoAnswer:
    case ErrorReason::Gated:
        break;
    }
    return {};
}

int Console::fail(const Error &error)
{
    endProgress();
    QString text = QCoreApplication::translate("ezr::cli::Console", "error: %1").arg(error.message)
        + QLatin1Char('\n');
    if (const QString hint = cliHint(error.reason); !hint.isEmpty())
        text += QCoreApplication::translate("ezr::cli::Console", "hint: %1").arg(hint) + QLatin1Char('\n');
    if (!error.detail.isEmpty()) {
        const QStringList lines = error.detail.split(QLatin1Char('\n'));
        for (const QString &line : lines)
            text += QStringLiteral("  ") + line + QLatin1Char('\n');
    }
    writeErr(text);
    return error.exitCode() == 0 ? 1 : error.exitCode();
}

int Console::usage(const QString &message)
{
    endProgress();
    writeErr(QStringLiteral("ezrunner: ") + message + QLatin1Char('\n')
        + QCoreApplication::translate("ezr::cli::Console", "Run 'ezrunner --help' for usage.")
        + QLatin1Char('\n'));
    return static_cast<int>(ErrorCode::Usage);
}

void Console::progress(const Progress &p)
{
    if (m_quiet)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_errTty) {
        if (m_lastPlainMs >= 0 && now - m_lastPlainMs < plainIntervalMs && p.fraction() < 1.0)
            return;
        m_lastPlainMs = now;
        writeErr(progressText(p) + QLatin1Char('\n'));
        return;
    }
    if (m_lastBarMs >= 0 && now - m_lastBarMs < barIntervalMs && p.fraction() < 1.0)
        return;
    m_lastBarMs = now;
    // A multi-phase job's bar shows the whole job; its text still shows the phase's own figures.
    const double f = p.overall >= 0 ? p.overall : p.fraction();
    QString bar;
    if (f >= 0) {
        const int filled = static_cast<int>(f * barWidth);
        bar = QStringLiteral("[") + QString(filled, QLatin1Char('#'))
            + QString(barWidth - filled, QLatin1Char('.')) + QStringLiteral("] ");
    }
    writeErr(QStringLiteral("\r\033[K") + bar + progressText(p));
    m_barDrawn = true;
}

void Console::endProgress()
{
    if (m_barDrawn) {
        writeErr(QStringLiteral("\n"));
        m_barDrawn = false;
    }
}

Status runJob(Job &job, Console &console)
{
    QEventLoop loop;
    QObject::connect(
        &job, &Job::progressChanged, &loop, [&console](const Progress &p) { console.progress(p); });
    QObject::connect(&job, &Job::logLine, &loop, [&console](const QString &line) { console.info(line); });
    QObject::connect(&job, &Job::finished, &loop, [&loop] { loop.quit(); });

    // Ctrl+C cancels the job (which cleans up) instead of killing the process mid-write.
    std::unique_ptr<QSocketNotifier> notifier;
    if (signalPipe[0] < 0 && ::pipe(signalPipe) != 0)
        signalPipe[0] = signalPipe[1] = -1;
    struct sigaction oldInt = {}, oldTerm = {};
    if (signalPipe[0] >= 0) {
        notifier = std::make_unique<QSocketNotifier>(signalPipe[0], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&job, &console] {
            char byte;
            [[maybe_unused]] auto n = ::read(signalPipe[0], &byte, 1);
            console.info(QCoreApplication::translate("ezr::cli::Console", "Cancelling…"));
            job.cancel();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &oldInt);
        sigaction(SIGTERM, &action, &oldTerm);
    }

    if (job.state() == Job::State::Idle)
        job.start();
    if (!job.isFinished())
        loop.exec();
    console.endProgress();

    if (signalPipe[0] >= 0) {
        sigaction(SIGINT, &oldInt, nullptr);
        sigaction(SIGTERM, &oldTerm, nullptr);
    }
    return job.status();
}

} // namespace ezr::cli
