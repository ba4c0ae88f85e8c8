// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/problembanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include "widgets/fit.h"

namespace ezr::gui {

ProblemBanner::ProblemBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_fix(new QPushButton(this))
{
    setObjectName(QStringLiteral("problemBanner"));
    setFrameShape(QFrame::StyledPanel);
    retranslateUi();
    m_text->setObjectName(QStringLiteral("problemText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fix->setObjectName(QStringLiteral("problemFix"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_fix, 0, Qt::AlignVCenter);
    connect(m_fix, &QPushButton::clicked, this, [this] {
        emit fixRequested();
        if (m_fixAction)
            m_fixAction();
    });
    hide();
}

void ProblemBanner::showProblem(
    const QString &text, const QString &fixLabel, std::function<void()> fix, Severity severity)
{
    showProblem([text] { return text; }, [fixLabel] { return fixLabel; }, std::move(fix), severity);
}

void ProblemBanner::showProblem(TextFn text, TextFn fixLabel, std::function<void()> fix, Severity severity)
{
    m_active = true;
    m_severity = severity;
    m_textFn = std::move(text);
    m_fixLabelFn = std::move(fixLabel);
    m_fixAction = std::move(fix);
    retranslateUi();
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxWarning;
    fit::Level level = fit::Level::Tight;
    if (severity == Severity::Error) {
        pixmap = QStyle::SP_MessageBoxCritical;
        level = fit::Level::Bad;
    } else if (severity == Severity::Information) {
        pixmap = QStyle::SP_MessageBoxInformation;
        level = fit::Level::Unknown;
    }
    const int extent = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(extent, extent));
    // A coloured edge marks the banner; the icon and the words carry the meaning.
    setStyleSheet(
        QStringLiteral("ezr--gui--ProblemBanner { border: 1px solid palette(mid); border-left: 4px solid %1; "
                       "border-radius: 3px; }")
            .arg(fit::color(level).name()));
    show();
}

void ProblemBanner::retranslateUi()
{
    setAccessibleName(tr("Problem"));
    if (!m_active)
        return;
    const QString text = m_textFn ? m_textFn() : QString();
    const QString fixLabel = m_fixLabelFn ? m_fixLabelFn() : QString();
    m_text->setText(text);
    m_fix->setText(fixLabel);
    m_fix->setAccessibleName(fixLabel);
    m_fix->setVisible(!fixLabel.isEmpty());
    setAccessibleDescription(text);
}

void ProblemBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void ProblemBanner::clearProblem()
{
    m_active = false;
    m_fixAction = {};
    m_textFn = {};
    m_fixLabelFn = {};
    m_text->clear();
    hide();
}

QString ProblemBanner::text() const
{
    return m_text->text();
}

QString ProblemBanner::fixLabel() const
{
    return m_fix->isVisibleTo(this) ? m_fix->text() : QString();
}

} // namespace ezr::gui
