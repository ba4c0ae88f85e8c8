// SPDX-License-Identifier: GPL-3.0-or-later
// The test environment itself: a real Docker daemon, a base image made locally (no registry),
// an image built from it, run with a published port, and a page fetched through that port.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include "dockerfixture.h"

using namespace ezr::test;

namespace {

QByteArray httpGet(const QUrl &url, int *status)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    delete reply;
    return body;
}

} // namespace

TEST(DockerEnvironment, BuildsRunsAndServesFromALocalBaseImage)
{
    EZR_REQUIRE_DOCKER();
    const QString baseError = ensureBusyboxImage();
    ASSERT_TRUE(baseError.isEmpty()) << baseError.toStdString();

    QTemporaryDir context;
    const QByteArray page = "hello from ezrunner " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    {
        QFile f(context.filePath(QStringLiteral("index.html")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(page);
        QFile d(context.filePath(QStringLiteral("Dockerfile")));
        ASSERT_TRUE(d.open(QIODevice::WriteOnly));
        d.write("FROM " + busyboxImage().toUtf8()
            + "\n"
              "COPY index.html /www/index.html\n"
              "EXPOSE 8080\n"
              "CMD [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]\n");
    }
    const QString tag
        = QStringLiteral("ezr-test/env-%1:latest").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    const ProcessResult build
        = docker({ QStringLiteral("build"), QStringLiteral("-t"), tag, context.path() }, 300000);
    ASSERT_EQ(build.exitCode, 0) << build.out.toStdString() << build.err.toStdString();

    const int port = freeLocalPort();
    const ProcessResult run = docker({ QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--rm"),
        QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:8080").arg(port), tag });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QString container = QString::fromUtf8(run.out).trimmed();

    QByteArray body;
    int status = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000) {
        body = httpGet(QUrl(QStringLiteral("http://127.0.0.1:%1/index.html").arg(port)), &status);
        if (status == 200)
            break;
        QThread::msleep(200);
    }
    docker({ QStringLiteral("rm"), QStringLiteral("-f"), container });
    docker({ QStringLiteral("rmi"), QStringLiteral("-f"), tag });
    EXPECT_EQ(status, 200);
    EXPECT_EQ(body, page);
}
