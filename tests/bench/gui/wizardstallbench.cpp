// SPDX-License-Identifier: GPL-3.0-or-later
// How long the GUI event loop is ever blocked while the wizard works: a heartbeat timer fires every
// 5 ms while the wizard (offscreen) looks a model up on the local fixture hub, plans on a catalog
// target, generates the Dockerfile, downloads the model (MODEL_MIB of safetensors, 256 by default),
// stages the context, builds the image on the real Docker daemon with the transformers stand-in as
// the engine and exports the kit to a folder. Prints the longest gap beyond the timer's interval per
// phase and over all (goal: < 50 ms). Run: build/ci/tests/bench/gui/bench_gui_stall [MODEL_MIB]
#include <cstdio>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMap>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "dialogs/dialogs.h"
#include "dockerfixture.h"
#include "enginestandin.h"
#include "fixturehub.h"
#include "mainwindow.h"
#include "pages/buildpage.h"
#include "testenv.h"
#include "wizardcontroller.h"
#include "wizardsetup.h"

using namespace ezr;

namespace {

constexpr int kBeatMs = 5;

// Records the longest gap between heartbeats, per phase.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kBeatMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double gapMs = double(now - m_last) / 1e6 - kBeatMs;
            m_last = now;
            if (gapMs > m_max.value(m_phase))
                m_max.insert(m_phase, gapMs);
            if (gapMs > 50)
                ++m_over50;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void phase(const QString &name)
    {
        m_phase = name;
        m_order.append(name);
    }
    void report() const
    {
        double overall = 0;
        for (const QString &name : m_order) {
            std::printf("  %-10s longest stall %7.1f ms\n", qPrintable(name), m_max.value(name));
            overall = std::max(overall, m_max.value(name));
        }
        std::printf(
            "overall longest stall %.1f ms (goal < 50 ms); stalls over 50 ms: %d\n", overall, m_over50);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QString m_phase;
    QStringList m_order;
    QMap<QString, double> m_max;
    int m_over50 = 0;
};

bool waitFor(QSignalSpy &spy, int ms)
{
    return (spy.count() > 0 || spy.wait(ms)) && spy.last().at(0).toBool();
}

int fail(const char *what)
{
    std::fprintf(stderr, "bench failed: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const qint64 mib = argc > 1 ? QByteArray(argv[1]).toLongLong() : 256;

    test::TempHome home;
    test::FixtureHub hub;
    test::FixtureRepo repo;
    repo.id = QStringLiteral("acme/bench");
    repo.sha = QStringLiteral("8888888888888888888888888888888888888888");
    const QByteArray config = R"({"architectures":["LlamaForCausalLM"],"model_type":"llama",
        "max_position_embeddings":4096,"torch_dtype":"bfloat16","num_attention_heads":4,
        "num_key_value_heads":2,"hidden_size":64,"num_hidden_layers":2,"vocab_size":50})";
    // One BF16 tensor of MODEL_MIB.
    const int64_t elements = mib * 1024 * 1024 / 2;
    repo.files = { { QStringLiteral("config.json"), config, false },
        { QStringLiteral("model.safetensors"),
            test::makeSafetensors(
                { { "model.embed_tokens.weight", "BF16", { elements / 1024, 1024 } } }, R"({"format":"pt"})"),
            true } };
    hub.addRepo(repo);
    QString error;
    const QString standin = test::ensureEngineStandinImage(QStringLiteral("transformers"), &error);
    if (standin.isEmpty())
        return fail(qPrintable(error));
    QTemporaryDir kitDir;
    gui::DialogHooks hooks = gui::DialogHooks::standard();
    hooks.chooseFolder = [&](QWidget *, const QString &, const QString &) { return kitDir.path(); };
    gui::ScopedDialogHooks scoped(hooks);
    const QString tag
        = QStringLiteral("ezr-test/gui-stall-bench-%1:kit").arg(QCoreApplication::applicationPid());

    StallMeter meter;
    int rc = 0;
    {
        gui::MainWindow window;
        test::showWizardOnFixtures(window, hub, home, standin);
        auto *controller = window.findChild<gui::WizardController *>();
        QSignalSpy inspected(controller, &gui::WizardController::inspectFinished);
        QSignalSpy generated(controller, &gui::WizardController::dockerfileFinished);
        QSignalSpy built(controller, &gui::WizardController::buildFinished);
        QSignalSpy listed(controller, &gui::WizardController::destinationsListed);
        QSignalSpy exported(controller, &gui::WizardController::exportFinished);
        QElapsedTimer total;
        total.start();
        meter.start();

        meter.phase(QStringLiteral("inspect"));
        auto *edit = window.findChild<QLineEdit *>(QStringLiteral("modelIdEdit"));
        edit->setText(QStringLiteral("acme/bench"));
        QTest::keyClick(edit, Qt::Key_Return);
        if (!waitFor(inspected, 60000))
            return fail("inspect");

        meter.phase(QStringLiteral("plan"));
        window.goToStep(gui::MainWindow::HardwareStep);
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("catalogCombo"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("cpu")));
        window.findChild<QRadioButton *>(QStringLiteral("targetCatalog"))->click();
        if (!waitFor(generated, 60000))
            return fail("plan and Dockerfile");

        meter.phase(QStringLiteral("download"));
        QObject::connect(
            window.controller(), &gui::WizardController::buildStarted, &meter, [&meter](pack::PackJob *job) {
                QObject::connect(job, &pack::PackJob::phaseChanged, &meter, [&meter](pack::Phase phase) {
                    if (phase == pack::Phase::Stage)
                        meter.phase(QStringLiteral("stage"));
                    else if (phase == pack::Phase::Build)
                        meter.phase(QStringLiteral("build"));
                });
                QObject::connect(
                    job, &Job::finished, &meter, [&meter] { meter.phase(QStringLiteral("after build")); });
            });
        window.goToStep(gui::MainWindow::BuildStep);
        auto *image = window.findChild<QLineEdit *>(QStringLiteral("imageNameEdit"));
        image->clear();
        QTest::keyClicks(image, tag); // typed, as the session hears a user
        QElapsedTimer phase;
        phase.start();
        window.findChild<QAbstractButton *>(QStringLiteral("buildButton"))->click();
        if (!waitFor(built, 30 * 60000))
            rc = fail("download, stage and build");
        const double buildSeconds = phase.elapsed() / 1000.0;

        double exportSeconds = 0;
        if (rc == 0) {
            meter.phase(QStringLiteral("export"));
            listed.wait(60000);
            window.goToStep(gui::MainWindow::ExportStep);
            window.findChild<QAbstractButton *>(QStringLiteral("addFolderButton"))->click();
            phase.restart();
            window.findChild<QAbstractButton *>(QStringLiteral("exportButton"))->click();
            if (!waitFor(exported, 30 * 60000))
                rc = fail("export");
            exportSeconds = phase.elapsed() / 1000.0;
        }
        std::printf("model %lld MiB; download+stage+build %.1f s; export %.1f s; whole run %.1f s\n",
            static_cast<long long>(mib), buildSeconds, exportSeconds, total.elapsed() / 1000.0);
        meter.report();
    }
    test::docker({ QStringLiteral("rmi"), QStringLiteral("-f"), tag }, 120000);
    return rc;
}
