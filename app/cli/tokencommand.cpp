// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>
#include <optional>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/modeloptions.h"
#include "net/http.h"
#include "secrets/secretstore.h"

namespace ezr::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ezr::cli", text);
}

// The CLI waits for the keychain and the network here; it has no GUI to keep responsive.
template<typename R, typename Call>
R waitFor(Call call)
{
    QEventLoop loop;
    std::optional<R> result;
    call(&loop, [&](const R &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

QString readStdinToken()
{
    QByteArray data;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0)
        data.append(buffer, static_cast<qsizetype>(n));
    return QString::fromUtf8(data).trimmed();
}

class TokenCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("token"); }
    QString summary() const override
    {
        return tr("Keep a hub token in the system keychain: set, status or clear");
    }
    void setup(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(
            QStringLiteral("ACTION"), tr("set (token read from stdin), status or clear."));
        parser.addPositionalArgument(QStringLiteral("HUB"), tr("hf or modelscope."));
        addModelOptions(parser);
    }
    int run(const QCommandLineParser &parser, Console &console) override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 2)
            return console.usage(tr("usage: ezrunner token set|status|clear hf|modelscope"));
        const QString action = args[0];
        const auto source = hub::parseSourceChoice(args[1]);
        if (!source
            || (*source != hub::SourceChoice::HuggingFace && *source != hub::SourceChoice::ModelScope))
            return console.usage(tr("the hub is hf or modelscope."));
        const hub::SourceKind kind = *source == hub::SourceChoice::ModelScope ? hub::SourceKind::ModelScope
                                                                              : hub::SourceKind::HuggingFace;
        const char *envName = kind == hub::SourceKind::ModelScope ? "MODELSCOPE_API_TOKEN" : "HF_TOKEN";
        secrets::SecretStore store;

        if (action == QLatin1String("set")) {
            const QString token = readStdinToken();
            if (token.isEmpty() || token.contains(QLatin1Char('\n')) || token.contains(QLatin1Char(' ')))
                return console.usage(
                    tr("give the token on stdin, e.g.: printf %s \"$TOKEN\" | ezrunner token set hf"));
            const Status written = waitFor<Status>(
                [&](QObject *ctx, auto done) { store.write(tokenKey(kind), token, ctx, done); });
            if (!written.ok())
                return console.fail(written.error());
            console.print(tr("Token saved in the system keychain."));
            if (!qEnvironmentVariableIsEmpty(envName))
                console.warning(
                    tr("%1 is set and wins over the keychain.").arg(QString::fromLatin1(envName)));
            return 0;
        }
        if (action == QLatin1String("clear")) {
            const Status removed
                = waitFor<Status>([&](QObject *ctx, auto done) { store.remove(tokenKey(kind), ctx, done); });
            if (!removed.ok())
                return console.fail(removed.error());
            console.print(tr("Token removed from the system keychain."));
            if (!qEnvironmentVariableIsEmpty(envName))
                console.warning(tr("%1 is still set in the environment.").arg(QString::fromLatin1(envName)));
            return 0;
        }
        if (action != QLatin1String("status"))
            return console.usage(tr("unknown action '%1': use set, status or clear.").arg(action));

        QString token = qEnvironmentVariable(envName).trimmed();
        QString origin = QString::fromLatin1(envName);
        if (token.isEmpty()) {
            const auto read = waitFor<Result<QString>>(
                [&](QObject *ctx, auto done) { store.read(tokenKey(kind), ctx, done); });
            if (!read.ok() && read.error().code == ErrorCode::NotFound)
                return console.fail(Error { ErrorCode::AuthRequired,
                    tr("No token is set. Add one: printf %s \"$TOKEN\" | ezrunner token set %1").arg(args[1]),
                    {} });
            if (!read.ok())
                return console.fail(read.error());
            token = *read;
            origin = tr("the keychain");
        }
        return validate(parser, console, kind, token, origin);
    }

private:
    static int validate(const QCommandLineParser &parser, Console &console, hub::SourceKind kind,
        const QString &token, const QString &origin)
    {
        const hub::ModelRequest access = hubAccessFromOptions(parser);
        net::Request request;
        QString endpoint;
        if (kind == hub::SourceKind::HuggingFace) {
            endpoint = access.hfEndpoint;
            request.url = QUrl(endpoint + QStringLiteral("/api/whoami-v2"));
            request.credential = { token, net::TokenStyle::Bearer, access.trustedMirrors };
        } else {
            endpoint = access.modelScopeEndpoint;
            request.url = QUrl(endpoint + QStringLiteral("/api/v1/login"));
            request.method = "POST";
            request.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
            request.body = QJsonDocument(
                QJsonObject { { QStringLiteral("AccessToken"),
                    token } }).toJson(QJsonDocument::Compact);
            if (!net::isTokenAllowed(request.url, access.trustedMirrors))
                request.body.clear();
        }
        if (!net::isTokenAllowed(request.url, access.trustedMirrors))
            return console.fail(Error { ErrorCode::AuthRequired,
                tr("A token is set (from %1), but %2 is not an official hub host nor a trusted "
                   "mirror, so it was not sent there to be checked. Mark the mirror trusted in "
                   "the settings to use the token with it.")
                    .arg(origin, QUrl(endpoint).host()),
                {} });
        request.maxRetries = 1;
        const auto reply
            = waitFor<Result<net::Reply>>([&](QObject *ctx, auto done) { net::fetch(request, ctx, done); });
        if (!reply.ok())
            return console.fail(reply.error());
        const QJsonObject body = QJsonDocument::fromJson(reply->body).object();
        if (reply->status == 401 || reply->status == 403
            || (kind == hub::SourceKind::ModelScope && !body.value(QStringLiteral("Success")).toBool()))
            return console.fail(Error { ErrorCode::AuthRequired,
                tr("The token from %1 was refused. Set a valid one: ezrunner token set %2")
                    .arg(origin,
                        kind == hub::SourceKind::ModelScope ? QStringLiteral("modelscope")
                                                            : QStringLiteral("hf")),
                QStringLiteral("HTTP %1").arg(reply->status) });
        if (reply->status != 200)
            return console.fail(net::httpError(reply->status, *reply, tr("the token check")));
        const QString user = kind == hub::SourceKind::HuggingFace
            ? body.value(QStringLiteral("name")).toString()
            : body.value(QStringLiteral("Data")).toObject().value(QStringLiteral("Username")).toString();
        if (jsonRequested(parser)) {
            console.printJson(QJsonDocument(QJsonObject { { QStringLiteral("valid"), true },
                { QStringLiteral("user"), user }, { QStringLiteral("origin"), origin } }));
            return 0;
        }
        console.print(tr("The token from %1 is valid (user %2).").arg(origin, user));
        return 0;
    }
};

} // namespace

std::unique_ptr<Command> makeTokenCommand()
{
    return std::make_unique<TokenCommand>();
}

} // namespace ezr::cli
