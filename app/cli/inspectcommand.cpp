// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "cli/packoptions.h"
#include "hub/inspectjob.h"
#include "hub/parsers.h"
#include "hub/variants.h"
#include "util/format.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

class InspectCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("inspect"); }
    QString summary() const override
    {
        return tr("Show a model's facts (format, parameters, dtype, context, files)");
    }
    void setup(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(QStringLiteral("MODEL"), tr("owner/name on a hub, or a folder."));
        addModelOptions(parser);
        addVariantOption(parser);
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        if (parser.positionalArguments().size() != 1)
            return console.usage(tr("inspect takes one MODEL."));
        const auto request = modelRequestFromOptions(parser, parser.positionalArguments().first());
        if (!request)
            return request.error().code == ErrorCode::Usage ? console.usage(request.error().message)
                                                            : console.fail(request.error());
        console.setQuiet(quietRequested(parser));
        hub::InspectJob job(*request);
        const Status status = runJob(job, console);
        if (!status.ok())
            return console.fail(status.error());
        const Result<hub::ModelInfo> variant
            = hub::withVariant(job.info(), parser.value(QStringLiteral("variant")).trimmed());
        if (!variant)
            return console.fail(variant.error());
        const hub::ModelInfo &info = *variant;
        if (jsonRequested(parser)) {
            console.printJson(QJsonDocument(hub::modelInfoToJson(info)));
            return 0;
        }
        printText(info, console);
        return 0;
    }

private:
    static void printText(const hub::ModelInfo &info, Console &console)
    {
        const auto row = [&console](const QString &label, const QString &value) {
            if (!value.isEmpty())
                console.print(QStringLiteral("%1 %2").arg(label.leftJustified(16), value));
        };
        row(tr("Model:"), info.id);
        row(tr("Source:"),
            hub::sourceName(info.source)
                + (info.endpoint.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(info.endpoint)));
        row(tr("Revision:"),
            info.revision.isEmpty() || info.revision == info.sha
                ? info.sha
                : QStringLiteral("%1 (%2)").arg(info.revision, info.sha));
        row(tr("Format:"), hub::formatName(info.format));
        row(tr("Architecture:"), info.architecture);
        row(tr("Model type:"), info.modelType);
        if (info.parameters > 0)
            row(tr("Parameters:"),
                QStringLiteral("%1 (%2)")
                    .arg(info.parameters)
                    .arg(QString::number(static_cast<double>(info.parameters) / 1e9, 'f', 2)
                        + QStringLiteral("B")));
        row(tr("Dtype:"), info.dtype);
        if (!info.quantization.method.isEmpty())
            row(tr("Quantization:"),
                info.quantization.bits > 0
                    ? tr("%1, %2-bit").arg(info.quantization.method).arg(info.quantization.bits)
                    : info.quantization.method);
        if (info.contextLength > 0)
            row(tr("Context:"), tr("%1 tokens").arg(info.contextLength));
        row(tr("Size:"), format::bytes(info.totalSize));
        row(tr("License:"), info.license);
        if (info.gated)
            row(tr("Gated:"), tr("yes (accept the terms on the model page and add a token)"));
        row(tr("Folder:"), info.localPath);
        console.print(tr("Files (%1):").arg(info.files.size()));
        for (const hub::ModelFile &f : info.files)
            console.print(QStringLiteral("  %1  %2")
                              .arg(format::bytes(std::max<qint64>(0, f.size)).rightJustified(10), f.path));
    }
};

} // namespace

std::unique_ptr<Command> makeInspectCommand()
{
    return std::make_unique<InspectCommand>();
}

} // namespace ezr::cli
