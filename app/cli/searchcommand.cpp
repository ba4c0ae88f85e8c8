// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QJsonArray>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "hub/parsers.h"
#include "hub/searchjob.h"
#include "util/format.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

class SearchCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("search"); }
    QString summary() const override { return tr("Find models on Hugging Face or ModelScope"); }
    void setup(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(QStringLiteral("QUERY"), tr("Words in the model id."));
        addModelOptions(parser);
        parser.addOption(
            { QStringLiteral("limit"), tr("How many results (default 20)."), tr("N"), QStringLiteral("20") });
        parser.addOption(
            { QStringLiteral("sort"), tr("downloads (default), likes, trending, created or modified."),
                tr("KEY"), QStringLiteral("downloads") });
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        if (parser.positionalArguments().size() != 1)
            return console.usage(tr("search takes one QUERY."));
        const auto source = hub::parseSourceChoice(parser.value(QStringLiteral("source")));
        if (!source || *source == hub::SourceChoice::Local)
            return console.usage(tr("search works on --source hf or modelscope."));
        bool ok = false;
        hub::SearchOptions options;
        options.query = parser.positionalArguments().first();
        options.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || options.limit < 1 || options.limit > 1000)
            return console.usage(tr("--limit takes a number from 1 to 1000."));
        options.sort = parser.value(QStringLiteral("sort"));
        options.source = *source == hub::SourceChoice::ModelScope ? hub::SourceKind::ModelScope
                                                                  : hub::SourceKind::HuggingFace;
        if (options.source == hub::SourceKind::HuggingFace && !hub::SearchJob::hfSortKey(options.sort))
            return console.usage(hub::SearchJob::hfSortKey(options.sort).error().message);
        console.setQuiet(quietRequested(parser));
        hub::SearchJob job(hubAccessFromOptions(parser), options);
        const Status status = runJob(job, console);
        if (!status.ok())
            return console.fail(status.error());
        if (jsonRequested(parser)) {
            QJsonArray results;
            for (const hub::ModelSummary &s : job.results())
                results.append(hub::modelSummaryToJson(s));
            console.printJson(QJsonDocument(results));
            return 0;
        }
        for (const hub::ModelSummary &s : job.results())
            console.print(
                QStringLiteral("%1  %2  %3")
                    .arg(s.id.leftJustified(50), tr("%1 downloads").arg(s.downloads).leftJustified(18),
                        s.gated ? tr("gated") : QString())
                    .trimmed());
        if (job.results().isEmpty())
            console.info(tr("No model matches '%1'.").arg(options.query));
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeSearchCommand()
{
    return std::make_unique<SearchCommand>();
}

} // namespace ezr::cli
