// SPDX-License-Identifier: GPL-3.0-or-later
#include "docker/buildoutput.h"

#include <algorithm>

#include <QRegularExpression>

#include "util/numeric.h"

namespace ezr::docker {
namespace {

bool looksLikeError(QStringView line)
{
    static const QRegularExpression re(
        QStringLiteral("^(COPY failed|ADD failed|Error response from daemon|error:|ERROR:|failed to |The "
                       "command '.*' returned a non-zero code)"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(line).hasMatch();
}

} // namespace

qint64 parseHumanSize(QStringView text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kKMGT]?i?B)\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const double value = m.capturedView(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const bool binary = unit.contains(QLatin1Char('I'));
    const double base = binary ? 1024.0 : 1000.0;
    double factor = 1;
    switch (unit.at(0).toLatin1()) {
    case 'K':
        factor = base;
        break;
    case 'M':
        factor = base * base;
        break;
    case 'G':
        factor = base * base * base;
        break;
    case 'T':
        factor = base * base * base * base;
        break;
    default:
        break;
    }
    return saturatingInt64(value * factor + 0.5);
}

void parseLegacyLine(BuildState &state, QStringView line)
{
    static const QRegularExpression stepRe(QStringLiteral("^Step (\\d+)/(\\d+) : (.*)$"));
    static const QRegularExpression sendRe(
        QStringLiteral("^Sending build context to Docker daemon\\s+(\\S+)"));
    static const QRegularExpression builtRe(QStringLiteral("^Successfully built ([0-9a-f]+)"));
    static const QRegularExpression idRe(QStringLiteral("^ ---> ([0-9a-f]{12,})$"));

    if (const auto m = stepRe.match(line); m.hasMatch()) {
        state.legacyStep = m.capturedView(1).toInt();
        state.stepsTotal = m.capturedView(2).toInt();
        state.stepsDone = std::max(0, state.legacyStep - 1); // "Step 0/4" from a garbled log
        state.currentStep = line.toString();
        return;
    }
    if (const auto m = sendRe.match(line); m.hasMatch()) {
        const qint64 bytes = parseHumanSize(m.capturedView(1));
        if (bytes >= 0)
            state.transferBytes = bytes;
        return;
    }
    if (line.trimmed() == QLatin1String("---> Using cache")) {
        ++state.cachedSteps;
        return;
    }
    if (const auto m = idRe.match(line); m.hasMatch()) {
        state.stepsDone = state.legacyStep;
        return;
    }
    if (const auto m = builtRe.match(line); m.hasMatch()) {
        state.imageId = m.captured(1);
        state.stepsDone = state.stepsTotal > 0 ? state.stepsTotal : state.legacyStep;
        return;
    }
    if (looksLikeError(line) && state.errorLine.isEmpty()) {
        state.errorLine = line.toString();
        state.failedStep = state.currentStep.isEmpty() ? state.errorLine : state.currentStep;
    }
}

void parseBuildKitLine(BuildState &state, QStringView line)
{
    static const QRegularExpression vertexRe(QStringLiteral("^#(\\d+) (.*)$"));
    static const QRegularExpression stepRe(QStringLiteral("^\\[(?:\\S+ )?(\\d+)/(\\d+)\\] (.*)$"));
    static const QRegularExpression transferRe(QStringLiteral("^transferring context: (\\S+)"));
    static const QRegularExpression imageRe(QStringLiteral("^writing image (sha256:[0-9a-f]+)"));

    const auto v = vertexRe.match(line);
    if (!v.hasMatch()) {
        if (looksLikeError(line) && state.errorLine.isEmpty()) {
            state.errorLine = line.toString();
            if (state.failedStep.isEmpty())
                state.failedStep = state.currentStep.isEmpty() ? state.errorLine : state.currentStep;
        }
        return;
    }
    const int vertex = v.capturedView(1).toInt();
    const QStringView rest = v.capturedView(2);
    if (const auto m = stepRe.match(rest); m.hasMatch()) {
        state.stepsTotal = m.capturedView(2).toInt();
        const QString step = QLatin1Char('[') + m.capturedView(1).toString() + QLatin1Char('/')
            + m.capturedView(2).toString() + QStringLiteral("] ") + m.captured(3);
        state.vertexSteps.insert(vertex, step);
        state.currentStep = step;
        return;
    }
    const bool isStep = state.vertexSteps.contains(vertex);
    if (rest == QLatin1String("CACHED") || rest.startsWith(QLatin1String("DONE"))) {
        if (isStep && !state.doneVertices.contains(vertex)) {
            state.doneVertices.insert(vertex);
            ++state.stepsDone;
            if (rest == QLatin1String("CACHED"))
                ++state.cachedSteps;
        }
        return;
    }
    if (rest.startsWith(QLatin1String("ERROR"))) {
        state.errorLine = rest.toString();
        state.failedStep = isStep ? state.vertexSteps.value(vertex) : rest.toString();
        return;
    }
    if (const auto m = transferRe.match(rest); m.hasMatch()) {
        const qint64 bytes = parseHumanSize(m.capturedView(1));
        if (bytes >= 0)
            state.transferBytes = bytes;
        return;
    }
    if (const auto m = imageRe.match(rest); m.hasMatch())
        state.imageId = m.captured(1);
}

void parseBuildLine(Builder builder, BuildState &state, QStringView line)
{
    if (builder == Builder::Legacy)
        parseLegacyLine(state, line);
    else
        parseBuildKitLine(state, line);
}

} // namespace ezr::docker
