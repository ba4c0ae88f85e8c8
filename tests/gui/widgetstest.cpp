// SPDX-License-Identifier: GPL-3.0-or-later
// The reusable widgets, one by one: what they show, what they say to screen readers, and how
// they react to the keyboard and the mouse.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

#include "guitest.h"
#include "sampledata.h"
#include "widgets/candidatecard.h"
#include "widgets/destinationtile.h"
#include "widgets/dockerfilehighlighter.h"
#include "widgets/fit.h"
#include "widgets/infocard.h"
#include "widgets/linediff.h"
#include "widgets/logview.h"
#include "widgets/memorybar.h"
#include "widgets/problembanner.h"
#include "widgets/progresspanel.h"
#include "widgets/statussummary.h"

using namespace ezr;
using namespace ezr::gui;
using test::find;

TEST(ProblemBanner, ShowsTheProblemAndRunsItsFix)
{
    QWidget host;
    auto *banner = new ProblemBanner(&host);
    host.show();
    EXPECT_FALSE(banner->isVisible()) << "hidden while there is no problem";
    int fixes = 0;
    banner->showProblem(
        QStringLiteral("Docker is not running."), QStringLiteral("Retry"), [&] { ++fixes; },
        ProblemBanner::Severity::Error);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(find<QLabel>(host, "problemText")->text(), QStringLiteral("Docker is not running."));
    auto *fix = find<QPushButton>(host, "problemFix");
    EXPECT_EQ(fix->text(), QStringLiteral("Retry"));
    QSignalSpy requested(banner, &ProblemBanner::fixRequested);
    QTest::mouseClick(fix, Qt::LeftButton);
    fix->setFocus();
    QTest::keyClick(fix, Qt::Key_Space);
    EXPECT_EQ(fixes, 2);
    EXPECT_EQ(requested.count(), 2);
    EXPECT_EQ(banner->accessibleDescription(), QStringLiteral("Docker is not running."));

    banner->showProblem(QStringLiteral("Just so you know."));
    EXPECT_FALSE(fix->isVisibleTo(banner)) << "no button without a fix";
    banner->clearProblem();
    EXPECT_FALSE(banner->isVisible());
    EXPECT_FALSE(banner->hasProblem());
}

TEST(Fit, LevelsAndColoursAreDistinctAndReadOnBothThemes)
{
    EXPECT_EQ(fit::levelFor(50, 100), fit::Level::Good);
    EXPECT_EQ(fit::levelFor(95, 100), fit::Level::Tight);
    EXPECT_EQ(fit::levelFor(100, 100), fit::Level::Tight);
    EXPECT_EQ(fit::levelFor(101, 100), fit::Level::Bad);
    EXPECT_EQ(fit::levelFor(1, 0), fit::Level::Unknown);
    // Mid-tones: white text on them has enough contrast, and they stand out on white and black.
    for (fit::Level level : { fit::Level::Good, fit::Level::Tight, fit::Level::Bad }) {
        const QColor c = fit::color(level);
        EXPECT_GT(c.lightnessF(), 0.2) << "visible on a dark window";
        EXPECT_LT(c.lightnessF(), 0.5) << "white text stays readable";
    }
    EXPECT_NE(fit::color(fit::Level::Good), fit::color(fit::Level::Bad));
}

TEST(MemoryBar, SaysWhatFitsInWordsAndExactFigures)
{
    MemoryBar bar;
    engine::MemoryBreakdown m;
    m.weights = 15231271864;
    m.kvCache = 1835008000;
    m.overhead = 1800000000;
    m.total = m.weights + m.kvCache + m.overhead;
    m.available = 40000000000;
    bar.setBreakdown(m);
    EXPECT_EQ(bar.level(), fit::Level::Good);
    EXPECT_EQ(
        bar.summary(), QStringLiteral("15.2 GB weights · 1.84 GB KV cache · 1.80 GB overhead of 40.0 GB"));
    EXPECT_EQ(bar.accessibleDescription(), bar.summary());
    EXPECT_TRUE(bar.toolTip().contains(QStringLiteral("15,231,271,864"))) << bar.toolTip().toStdString();
    m.available = 18000000000;
    bar.setBreakdown(m);
    EXPECT_EQ(bar.level(), fit::Level::Bad);
    // It paints (the part over the limit hatched) without trouble at any size.
    bar.resize(300, 24);
    const QImage image = bar.grab().toImage();
    EXPECT_FALSE(image.isNull());
}

TEST(LogView, AppendsWithACapSearchesBothWaysCopiesAndFolds)
{
    LogView log;
    log.setMaximumLines(100);
    log.show();
    for (int i = 0; i < 250; ++i)
        log.appendLine(QStringLiteral("step %1 of 250%2")
                           .arg(i + 1)
                           .arg(i % 50 == 0 ? QStringLiteral(" ERROR") : QString()));
    EXPECT_EQ(log.lineCount(), 100) << "the oldest lines are dropped beyond the cap";
    EXPECT_TRUE(log.text().startsWith(QStringLiteral("step 151 of 250")));

    auto *search = find<QLineEdit>(log, "logSearch");
    QTest::keyClicks(search, QStringLiteral("ERROR"));
    QTest::keyClick(search, Qt::Key_Return);
    EXPECT_EQ(log.selectedText(), QStringLiteral("ERROR"));
    EXPECT_EQ(find<QLabel>(log, "logSearchStatus")->text(), QStringLiteral("Line 1"));
    QTest::mouseClick(find<QToolButton>(log, "logFindNext"), Qt::LeftButton);
    EXPECT_EQ(find<QLabel>(log, "logSearchStatus")->text(), QStringLiteral("Line 51"));
    QTest::mouseClick(find<QToolButton>(log, "logFindPrevious"), Qt::LeftButton);
    EXPECT_EQ(find<QLabel>(log, "logSearchStatus")->text(), QStringLiteral("Line 1"));
    QTest::mouseClick(find<QToolButton>(log, "logFindPrevious"), Qt::LeftButton);
    EXPECT_EQ(find<QLabel>(log, "logSearchStatus")->text(), QStringLiteral("Line 51")) << "wraps around";

    QTest::mouseClick(find<QToolButton>(log, "logCopy"), Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("ERROR")) << "the selection";
    search->clear();
    QTest::keyClicks(search, QStringLiteral("no such text"));
    EXPECT_FALSE(log.findNext());
    EXPECT_EQ(find<QLabel>(log, "logSearchStatus")->text(), QStringLiteral("No match"));

    auto *toggle = find<QToolButton>(log, "logToggle");
    QTest::mouseClick(toggle, Qt::LeftButton);
    EXPECT_TRUE(log.isCollapsed());
    EXPECT_FALSE(find<QPlainTextEdit>(log, "logText")->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    EXPECT_FALSE(log.isCollapsed());
    EXPECT_TRUE(test::unnamedControls(log).isEmpty())
        << test::unnamedControls(log).join(QStringLiteral(", ")).toStdString();
}

TEST(ProgressPanel, ShowsPhasesBarsSpeedAndEtaAndCancels)
{
    ProgressPanel panel;
    panel.setPhases({ QStringLiteral("Download"), QStringLiteral("Stage"), QStringLiteral("Build") });
    panel.show();
    auto *cancel = find<QPushButton>(panel, "cancelButton");
    EXPECT_TRUE(cancel->isVisible()) << "Cancel is always visible";
    EXPECT_FALSE(cancel->isEnabled()) << "but only enabled while running";

    panel.startPhase(0);
    EXPECT_TRUE(cancel->isEnabled());
    Progress p;
    p.done = 3000000000;
    p.total = 15000000000;
    p.rate = 120000000;
    p.etaSeconds = 100;
    p.item = QStringLiteral("model-00001-of-00004.safetensors");
    panel.setProgress(p);
    EXPECT_EQ(find<QProgressBar>(panel, "phaseProgress")->value(), 200);
    EXPECT_EQ(panel.overallPermille(), 67) << "a fifth of the first of three phases";
    EXPECT_EQ(panel.figures(), QStringLiteral("3.00 GB of 15.0 GB · 120 MB/s · 1 min 40 s left"));
    EXPECT_TRUE(find<QLabel>(panel, "progressFigures")->toolTip().contains(QStringLiteral("3,000,000,000")));
    EXPECT_EQ(find<QLabel>(panel, "phase0")->accessibleName(), QStringLiteral("Download: in progress"));

    panel.startPhase(2);
    Progress steps;
    steps.bytes = false;
    steps.done = 3;
    steps.total = 12;
    panel.setProgress(steps);
    EXPECT_EQ(panel.figures(), QStringLiteral("step 3 of 12"));
    EXPECT_EQ(panel.overallPermille(), 750);
    EXPECT_EQ(find<QLabel>(panel, "phase0")->accessibleName(), QStringLiteral("Download: done"));

    QSignalSpy cancelled(&panel, &ProgressPanel::cancelRequested);
    QTest::mouseClick(cancel, Qt::LeftButton);
    EXPECT_EQ(cancelled.count(), 1);
    panel.finish(false);
    EXPECT_EQ(find<QLabel>(panel, "phase2")->accessibleName(), QStringLiteral("Build: stopped"));
    panel.finish(true);
    EXPECT_EQ(panel.overallPermille(), 1000);
    EXPECT_FALSE(cancel->isEnabled());
}

TEST(CandidateCard, NamesTheWayShowsItsMemoryFitAndReasons)
{
    const engine::Plan plan = test::sample::plan();
    CandidateCard good(plan.candidates[0], 1);
    EXPECT_EQ(candidateTitle(plan.candidates[0]), QStringLiteral("vLLM · bf16 · 2 GPUs"));
    EXPECT_EQ(find<QRadioButton>(good, "chooseCandidate")->text(), QStringLiteral("vLLM · bf16 · 2 GPUs"));
    EXPECT_EQ(find<QLabel>(good, "fitBadge")->text(), QStringLiteral("Fits"));
    EXPECT_TRUE(find<QLabel>(good, "reasons")->text().contains(QStringLiteral("Uses both GPUs")));
    EXPECT_EQ(good.memoryBar()->breakdown().weights, plan.candidates[0].memory.weights);
    EXPECT_TRUE(good.chooser()->accessibleDescription().startsWith(
        QStringLiteral("Choice 1: vLLM · bf16 · 2 GPUs. Fits.")));

    CandidateCard bad(plan.candidates[2], 3);
    EXPECT_EQ(candidateTitle(plan.candidates[2]), QStringLiteral("vLLM · bf16 · 1 GPU"));
    EXPECT_EQ(find<QLabel>(bad, "fitBadge")->text(), QStringLiteral("Does not fit"));
    EXPECT_EQ(find<QLabel>(bad, "fitBadge")->property("fitLevel").toInt(), static_cast<int>(fit::Level::Bad));

    engine::Candidate cpu = plan.candidates[0];
    cpu.engineLabel = QStringLiteral("llama.cpp");
    cpu.precision = QStringLiteral("Q4_K_M");
    cpu.accelerator = engine::Accelerator::Cpu;
    EXPECT_EQ(candidateTitle(cpu), QStringLiteral("llama.cpp · Q4_K_M · CPU"));
}

TEST(GpuCard, ShowsNameMemoryAndDriver)
{
    const hardware::HardwareReport report = test::sample::report();
    GpuCard card(report.gpus[1]);
    EXPECT_EQ(card.objectName(), QStringLiteral("gpuCard1"));
    EXPECT_EQ(card.title(), QStringLiteral("GPU 1: NVIDIA RTX A6000"));
    EXPECT_EQ(card.bar()->format(), QStringLiteral("30.5 GiB free of 48.0 GiB"));
    EXPECT_TRUE(card.lines().contains(QStringLiteral("Driver 550.54.15, CUDA up to 12.4")));
    EXPECT_TRUE(card.lines().contains(QStringLiteral("Architecture: Ampere (compute 8.6)")));

    GpuCard catalog(test::sample::catalogReport().gpus[0]);
    EXPECT_EQ(catalog.bar()->format(), QStringLiteral("80.0 GiB in total"))
        << "free memory is unknown for a catalog GPU";
}

TEST(DestinationTile, SaysWhetherTheKitFitsAndHowFat32SplitsIt)
{
    EXPECT_EQ(fat32PartCount(fat32MaxFileBytes), 1);
    EXPECT_EQ(fat32PartCount(fat32MaxFileBytes + 1), 2);
    EXPECT_EQ(fat32PartCount(10'000'000'000), 3);
    const QList<Destination> volumes = test::sample::volumes();
    DestinationTile fat(volumes[1]);
    fat.setKitSize(10'000'000'000);
    EXPECT_TRUE(fat.hasRoom());
    EXPECT_EQ(fat.partCount(), 3);
    EXPECT_EQ(fat.note(), QStringLiteral("FAT32: will split into 3 parts."));
    EXPECT_EQ(find<QLabel>(fat, "destinationSpace")->text(),
        QStringLiteral("61.0 GB free of 64.0 GB · VFAT · Removable drive"));

    DestinationTile small(volumes[2]);
    small.setKitSize(10'000'000'000);
    EXPECT_FALSE(small.hasRoom());
    EXPECT_EQ(small.note(), QStringLiteral("Too small: needs 7.00 GB more."));
    EXPECT_TRUE(small.chooser()->accessibleDescription().contains(small.note()));

    QList<Destination> sorted = volumes;
    sortDestinations(sorted);
    EXPECT_TRUE(sorted[0].removable && sorted[1].removable) << "removable drives first";
    EXPECT_EQ(sorted[2].name, QStringLiteral("Home folder"));
}

TEST(StatusSummary, ShowsDockerGpuRuntimeAndFreeSpace)
{
    StatusSummary summary;
    EXPECT_EQ(summary.text(), QStringLiteral("Docker …"));
    summary.setStatus(environmentStatusFrom(test::sample::report()));
    EXPECT_EQ(summary.text(), QStringLiteral("Docker 24.0.7 ✓ · GPU runtime ✓ · 432 GB free"));
    EXPECT_TRUE(summary.toolTip().contains(QStringLiteral("Docker 24.0.7 is running.")));
    summary.setStatus(environmentStatusFrom(test::sample::report(false)));
    EXPECT_EQ(summary.text(), QStringLiteral("Docker ✗ · 432 GB free"));
    EXPECT_TRUE(summary.details().contains(QStringLiteral("Cannot connect to the Docker daemon")));
    EXPECT_TRUE(summary.accessibleName().startsWith(QStringLiteral("Environment: Docker ✗")));
}

TEST(LineDiff, MarksRemovedAndAddedLines)
{
    struct Case
    {
        const char *before;
        const char *after;
        const char *expected;
    } cases[] = {
        { "a\nb\nc\n", "a\nb\nc\n", "  a\n  b\n  c" },
        { "a\nb\nc\n", "a\nB\nc\n", "  a\n- b\n+ B\n  c" },
        { "a\nc\n", "a\nb\nc\n", "  a\n+ b\n  c" },
        { "a\nb\n", "", "- a\n- b" },
        { "", "x\n", "+ x" },
        { "FROM a\nRUN x\nEXPOSE 80\n", "FROM a\nRUN y\nRUN x\n", "  FROM a\n+ RUN y\n  RUN x\n- EXPOSE 80" },
    };
    for (const Case &c : cases) {
        EXPECT_EQ(unifiedText(lineDiff(QString::fromLatin1(c.before), QString::fromLatin1(c.after))),
            QString::fromLatin1(c.expected))
            << c.before << " -> " << c.after;
    }
}

TEST(DockerfileHighlighter, ColoursInstructionsCommentsStringsVariablesAndContinuations)
{
    QTextDocument document;
    auto *highlighter = new DockerfileHighlighter(&document, QApplication::palette());
    document.setPlainText(QStringLiteral("# a comment\n"
                                         "FROM base AS runtime\n"
                                         "RUN echo \"hello $NAME\" \\\n"
                                         "    && run ${OTHER} # trailing\n"
                                         "ENV A=1\n"));
    highlighter->rehighlight();
    const auto formatAt = [&](int blockNumber, int column) {
        const QTextBlock block = document.findBlockByNumber(blockNumber);
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (column >= range.start && column < range.start + range.length)
                return range.format;
        }
        return QTextCharFormat();
    };
    using Token = DockerfileHighlighter::Token;
    EXPECT_EQ(formatAt(0, 3), highlighter->formatFor(Token::Comment));
    EXPECT_EQ(formatAt(1, 1), highlighter->formatFor(Token::Instruction));
    EXPECT_EQ(formatAt(1, 6), QTextCharFormat()) << "arguments stay plain";
    EXPECT_EQ(formatAt(2, 0), highlighter->formatFor(Token::Instruction));
    EXPECT_EQ(formatAt(2, 10), highlighter->formatFor(Token::String));
    EXPECT_EQ(formatAt(2, 17), highlighter->formatFor(Token::Variable)) << "variables inside double quotes";
    EXPECT_EQ(formatAt(2, 23), highlighter->formatFor(Token::Continuation));
    EXPECT_EQ(formatAt(3, 4), QTextCharFormat()) << "a continued line is not an instruction";
    EXPECT_EQ(formatAt(3, 12), highlighter->formatFor(Token::Variable));
    EXPECT_EQ(formatAt(3, 22), highlighter->formatFor(Token::Comment));
    EXPECT_EQ(formatAt(4, 0), highlighter->formatFor(Token::Instruction)) << "the continuation ended";
    // Colours come from the palette: a dark palette gives other colours.
    QPalette dark;
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    highlighter->setPalette(dark);
    EXPECT_EQ(highlighter->formatFor(Token::Instruction).foreground().color(), QColor(0x8a, 0xb4, 0xf8));
}
