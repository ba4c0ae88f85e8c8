// SPDX-License-Identifier: GPL-3.0-or-later
// Changing the language in Settings changes every text of the running window at once: the main
// window with every page filled with sample data, and an open Settings dialog, are read in English,
// switched to Chinese through the Settings dialog (as a user does), read again, and switched back.
#include <gtest/gtest.h>

#include <algorithm>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextDocumentFragment>

#include "dialogs/settingsdialog.h"
#include "guitest.h"
#include "i18n.h"
#include "mainwindow.h"
#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"
#include "sampledata.h"
#include "testenv.h"
#include "widgets/logview.h"
#include "wizardcontroller.h"

using namespace ezr;
using test::find;
namespace sample = ezr::test::sample;

namespace {

// One user-visible text: where it is (widget path, property) and what it says.
struct Text
{
    QString where;
    QString text;
};

// Shown as data by sample::fillMainWindow().
const QString progressItem = QStringLiteral("model-00004-of-00004.safetensors");
const QString imageName = QStringLiteral("ezrunner/qwen2.5-7b-instruct:vllm-bf16-tp2");

const QStringList catalogGpus = { QStringLiteral("a100-80gb"), QStringLiteral("NVIDIA A100 80GB"),
    QStringLiteral("h100-80gb"), QStringLiteral("NVIDIA H100 80GB") };

// The main window halfway through a real run (as the screenshots), with more problems and
// options shown.
void fillWithSampleData(gui::MainWindow &window, sample::ManualJob &build)
{
    sample::fillMainWindow(window, build);
    // As the controller words it, in its context, rendered again on a language change.
    const QString target = sample::plan().target;
    window.modelPage()->setTargetFit(true, std::function<QString()>([target] {
        return QCoreApplication::translate("ezr::gui::WizardController", "Fits %1").arg(target);
    }));
    window.hardwarePage()->setReport(sample::report(false));
    window.enginePage()->setOptionsExpanded(true);
    window.exportPage()->chooseDestination(QStringLiteral("/media/user/SMALL"));
}

// Words that come in as data (model ids, GPU names, the planner's reasons, file names): they
// are shown as they are in every language.
QSet<QString> dataWords(const QStringList &more = {})
{
    QStringList data = more;
    data << QStringList { progressItem, imageName, sample::dockerfile() };
    data << catalogGpus;
    // Dates are written by the locale, which a change of language does not change.
    for (const hub::ModelSummary &m : sample::searchResults())
        data << m.id << m.pipelineTag << QLocale().toString(m.lastModified.date(), QLocale::ShortFormat);
    const hub::ModelInfo info = sample::ggufModelInfo();
    data << info.id << info.license << info.architecture << info.quantization.method << info.sha;
    for (const hub::ModelFile &file : info.files)
        data << file.path;
    const hardware::HardwareReport report = sample::report(false);
    data << report.label << report.cpu.model << report.cpu.flags << report.docker.version
         << report.docker.problem << report.unknowns;
    for (const hardware::Gpu &gpu : report.gpus)
        data << gpu.name << gpu.architecture << gpu.driverVersion << gpu.cudaVersion;
    const engine::Plan plan = sample::plan();
    data << plan.target;
    for (const engine::Candidate &c : plan.candidates)
        data << c.name << c.engine << c.engineLabel << c.precision << c.image << c.reasons;
    for (const gui::Destination &d : sample::volumes())
        data << d.name << d.path << d.fileSystem.toUpper();
    const gui::ExportResult result = sample::exportResult();
    data << result.folder << result.runCommand;
    for (const gui::ExportResult::File &file : result.files)
        data << file.name << file.sha256;
    QSet<QString> words;
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    for (const QString &text : std::as_const(data)) {
        for (auto it = word.globalMatch(text); it.hasNext();)
            words.insert(it.next().captured());
    }
    return words;
}

// Names and symbols that stay the same in Chinese; kept short on purpose.
const QSet<QString> &allowedWords()
{
    static const QSet<QString> words = {
        QStringLiteral("Docker"), // product names: "Docker 24.0.7 ✓" reads the same in Chinese
        QStringLiteral("Hugging"), QStringLiteral("Face"), QStringLiteral("ModelScope"), // the hubs' names
        QStringLiteral("Dockerfile"), // the file's name; the Chinese step is called "Dockerfile" too
        QStringLiteral("main"), // the revision field's hint is the default branch's name
        QStringLiteral("GiB"), QStringLiteral("MiB"), // unit symbols (format::bytesIec)
        QStringLiteral("SHA"), // "SHA-256", the checksum column, is an algorithm's name
        QStringLiteral("English"), // the Settings language list names each language in its own words
    };
    return words;
}

bool hasCjk(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

// The English words of `text` that are neither data nor allowed; paths and web addresses
// (anything with a slash) are data too.
QStringList wordsToTranslate(const QString &text, const QSet<QString> &data)
{
    QStringList left;
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    for (const QString &token : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        if (token.contains(QLatin1Char('/')))
            continue;
        for (auto it = word.globalMatch(token); it.hasNext();) {
            const QString w = it.next().captured();
            if (!data.contains(w) && !allowedWords().contains(w))
                left.append(w);
        }
    }
    return left;
}

QString plain(const QString &text)
{
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

QString pathOf(const QObject *object, const QObject *root)
{
    QStringList parts;
    for (const QObject *o = object; o && o != root->parent(); o = o->parent())
        parts.prepend(
            o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : o->objectName());
    return parts.join(QLatin1Char('/'));
}

void addText(QList<Text> &texts, const QString &where, const QString &text)
{
    if (!text.trimmed().isEmpty())
        texts.append({ where, plain(text) });
}

void addMenu(QList<Text> &texts, const QString &where, const QList<QAction *> &actions)
{
    for (const QAction *action : actions) {
        if (action->isSeparator())
            continue;
        addText(texts, where + QStringLiteral(" action ") + action->objectName(), action->text());
        if (action->menu())
            addMenu(texts, where + QLatin1Char('/') + action->text(), action->menu()->actions());
    }
}

// Every text a user sees or hears of the widgets shown under `root`.
QList<Text> textsOf(QWidget &root, const QString &prefix)
{
    QList<Text> texts;
    QList<QWidget *> widgets = root.findChildren<QWidget *>();
    widgets.prepend(&root);
    for (QWidget *w : std::as_const(widgets)) {
        if (w != &root && !w->isVisibleTo(&root))
            continue;
        const QString where = prefix + pathOf(w, &root);
        if (w->isWindow())
            addText(texts, where + QStringLiteral(" windowTitle"), w->windowTitle());
        addText(texts, where + QStringLiteral(" accessibleName"), w->accessibleName());
        addText(texts, where + QStringLiteral(" accessibleDescription"), w->accessibleDescription());
        addText(texts, where + QStringLiteral(" toolTip"), w->toolTip());
        if (auto *label = qobject_cast<QLabel *>(w))
            addText(texts, where + QStringLiteral(" text"), label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            addText(texts, where + QStringLiteral(" text"), button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            addText(texts, where + QStringLiteral(" placeholderText"), edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            addText(texts, where + QStringLiteral(" placeholderText"), edit->placeholderText());
        if (auto *box = qobject_cast<QGroupBox *>(w))
            addText(texts, where + QStringLiteral(" title"), box->title());
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                addText(texts, where + QStringLiteral(" item %1").arg(i), combo->itemText(i));
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                addText(texts, where + QStringLiteral(" tab %1").arg(i), tabs->tabText(i));
        }
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w)) {
            for (const char *property : { "prefix", "suffix", "specialValueText" })
                addText(texts, where + QLatin1Char(' ') + QString::fromLatin1(property),
                    spin->property(property).toString());
        }
        if (auto *bar = qobject_cast<QProgressBar *>(w))
            addText(texts, where + QStringLiteral(" format"), bar->format());
        if (auto *view = qobject_cast<QAbstractItemView *>(w);
            view && view->model() && !qobject_cast<QHeaderView *>(w)) {
            const QAbstractItemModel *model = view->model();
            for (int column = 0; column < model->columnCount(); ++column)
                addText(texts, where + QStringLiteral(" header %1").arg(column),
                    model->headerData(column, Qt::Horizontal).toString());
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex index = model->index(row, column);
                    const QString cell = where + QStringLiteral(" cell %1,%2").arg(row).arg(column);
                    addText(texts, cell, index.data().toString());
                    addText(texts, cell + QStringLiteral(" toolTip"), index.data(Qt::ToolTipRole).toString());
                }
            }
        }
    }
    if (auto *window = qobject_cast<QMainWindow *>(&root))
        addMenu(texts, prefix + QStringLiteral("menu"), window->menuBar()->actions());
    return texts;
}

// Every step of the wizard in turn, then the open Settings dialog.
QList<Text> snapshot(gui::MainWindow &window, gui::SettingsDialog &settings)
{
    QList<Text> texts;
    for (int step = 0; step < gui::MainWindow::StepCount; ++step) {
        window.goToStep(step);
        EXPECT_EQ(window.currentStep(), step) << "every step is reachable with the sample data";
        texts += textsOf(window, QStringLiteral("step %1: ").arg(step + 1));
    }
    texts += textsOf(settings, QString());
    return texts;
}

QStringList lines(const QList<Text> &texts)
{
    QStringList out;
    for (const Text &t : texts)
        out.append(t.where + QStringLiteral(" = ") + t.text);
    return out;
}

// The texts still in English after a switch to Chinese, with the words that should not be there.
QStringList untranslated(const QList<Text> &chinese, const QSet<QString> &data)
{
    QStringList out;
    for (const Text &t : chinese) {
        const QStringList words = wordsToTranslate(t.text, data);
        if (!hasCjk(t.text) && !words.isEmpty())
            out.append(QStringLiteral("%1 = “%2” (%3)").arg(t.where, t.text, words.join(QLatin1Char(' '))));
    }
    return out;
}

// What differs between two readings, as "- before" and "+ after" lines; empty when they are the same.
QStringList differences(const QList<Text> &first, const QList<Text> &second)
{
    QStringList before = lines(first);
    QStringList after = lines(second);
    before.sort();
    after.sort();
    QStringList diff;
    if (before == after)
        return diff;
    for (const QString &line : std::as_const(before)) {
        if (!after.contains(line))
            diff.append(QStringLiteral("- ") + line);
    }
    for (const QString &line : std::as_const(after)) {
        if (!before.contains(line))
            diff.append(QStringLiteral("+ ") + line);
    }
    return diff;
}

// Lets the language change reach every widget, and the widgets made again on it be shown (a
// widget added to a shown layout is shown by a queued call).
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

// Chooses `language` in a Settings dialog and presses OK, as a user does; the window then gets
// the language change through the event loop.
void chooseLanguage(gui::MainWindow &window, const QString &language)
{
    gui::SettingsDialog dialog(window.settings(), nullptr, &window);
    auto *combo = find<QComboBox>(dialog, "languageCombo");
    combo->setCurrentIndex(combo->findData(language));
    QSignalSpy changed(&dialog, &gui::SettingsDialog::languageChanged);
    dialog.accept();
    EXPECT_EQ(changed.count(), 1) << language.toStdString();
    settle();
}

// Counts the language changes a widget is told about.
class LanguageChanges : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            ++count;
        return false;
    }
};

} // namespace

TEST(Retranslate, EveryTextOfTheRunningWindowFollowsTheLanguageChosenInSettings)
{
    test::TempHome home;
    installTranslations(QStringLiteral("en"));
    gui::MainWindow window;
    // The drives are listed once at start, on the thread pool: their answer must not land between
    // two readings.
    // So is Docker: its answer would overwrite the sample environment between two readings.
    auto *controller = window.findChild<gui::WizardController *>();
    QSignalSpy listed(controller, &gui::WizardController::destinationsListed);
    QSignalSpy dockerChecked(controller, &gui::WizardController::dockerChecked);
    window.resize(1100, 760);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(listed.count() > 0 || listed.wait(20000));
    ASSERT_TRUE(dockerChecked.count() > 0 || dockerChecked.wait(20000));
    QTest::qWait(100);
    sample::ManualJob build;
    fillWithSampleData(window, build);
    window.buildPage()->setBuilt(true);
    // An open dialog changes language too.
    gui::SettingsDialog settings(window.settings(), nullptr, &window);
    settings.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&settings));
    LanguageChanges changes;
    window.modelPage()->installEventFilter(&changes);

    const QList<Text> english = snapshot(window, settings);
    ASSERT_GT(english.size(), 300) << "the snapshot reads the whole window";

    chooseLanguage(window, QStringLiteral("zh_CN"));
    EXPECT_GT(changes.count, 0) << "installTranslations() makes Qt send LanguageChange to the widgets";
    const QList<Text> chinese = snapshot(window, settings);
    EXPECT_EQ(chinese.size(), english.size());
    const QStringList left = untranslated(chinese, dataWords());
    EXPECT_TRUE(left.isEmpty()) << "still in English after switching to Chinese:\n"
                                << left.join(QLatin1Char('\n')).toStdString();

    chooseLanguage(window, QStringLiteral("en"));
    const QStringList diff = differences(english, snapshot(window, settings));
    EXPECT_TRUE(diff.isEmpty()) << "English again differs from the first English reading:\n"
                                << diff.join(QLatin1Char('\n')).toStdString();

    build.cancel();
    window.setModified(false);
    installTranslations(QStringLiteral("en"));
}

// The texts made from a page's state (a check running, a plan being made, a failure and its fix,
// a search without a match) are made again in the new language; a job's own message stays.
TEST(Retranslate, TextsMadeFromStateAreMadeAgain)
{
    test::TempHome home;
    installTranslations(QStringLiteral("en"));
    // What the core said, in the language of the moment it said it: shown as it came.
    const QString noSpace = QStringLiteral("No space left on /var/lib/docker.");
    const QString query = QStringLiteral("qwen-nonexistent");
    const QString logText = QStringLiteral("downloading model-00001-of-00004.safetensors");
    const engine::Plan nothingFits = sample::nothingFitsPlan();
    const hardware::HardwareReport catalogTarget = sample::catalogReport();
    QStringList data = { noSpace, query, logText, nothingFits.target, catalogTarget.label };
    data << catalogTarget.unknowns;
    for (const engine::Candidate &c : nothingFits.candidates)
        data << c.reasons;
    for (const hardware::Gpu &gpu : catalogTarget.gpus)
        data << gpu.name << gpu.architecture << gpu.computeCapability;

    gui::HardwarePage probing;
    probing.setProbing(true);
    gui::HardwarePage catalog;
    catalog.setReport(catalogTarget);
    gui::EnginePage planning;
    planning.setPlanning(true);
    gui::EnginePage nothing;
    nothing.setPlan(nothingFits);
    gui::ModelPage lookingUp;
    lookingUp.setLookingUp(QStringLiteral("Qwen/Qwen2.5-7B-Instruct"));
    gui::ModelPage gated;
    gated.setModelInfo(sample::modelInfo(true));
    gui::ModelPage noMatch;
    noMatch.setModelId(query);
    noMatch.setSearchResults({});
    sample::ManualJob failing, cancelled, exportJob;
    gui::BuildPage failed;
    failed.followJob(&failing);
    failing.start();
    failing.complete(Error { ErrorCode::NoSpace, noSpace, {} });
    gui::BuildPage stopped;
    stopped.followJob(&cancelled);
    cancelled.start();
    cancelled.cancel();
    gui::ExportPage exportStopped;
    exportStopped.runJob(&exportJob);
    exportJob.start();
    exportJob.cancel();
    gui::LogView log;
    log.appendLine(logText);
    log.setSearchText(QStringLiteral("nothing like this"));
    log.findNext();

    const QList<QWidget *> roots = { &probing, &catalog, &planning, &nothing, &lookingUp, &gated, &noMatch,
        &failed, &stopped, &exportStopped, &log };
    const auto read = [&roots] {
        QList<Text> texts;
        for (QWidget *root : roots)
            texts += textsOf(*root, QString());
        return texts;
    };
    for (QWidget *root : roots)
        root->show();
    for (QWidget *root : roots)
        ASSERT_TRUE(QTest::qWaitForWindowExposed(root));
    const QList<Text> english = read();
    ASSERT_GT(english.size(), 100);
    for (const char *shown :
        { "Checking this computer…", "Working out what fits…", "Looking up Qwen/Qwen2.5-7B-Instruct…",
            "No match", "Stopped.", "Start &again", "Use a 16384-token context" }) {
        EXPECT_TRUE(std::any_of(english.cbegin(), english.cend(),
            [shown](const Text &t) { return t.text == QString::fromUtf8(shown); }))
            << "the states under test are shown: " << shown;
    }

    installTranslations(QStringLiteral("zh_CN"));
    settle();
    const QStringList left = untranslated(read(), dataWords(data));
    EXPECT_TRUE(left.isEmpty()) << "still in English after switching to Chinese:\n"
                                << left.join(QLatin1Char('\n')).toStdString();
    const QList<Text> chinese = read();
    EXPECT_EQ(chinese.size(), english.size()) << "the same widgets show a text in both languages";
    EXPECT_TRUE(std::any_of(chinese.cbegin(), chinese.cend(), [&noSpace](const Text &t) {
        return t.text.contains(noSpace) && hasCjk(t.text);
    })) << "the job's message stays as it came, inside a sentence in the new language";

    installTranslations(QStringLiteral("en"));
    settle();
    const QStringList diff = differences(english, read());
    EXPECT_TRUE(diff.isEmpty()) << "English again differs from the first English reading:\n"
                                << diff.join(QLatin1Char('\n')).toStdString();
}
