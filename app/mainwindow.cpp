// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include "pages/buildpage.h"
#include "pages/dockerfilepage.h"
#include "pages/enginepage.h"
#include "pages/exportpage.h"
#include "pages/hardwarepage.h"
#include "pages/modelpage.h"

namespace ezr::gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_steps(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_environment(new QLabel(this))
    , m_back(new QPushButton(tr("< &Back"), this))
    , m_next(new QPushButton(tr("&Next >"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("EZ Runner"));

    m_pages = {new ModelPage(this),       new HardwarePage(this), new EnginePage(this),
               new DockerfilePage(this),  new BuildPage(this),    new ExportPage(this)};

    m_steps->setObjectName(QStringLiteral("stepList"));
    m_steps->setAccessibleName(tr("Wizard steps"));
    m_steps->setFrameShape(QFrame::NoFrame);
    m_steps->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    for (int i = 0; i < m_pages.size(); ++i) {
        m_steps->addItem(tr("%1  %2").arg(i + 1).arg(m_pages[i]->title()));
        m_stack->addWidget(m_pages[i]);
        connect(m_pages[i], &WizardPage::completeChanged, this, &MainWindow::updateNavigation);
    }
    m_steps->setFixedWidth(m_steps->sizeHintForColumn(0) + 4 * m_steps->frameWidth() + 32);

    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);

    m_back->setObjectName(QStringLiteral("backButton"));
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_next->setDefault(true);
    m_environment->setObjectName(QStringLiteral("environmentSummary"));

    auto *pageColumn = new QVBoxLayout;
    pageColumn->addWidget(m_title);
    pageColumn->addWidget(m_subtitle);
    pageColumn->addSpacing(8);
    pageColumn->addWidget(m_stack, 1);

    auto *body = new QHBoxLayout;
    body->addWidget(m_steps);
    body->addLayout(pageColumn, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_environment, 1);
    bottom->addWidget(m_back);
    bottom->addWidget(m_next);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(body, 1);
    layout->addLayout(bottom);
    setCentralWidget(central);

    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_stack->currentIndex())
            goToStep(row);
    });
    connect(m_back, &QPushButton::clicked, this, [this] { goToStep(currentStep() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goToStep(currentStep() + 1); });

    createMenus();
    setTabOrder(m_steps, m_pages.front());
    goToStep(ModelStep);
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About EZ Runner"), this, [this] {
        QMessageBox::about(this, tr("About EZ Runner"),
                           tr("<h3>EZ Runner %1</h3><p>Package an open model as a Docker image and an offline "
                              "deployment kit for air-gapped machines.</p><p>Built with Qt %2.</p>")
                               .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    about->setObjectName(QStringLiteral("actionAbout"));
}

int MainWindow::currentStep() const
{
    return m_stack->currentIndex();
}

WizardPage *MainWindow::page(int step) const
{
    return m_pages.value(step);
}

ModelPage *MainWindow::modelPage() const
{
    return static_cast<ModelPage *>(m_pages[ModelStep]);
}

HardwarePage *MainWindow::hardwarePage() const
{
    return static_cast<HardwarePage *>(m_pages[HardwareStep]);
}

bool MainWindow::stepReachable(int step) const
{
    for (int i = 0; i < step; ++i) {
        if (!m_pages[i]->isComplete())
            return false;
    }
    return true;
}

void MainWindow::goToStep(int step)
{
    if (step < 0 || step >= m_pages.size() || !stepReachable(step)) {
        updateNavigation();
        return;
    }
    m_stack->setCurrentIndex(step);
    m_title->setText(m_pages[step]->title());
    m_subtitle->setText(m_pages[step]->subtitle());
    m_pages[step]->enter();
    updateNavigation();
}

void MainWindow::updateNavigation()
{
    const int current = currentStep();
    for (int i = 0; i < m_steps->count(); ++i) {
        QListWidgetItem *item = m_steps->item(i);
        const bool reachable = stepReachable(i);
        item->setFlags(reachable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
        QString state;
        if (i == current)
            state = tr("current step");
        else if (i < current)
            state = tr("done");
        else
            state = reachable ? tr("available") : tr("not available yet");
        item->setData(Qt::AccessibleDescriptionRole, state);
        item->setToolTip(state);
    }
    {
        const QSignalBlocker blocker(m_steps);
        m_steps->setCurrentRow(current);
    }
    m_back->setEnabled(current > 0);
    const WizardPage *page = m_pages[current];
    const bool last = current == m_pages.size() - 1;
    m_next->setEnabled(!last && page->isComplete());
    m_next->setToolTip(page->isComplete() ? QString() : page->missingText());
}

void MainWindow::setEnvironmentSummary(const QString &text, const QString &tooltip)
{
    m_environment->setText(text);
    m_environment->setToolTip(tooltip);
}

} // namespace ezr::gui
