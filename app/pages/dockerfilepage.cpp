// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/dockerfilepage.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBlock>
#include <QVBoxLayout>

#include "dialogs/dialogs.h"
#include "widgets/dockerfilehighlighter.h"
#include "widgets/fit.h"
#include "widgets/linediff.h"
#include "widgets/problembanner.h"

namespace ezr::gui {

DockerfilePage::DockerfilePage(QWidget *parent)
    : WizardPage(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_highlighter(nullptr)
    , m_editedBanner(new QFrame(this))
    , m_editedText(new QLabel(m_editedBanner))
    , m_showDiff(new QPushButton(m_editedBanner))
    , m_reset(new QPushButton(m_editedBanner))
    , m_saveAs(new QPushButton(this))
{
    setObjectName(QStringLiteral("dockerfilepage"));
    m_editor->setObjectName(QStringLiteral("dockerfileEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_highlighter = installDockerfileHighlighter(m_editor->document(), palette());

    m_editedBanner->setObjectName(QStringLiteral("editedBanner"));
    m_editedBanner->setFrameShape(QFrame::StyledPanel);
    m_editedBanner->setStyleSheet(QStringLiteral("QFrame#editedBanner { border: 1px solid palette(mid); "
                                                 "border-left: 4px solid %1; border-radius: 3px; }")
                                      .arg(fit::color(fit::Level::Tight).name()));
    m_editedText->setObjectName(QStringLiteral("editedText"));
    m_showDiff->setObjectName(QStringLiteral("showDiffButton"));
    m_reset->setObjectName(QStringLiteral("resetButton"));
    auto *bannerLayout = new QHBoxLayout(m_editedBanner);
    bannerLayout->addWidget(m_editedText, 1);
    bannerLayout->addWidget(m_showDiff);
    bannerLayout->addWidget(m_reset);
    m_editedBanner->hide();

    m_saveAs->setObjectName(QStringLiteral("saveAsButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveAs);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editedBanner);
    layout->addWidget(m_editor, 1);
    layout->addLayout(buttons);
    layout->addWidget(problemBanner());
    setTabOrder(m_showDiff, m_reset);
    setTabOrder(m_reset, m_editor);
    setTabOrder(m_editor, m_saveAs);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &DockerfilePage::updateEdited);
    connect(m_showDiff, &QPushButton::clicked, this, &DockerfilePage::showDiff);
    connect(m_reset, &QPushButton::clicked, this, &DockerfilePage::reset);
    connect(m_saveAs, &QPushButton::clicked, this, [this] {
        const QString file = dialogHooks().saveFile(this, tr("Save the Dockerfile"),
            QStringLiteral("Dockerfile"), tr("Dockerfiles (Dockerfile *.Dockerfile);;All files (*)"));
        if (!file.isEmpty())
            saveAs(file);
    });
    retranslateUi();
}

void DockerfilePage::retranslateUi()
{
    m_editedText->setText(tr("Edited — differs from the generated Dockerfile."));
    m_showDiff->setText(tr("Show &diff"));
    m_reset->setText(tr("&Reset"));
    m_saveAs->setText(tr("Save &as…"));
    m_editor->setAccessibleName(tr("Dockerfile"));
    m_editor->setPlaceholderText(tr("The Dockerfile appears here once the engine is chosen."));
    m_showDiff->setAccessibleName(tr("Show the differences from the generated Dockerfile"));
    m_reset->setAccessibleName(tr("Reset to the generated Dockerfile"));
    m_saveAs->setAccessibleName(tr("Save the Dockerfile as a file"));
    if (m_diffDialog) {
        m_diffDialog->setWindowTitle(tr("Your changes to the generated Dockerfile"));
        if (auto *view = m_diffDialog->findChild<QPlainTextEdit *>(QStringLiteral("diffText")))
            view->setAccessibleName(tr("Differences"));
    }
}

QString DockerfilePage::title() const
{
    return tr("Dockerfile");
}

QString DockerfilePage::subtitle() const
{
    return tr("This is how the image will be built. You can change it; EZ Runner keeps your version in the "
              "profile.");
}

bool DockerfilePage::isComplete() const
{
    return !text().trimmed().isEmpty();
}

QString DockerfilePage::missingText() const
{
    return isComplete() ? QString() : tr("The Dockerfile is empty.");
}

void DockerfilePage::setGeneratedText(const QString &text)
{
    // An edit restored from a profile is no new change of the user's.
    const bool restored = !isEdited() && !m_pendingOverride.isEmpty();
    const QString userText = isEdited() ? m_editor->toPlainText() : m_pendingOverride;
    const QString shown = userText.isEmpty() ? text : userText;
    m_generated = text;
    m_pendingOverride.clear();
    if (restored)
        m_edited = shown != text;
    m_editor->setPlainText(shown);
    updateEdited();
}

QString DockerfilePage::text() const
{
    return m_editor->toPlainText();
}

QString DockerfilePage::overrideText() const
{
    return isEdited() ? m_editor->toPlainText() : QString();
}

bool DockerfilePage::isEdited() const
{
    return m_edited;
}

void DockerfilePage::setOverrideText(const QString &text)
{
    if (text.isEmpty())
        m_editor->setPlainText(m_generated);
    else
        m_editor->setPlainText(text);
    updateEdited();
}

void DockerfilePage::updateEdited()
{
    const bool edited = !m_generated.isEmpty() && m_editor->toPlainText() != m_generated;
    m_editedBanner->setVisible(edited);
    emit completeChanged();
    if (edited != m_edited) {
        m_edited = edited;
        emit editedChanged(edited);
        emit changed();
    }
    // Before the generator has run there is nothing to compare with.
    if (!m_generated.isEmpty())
        emit overrideChanged(overrideText());
    if (!edited && m_diffDialog)
        m_diffDialog->close();
}

void DockerfilePage::reset()
{
    m_editor->setPlainText(m_generated);
    updateEdited();
}

void DockerfilePage::showDiff()
{
    if (!m_diffDialog) {
        m_diffDialog = new QDialog(this);
        m_diffDialog->setObjectName(QStringLiteral("diffDialog"));
        m_diffDialog->setWindowTitle(tr("Your changes to the generated Dockerfile"));
        m_diffDialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *view = new QPlainTextEdit(m_diffDialog);
        view->setObjectName(QStringLiteral("diffText"));
        view->setAccessibleName(tr("Differences"));
        view->setReadOnly(true);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto *close = new QDialogButtonBox(QDialogButtonBox::Close, m_diffDialog);
        connect(close, &QDialogButtonBox::rejected, m_diffDialog, &QDialog::close);
        auto *layout = new QVBoxLayout(m_diffDialog);
        layout->addWidget(view);
        layout->addWidget(close);
        m_diffDialog->resize(760, 520);
    }
    auto *view = m_diffDialog->findChild<QPlainTextEdit *>(QStringLiteral("diffText"));
    const QList<DiffLine> diff = lineDiff(m_generated, m_editor->toPlainText());
    view->setPlainText(unifiedText(diff));
    // Tint added and removed lines; the +/− marks carry the meaning too.
    QList<QTextEdit::ExtraSelection> marks;
    QTextBlock block = view->document()->firstBlock();
    for (const DiffLine &line : diff) {
        if (line.kind != DiffLine::Kind::Same) {
            QTextEdit::ExtraSelection mark;
            QColor tint = fit::color(line.kind == DiffLine::Kind::Added ? fit::Level::Good : fit::Level::Bad);
            tint.setAlpha(60);
            mark.format.setBackground(tint);
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            mark.cursor = QTextCursor(block);
            marks.append(mark);
        }
        block = block.next();
    }
    view->setExtraSelections(marks);
    m_diffDialog->show();
    m_diffDialog->raise();
}

bool DockerfilePage::saveAs(const QString &file)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text().toUtf8()) < 0 || !out.commit()) {
        const QString reason = out.errorString();
        problemBanner()->showProblem(
            [file, reason] { return tr("Could not save %1: %2. Choose another folder.").arg(file, reason); },
            {}, {}, ProblemBanner::Severity::Error);
        return false;
    }
    problemBanner()->clearProblem();
    return true;
}

void DockerfilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        if (auto *own = qobject_cast<DockerfileHighlighter *>(m_highlighter))
            own->setPalette(palette());
    } else if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    WizardPage::changeEvent(event);
}

void DockerfilePage::showOverride(const QString &text)
{
    if (m_generated.isEmpty()) {
        // Shown now, compared once the generator has run.
        m_pendingOverride = text;
        m_editor->setPlainText(text);
    } else
        setOverrideText(text);
}

} // namespace ezr::gui
