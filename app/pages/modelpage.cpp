// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/modelpage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include "dialogs/dialogs.h"
#include "hub/modelrequest.h"
#include "hub/variants.h"
#include "util/format.h"
#include "util/paths.h"
#include "widgets/fit.h"
#include "widgets/problembanner.h"

namespace ezr::gui {
namespace {

constexpr int sortRole = Qt::UserRole + 1;

QStandardItem *numberItem(const QString &text, double sortValue, const QString &tooltip = {})
{
    auto *item = new QStandardItem(text);
    item->setData(sortValue, sortRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(tooltip);
    return item;
}

// 712, 4.2 k, 2.5 M: counts as people glance at them.
QString compactNumber(qint64 value)
{
    const QLocale locale;
    if (value < 1000)
        return locale.toString(value);
    if (value < 1000000)
        return ModelPage::tr("%1 k").arg(locale.toString(static_cast<double>(value) / 1e3, 'f', 1));
    if (value < 1000000000)
        return ModelPage::tr("%1 M").arg(locale.toString(static_cast<double>(value) / 1e6, 'f', 1));
    return ModelPage::tr("%1 B").arg(locale.toString(static_cast<double>(value) / 1e9, 'f', 1));
}

QString formatName(hub::ModelFormat format)
{
    switch (format) {
    case hub::ModelFormat::Safetensors:
        return QStringLiteral("safetensors");
    case hub::ModelFormat::Gguf:
        return QStringLiteral("GGUF");
    case hub::ModelFormat::PytorchBin:
        return QStringLiteral("PyTorch .bin");
    case hub::ModelFormat::Unknown:
        break;
    }
    return ModelPage::tr("unknown");
}

// "Q4_K_M (4.7 GB)": a quantization variant as its chip shows it.
QString variantLabel(const QString &name, qint64 size)
{
    return size > 0 ? ModelPage::tr("%1 (%2)").arg(name, format::bytes(size)) : name;
}

// The row of a search result keeps the index of its summary, for rendering it again.
constexpr int summaryRole = Qt::UserRole + 2;

// What a user in mainland China or behind a firewall types for Hugging Face.
constexpr auto suggestedHfMirror = "https://hf-mirror.com";

QString hubName(hub::SourceKind source)
{
    return source == hub::SourceKind::ModelScope ? QStringLiteral("ModelScope")
                                                 : QStringLiteral("Hugging Face");
}

hub::SourceKind otherHub(hub::SourceKind source)
{
    return source == hub::SourceKind::ModelScope ? hub::SourceKind::HuggingFace : hub::SourceKind::ModelScope;
}

} // namespace

QString formatParameters(qint64 parameters)
{
    if (parameters <= 0)
        return {};
    if (parameters >= 1000000000)
        return ModelPage::tr("%1B").arg(
            QString::number(static_cast<double>(parameters) / 1e9, 'f', parameters >= 10000000000 ? 0 : 1));
    if (parameters >= 1000000)
        return ModelPage::tr("%1M").arg(QString::number(static_cast<double>(parameters) / 1e6, 'f', 0));
    return QLocale().toString(parameters);
}

QString ModelPage::defaultModelId()
{
    return QStringLiteral("Qwen/Qwen2.5-0.5B-Instruct");
}

ModelPage::ModelPage(QWidget *parent)
    : WizardPage(parent)
    , m_source(new QComboBox(this))
    , m_modelId(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_results(new QTableView(this))
    , m_resultModel(new QStandardItemModel(0, ColumnCount, this))
    , m_details(new QGroupBox(this))
    , m_detailTitle(new QLabel(m_details))
    , m_detailFacts(new QLabel(m_details))
    , m_fitBadge(fit::makeBadge(m_details))
    , m_variantsLabel(new QLabel(m_details))
    , m_revisionLabel(new QLabel(m_details))
    , m_sourceLabel(new QLabel(this))
    , m_modelLabel(new QLabel(this))
    , m_variants(new QWidget(m_details))
    , m_variantLayout(new QHBoxLayout(m_variants))
    , m_variantGroup(new QButtonGroup(this))
    , m_revision(new QLineEdit(m_details))
    , m_servedNameLabel(new QLabel(m_details))
    , m_servedName(new QLineEdit(m_details))
    , m_unreachable(new QFrame(this))
    , m_unreachableText(new QLabel(m_unreachable))
    , m_otherHub(new QPushButton(m_unreachable))
    , m_mirror(new QPushButton(m_unreachable))
    , m_localFolder(new QPushButton(m_unreachable))
    , m_retry(new QPushButton(m_unreachable))
{
    setObjectName(QStringLiteral("modelpage"));
    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_source->addItem(QString(), int(hub::SourceKind::HuggingFace));
    m_source->addItem(QString(), int(hub::SourceKind::ModelScope));
    m_source->addItem(QString(), int(hub::SourceKind::Local));

    m_modelId->setObjectName(QStringLiteral("modelIdEdit"));
    m_modelId->setText(defaultModelId());
    m_modelId->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("browseFolderButton"));
    m_browse->setVisible(false);

    m_results->setObjectName(QStringLiteral("resultsTable"));
    m_results->setModel(m_resultModel);
    m_resultModel->setSortRole(sortRole);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSortingEnabled(true);
    m_results->setTabKeyNavigation(false);
    m_results->verticalHeader()->hide();
    m_results->setWordWrap(false);
    m_results->setTextElideMode(Qt::ElideMiddle);
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Whole names; the table scrolls sideways when the columns do not fit.
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->verticalHeader()->setDefaultSectionSize(m_results->fontMetrics().height() + 8);

    m_details->setObjectName(QStringLiteral("detailsPane"));
    m_detailTitle->setObjectName(QStringLiteral("detailTitle"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailFacts->setObjectName(QStringLiteral("detailFacts"));
    m_detailFacts->setWordWrap(true);
    m_detailFacts->setTextFormat(Qt::PlainText);
    m_fitBadge->setObjectName(QStringLiteral("targetFitBadge"));
    m_fitBadge->hide();
    m_variants->setObjectName(QStringLiteral("variantChips"));
    m_variantLayout->setContentsMargins(0, 0, 0, 0);
    m_variantGroup->setExclusive(true);
    m_revision->setObjectName(QStringLiteral("revisionEdit"));
    m_revision->setPlaceholderText(QStringLiteral("main"));

    auto *detailForm = new QFormLayout;
    detailForm->addRow(m_variantsLabel, m_variants);
    m_revisionLabel->setBuddy(m_revision);
    detailForm->addRow(m_revisionLabel, m_revision);
    m_servedName->setObjectName(QStringLiteral("servedNameEdit"));
    m_servedNameLabel->setBuddy(m_servedName);
    detailForm->addRow(m_servedNameLabel, m_servedName);
    auto *detailLayout = new QVBoxLayout(m_details);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_detailTitle, 1);
    titleRow->addWidget(m_fitBadge, 0, Qt::AlignTop);
    detailLayout->addLayout(titleRow);
    detailLayout->addWidget(m_detailFacts);
    detailLayout->addLayout(detailForm);
    detailLayout->addStretch(1);
    m_variantsLabel->hide();
    m_variants->hide();

    auto *searchRow = new QHBoxLayout;
    m_sourceLabel->setBuddy(m_source);
    m_modelLabel->setBuddy(m_modelId);
    searchRow->addWidget(m_sourceLabel);
    searchRow->addWidget(m_source);
    searchRow->addSpacing(8);
    searchRow->addWidget(m_modelLabel);
    searchRow->addWidget(m_modelId, 1);
    searchRow->addWidget(m_browse);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_results);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 640, 360 });

    m_unreachable->setObjectName(QStringLiteral("hubUnreachablePanel"));
    m_unreachable->setFrameShape(QFrame::StyledPanel);
    m_unreachableText->setObjectName(QStringLiteral("hubUnreachableText"));
    m_unreachableText->setWordWrap(true);
    m_unreachableText->setTextFormat(Qt::PlainText);
    m_otherHub->setObjectName(QStringLiteral("useOtherHubButton"));
    m_mirror->setObjectName(QStringLiteral("useMirrorButton"));
    m_localFolder->setObjectName(QStringLiteral("useLocalFolderButton"));
    m_retry->setObjectName(QStringLiteral("retryHubButton"));
    auto *unreachableLayout = new QVBoxLayout(m_unreachable);
    unreachableLayout->addWidget(m_unreachableText);
    auto *unreachableActions = new QHBoxLayout;
    unreachableActions->addWidget(m_otherHub);
    unreachableActions->addWidget(m_mirror);
    unreachableActions->addWidget(m_localFolder);
    unreachableActions->addStretch(1);
    unreachableActions->addWidget(m_retry);
    unreachableLayout->addLayout(unreachableActions);
    m_unreachable->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_unreachable);
    layout->addWidget(splitter, 1);
    layout->addWidget(problemBanner());

    setTabOrder(m_source, m_modelId);
    setTabOrder(m_modelId, m_browse);
    setTabOrder(m_browse, m_otherHub);
    setTabOrder(m_otherHub, m_mirror);
    setTabOrder(m_mirror, m_localFolder);
    setTabOrder(m_localFolder, m_retry);
    setTabOrder(m_retry, m_results);
    setTabOrder(m_results, m_revision);
    setTabOrder(m_revision, m_servedName);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(350);
    connect(&m_searchTimer, &QTimer::timeout, this, [this] {
        if (source() != hub::SourceKind::Local && !modelId().isEmpty())
            emit searchRequested(source(), modelId());
    });
    connect(m_modelId, &QLineEdit::textEdited, this, &ModelPage::scheduleSearch);
    connect(m_modelId, &QLineEdit::textChanged, this, [this] {
        emit completeChanged();
        emit changed();
        emitEdited();
    });
    connect(m_modelId, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        if (!modelId().isEmpty())
            emit inspectRequested(source(), modelId(), revision());
    });
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        const bool local = source() == hub::SourceKind::Local;
        m_browse->setVisible(local);
        m_results->setEnabled(!local);
        m_resultModel->removeRows(0, m_resultModel->rowCount());
        problemBanner()->clearProblem();
        hideHubUnreachable();
        emit changed();
        emitEdited();
        scheduleSearch();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        // A folder typed before, or the HF cache, where models downloaded earlier are.
        const QString start = QFileInfo(modelId()).isDir() ? modelId() : paths::defaultHfCacheDir();
        const QString dir = dialogHooks().chooseFolder(this, tr("Choose the model folder"), start);
        if (dir.isEmpty())
            return;
        m_modelId->setText(dir);
        emit inspectRequested(source(), dir, QString());
    });
    connect(m_results, &QTableView::activated, this,
        [this](const QModelIndex &index) { chooseResult(index.row()); });
    connect(m_results, &QTableView::clicked, this,
        [this](const QModelIndex &index) { chooseResult(index.row()); });
    connect(m_revision, &QLineEdit::editingFinished, this, [this] {
        emit changed();
        if (!modelId().isEmpty() && m_hasInfo && revision() != m_info.revision)
            emit inspectRequested(source(), modelId(), revision());
        else
            emitEdited();
    });
    connect(m_variantGroup, &QButtonGroup::idClicked, this, [this] {
        emit changed();
        emit variantChosen(variant());
    });
    connect(m_servedName, &QLineEdit::editingFinished, this, [this] {
        const QString name = servedName();
        if (!name.isEmpty() && !hub::validateRepoId(name).ok()) {
            problemBanner()->showProblem(
                tr("“%1” cannot be the served name: write it like “name” or “owner/name”, with letters, "
                   "digits, “.”, “_” and “-”.")
                    .arg(name),
                {}, {}, ProblemBanner::Severity::Error);
            m_servedNameInvalid = true;
            return;
        }
        if (m_servedNameInvalid)
            problemBanner()->clearProblem();
        m_servedNameInvalid = false;
        emit servedNameChosen(name);
    });
    connect(m_otherHub, &QPushButton::clicked, this, [this] {
        // The search on the other hub is its reachability check: it fills the list, or says that
        // hub cannot be reached either.
        setSource(otherHub(m_unreachableSource));
        m_searchTimer.stop();
        retryHub();
    });
    connect(m_mirror, &QPushButton::clicked, this, &ModelPage::chooseMirror);
    connect(m_localFolder, &QPushButton::clicked, this, [this] {
        setSource(hub::SourceKind::Local);
        m_browse->click();
    });
    connect(m_retry, &QPushButton::clicked, this, &ModelPage::retryHub);
    retranslateUi();
}

void ModelPage::showHubUnreachable(hub::SourceKind source, const QString &endpoint)
{
    if (source == hub::SourceKind::Local || source != this->source())
        return; // the user moved on meanwhile
    m_unreachableSource = source;
    m_unreachableEndpoint = endpoint;
    retranslateUnreachable();
    m_unreachable->show();
}

bool ModelPage::isHubUnreachableShown() const
{
    return !m_unreachable->isHidden();
}

void ModelPage::hideHubUnreachable()
{
    m_unreachable->hide();
}

void ModelPage::retranslateUnreachable()
{
    const QString host = QUrl(m_unreachableEndpoint).host();
    m_unreachableText->setText(
        tr("%1 cannot be reached from this computer (%2): it may be offline, or a firewall blocks it. "
           "Get the model another way:")
            .arg(hubName(m_unreachableSource), host.isEmpty() ? m_unreachableEndpoint : host));
    m_otherHub->setText(tr("Use %1").arg(hubName(otherHub(m_unreachableSource))));
    m_otherHub->setAccessibleName(m_otherHub->text());
    m_mirror->setText(tr("Use a &mirror…"));
    m_mirror->setAccessibleName(tr("Use a mirror of %1").arg(hubName(m_unreachableSource)));
    m_localFolder->setText(tr("&Local folder or HF cache…"));
    m_localFolder->setAccessibleName(tr("Use a model folder on this computer"));
    m_retry->setText(tr("&Try again"));
    m_retry->setAccessibleName(tr("Try %1 again").arg(hubName(m_unreachableSource)));
}

void ModelPage::chooseMirror()
{
    const hub::SourceKind source = m_unreachableSource;
    const bool custom = !m_unreachableEndpoint.isEmpty()
        && QUrl(m_unreachableEndpoint).host() != QLatin1String("huggingface.co")
        && QUrl(m_unreachableEndpoint).host() != QLatin1String("modelscope.cn");
    const QString suggestion = custom            ? m_unreachableEndpoint
        : source == hub::SourceKind::HuggingFace ? QString::fromLatin1(suggestedHfMirror)
                                                 : QString();
    const QString answer = dialogHooks()
                               .askText(this, tr("Mirror of %1").arg(hubName(source)),
                                   tr("Address of a mirror of %1. Your access token is not sent to it "
                                      "unless Settings lists it as trusted.")
                                       .arg(hubName(source)),
                                   suggestion)
                               .trimmed();
    if (answer.isEmpty())
        return;
    const QUrl url(answer);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        problemBanner()->showProblem(tr("“%1” is not a web address: a mirror is written like %2.")
                                         .arg(answer, QString::fromLatin1(suggestedHfMirror)),
            {}, {}, ProblemBanner::Severity::Error);
        return;
    }
    problemBanner()->clearProblem();
    emit hubEndpointChosen(source, answer);
    setSource(source);
    m_searchTimer.stop();
    retryHub();
}

void ModelPage::retryHub()
{
    hideHubUnreachable();
    if (modelId().isEmpty() || source() == hub::SourceKind::Local)
        return;
    // A lookup that failed is looked up again; otherwise the search runs again.
    if (m_detailState == DetailState::Error)
        emit inspectRequested(source(), modelId(), revision());
    else
        emit searchRequested(source(), modelId());
}

void ModelPage::retranslateUi()
{
    m_browse->setText(tr("&Folder…"));
    m_details->setTitle(tr("Details"));
    m_variantsLabel->setText(tr("Variant:"));
    m_revisionLabel->setText(tr("&Revision:"));
    m_sourceLabel->setText(tr("&Source:"));
    m_modelLabel->setText(tr("&Model:"));
    m_source->setItemText(0, tr("Hugging Face"));
    m_source->setItemText(1, tr("ModelScope"));
    m_source->setItemText(2, tr("Local folder"));
    m_source->setAccessibleName(tr("Model source"));
    m_modelId->setPlaceholderText(tr("Search, or type organisation/model, e.g. %1").arg(defaultModelId()));
    m_modelId->setAccessibleName(tr("Model or search words"));
    m_browse->setAccessibleName(tr("Choose a model folder"));
    m_results->setAccessibleName(tr("Search results"));
    m_resultModel->setHorizontalHeaderLabels({ tr("Model"), tr("↓ Downloads"), tr("♥ Likes"), tr("Updated"),
        tr("Size"), tr("Parameters"), tr("Access") });
    for (int row = 0; row < m_resultModel->rowCount(); ++row)
        updateRowTexts(row);
    m_revision->setAccessibleName(tr("Revision"));
    m_servedNameLabel->setText(tr("Served &as:"));
    m_servedName->setAccessibleName(tr("Served model name"));
    m_servedName->setToolTip(
        tr("The name clients send as \"model\" in their requests. Empty: the model's own "
           "name."));
    for (QAbstractButton *chip : m_variantGroup->buttons()) {
        const QString label
            = variantLabel(chip->property("variant").toString(), chip->property("variantSize").toLongLong());
        chip->setText(label);
        chip->setAccessibleName(tr("Variant %1").arg(label));
    }
    showDetails();
    if (m_fitText)
        fit::setBadge(m_fitBadge, m_fits ? fit::Level::Good : fit::Level::Bad, m_fitText());
    retranslateUnreachable();
}

void ModelPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    WizardPage::changeEvent(event);
}

void ModelPage::showDetails()
{
    switch (m_detailState) {
    case DetailState::Empty:
        m_detailTitle->setText(tr("Choose a model to see its details."));
        return;
    case DetailState::LookingUp:
        m_detailTitle->setText(tr("Looking up %1…").arg(m_lookingUp));
        return;
    case DetailState::Error:
        // The facts of the model shown before stay, in the new language.
        if (m_detailFacts->text().isEmpty() || m_info.id.isEmpty())
            return;
        break;
    case DetailState::Info:
        m_detailTitle->setText(m_info.id);
        break;
    }
    const hub::ModelInfo &info = m_info;
    const QLocale locale;
    QStringList facts;
    facts.append(tr("License: %1").arg(info.license.isEmpty() ? tr("not stated") : info.license));
    facts.append(tr("Format: %1").arg(formatName(info.format)));
    if (info.parameters > 0)
        facts.append(tr("Parameters: %1").arg(formatParameters(info.parameters)));
    if (!info.architecture.isEmpty())
        facts.append(tr("Architecture: %1").arg(info.architecture));
    if (info.contextLength > 0)
        facts.append(tr("Context: %1 tokens").arg(locale.toString(info.contextLength)));
    if (info.totalSize > 0)
        facts.append(tr("Download: %1").arg(format::bytes(info.totalSize)));
    if (!info.quantization.method.isEmpty())
        facts.append(tr("Quantization: %1").arg(info.quantization.method));
    if (info.lastModified.isValid())
        facts.append(tr("Updated: %1").arg(locale.toString(info.lastModified.date(), QLocale::ShortFormat)));
    if (!info.sha.isEmpty())
        facts.append(tr("Commit: %1").arg(info.sha.left(12)));
    m_detailFacts->setText(facts.join(QLatin1Char('\n')));
    m_detailFacts->setToolTip(
        info.totalSize > 0 ? tr("%1 bytes").arg(locale.toString(info.totalSize)) : QString());
}

QString ModelPage::title() const
{
    return tr("Model");
}

QString ModelPage::subtitle() const
{
    return tr("Pick the model to package, from Hugging Face, ModelScope or a folder on this computer.");
}

bool ModelPage::isComplete() const
{
    return !modelId().isEmpty() && !needsToken();
}

QString ModelPage::missingText() const
{
    if (modelId().isEmpty())
        return tr("Enter or choose a model first.");
    if (needsToken())
        return tr("This model is gated: add your access token first.");
    return {};
}

QString ModelPage::modelId() const
{
    return m_modelId->text().trimmed();
}

void ModelPage::setModelId(const QString &id)
{
    m_modelId->setText(id);
}

hub::SourceKind ModelPage::source() const
{
    return static_cast<hub::SourceKind>(m_source->currentData().toInt());
}

void ModelPage::setSource(hub::SourceKind source)
{
    const int index = m_source->findData(int(source));
    if (index >= 0)
        m_source->setCurrentIndex(index);
}

void ModelPage::emitEdited()
{
    emit modelEdited(source(), modelId(), revision());
}

QString ModelPage::revision() const
{
    const QString text = m_revision->text().trimmed();
    return text.isEmpty() ? QStringLiteral("main") : text;
}

QString ModelPage::variant() const
{
    const QAbstractButton *chosen = m_variantGroup->checkedButton();
    return chosen ? chosen->property("variant").toString() : m_pendingVariant;
}

void ModelPage::showVariant(const QString &name)
{
    m_pendingVariant = name;
    for (QAbstractButton *chip : m_variantGroup->buttons()) {
        if (chip->property("variant").toString().compare(name, Qt::CaseInsensitive) == 0)
            chip->setChecked(true);
    }
}

void ModelPage::scheduleSearch()
{
    m_searchTimer.start();
}

void ModelPage::setSearchResults(const QList<hub::ModelSummary> &results)
{
    if (!results.isEmpty())
        hideHubUnreachable();
    m_resultModel->removeRows(0, m_resultModel->rowCount());
    m_summaries = results;
    for (int i = 0; i < results.size(); ++i) {
        const hub::ModelSummary &model = results[i];
        QList<QStandardItem *> row(ColumnCount);
        row[NameColumn] = new QStandardItem(model.id);
        row[NameColumn]->setData(model.id, sortRole);
        row[NameColumn]->setData(i, summaryRole);
        row[DownloadsColumn] = numberItem(QString(), static_cast<double>(model.downloads));
        row[LikesColumn] = numberItem(QString(), static_cast<double>(model.likes));
        row[UpdatedColumn] = new QStandardItem;
        row[UpdatedColumn]->setData(model.lastModified.toSecsSinceEpoch(), sortRole);
        row[SizeColumn] = numberItem(QString(), static_cast<double>(model.totalSize));
        row[ParametersColumn] = numberItem(QString(), static_cast<double>(model.parameters));
        row[GatedColumn] = new QStandardItem;
        row[GatedColumn]->setData(model.gated ? 1 : 0, sortRole);
        m_resultModel->appendRow(row);
        updateRowTexts(m_resultModel->rowCount() - 1);
    }
    if (results.isEmpty() && !modelId().isEmpty())
        showNoMatch();
    else if (!m_hasInfo || !m_info.gated)
        problemBanner()->clearProblem();
}

void ModelPage::updateRowTexts(int row)
{
    const int index = m_resultModel->item(row, NameColumn)->data(summaryRole).toInt();
    if (index < 0 || index >= m_summaries.size())
        return;
    const hub::ModelSummary &model = m_summaries[index];
    const QLocale locale;
    const auto item = [this, row](int column) { return m_resultModel->item(row, column); };
    item(NameColumn)
        ->setToolTip(model.pipelineTag.isEmpty() ? model.id : tr("%1 (%2)").arg(model.id, model.pipelineTag));
    item(DownloadsColumn)->setText(compactNumber(model.downloads));
    item(DownloadsColumn)->setToolTip(locale.toString(model.downloads));
    item(LikesColumn)->setText(compactNumber(model.likes));
    item(LikesColumn)->setToolTip(locale.toString(model.likes));
    item(UpdatedColumn)->setText(locale.toString(model.lastModified.date(), QLocale::ShortFormat));
    item(SizeColumn)->setText(model.totalSize > 0 ? format::bytes(model.totalSize) : QString());
    item(SizeColumn)
        ->setToolTip(model.totalSize > 0 ? tr("%1 bytes").arg(locale.toString(model.totalSize)) : QString());
    item(ParametersColumn)->setText(formatParameters(model.parameters));
    item(ParametersColumn)->setToolTip(model.parameters > 0 ? locale.toString(model.parameters) : QString());
    item(GatedColumn)->setText(model.gated ? tr("🔒 gated") : QString());
    item(GatedColumn)
        ->setToolTip(model.gated ? tr("The hub asks you to accept the license and use a token.") : QString());
}

void ModelPage::showNoMatch()
{
    const QString query = modelId();
    problemBanner()->showProblem(
        [query] {
            return tr("No model matches “%1”. Check the spelling, or type the full id "
                      "(organisation/model).")
                .arg(query);
        },
        {}, {}, ProblemBanner::Severity::Information);
}

int ModelPage::resultCount() const
{
    return m_resultModel->rowCount();
}

void ModelPage::chooseResult(int row)
{
    const QString id = m_resultModel->index(row, NameColumn).data().toString();
    if (id.isEmpty())
        return;
    m_searchTimer.stop();
    {
        const QSignalBlocker blocker(m_modelId);
        m_modelId->setText(id);
    }
    emit completeChanged();
    emit changed();
    emit inspectRequested(source(), id, revision());
}

void ModelPage::setModelInfo(const hub::ModelInfo &info)
{
    hideHubUnreachable();
    m_servedName->setPlaceholderText(info.id);
    m_info = info;
    m_hasInfo = true;
    m_lookupNeedsToken = false;
    m_detailState = DetailState::Info;
    showDetails();
    if (!info.revision.isEmpty() && info.revision != QLatin1String("main"))
        m_revision->setText(info.revision);
    rebuildVariants();
    updateGatedState();
    emit completeChanged();
}

void ModelPage::rebuildVariants()
{
    for (QAbstractButton *button : m_variantGroup->buttons()) {
        m_variantGroup->removeButton(button);
        delete button;
    }
    QList<QPair<QString, qint64>> variants; // name, size of all parts
    for (const hub::GgufVariant &v : hub::ggufVariants(m_info))
        variants.append({ v.name, v.size });
    int id = 0;
    for (const auto &[value, size] : std::as_const(variants)) {
        const QString label = variantLabel(value, size);
        auto *chip = new QToolButton(m_variants);
        chip->setObjectName(QStringLiteral("variantChip"));
        chip->setText(label);
        chip->setCheckable(true);
        chip->setAutoRaise(false);
        chip->setProperty("variant", value);
        chip->setProperty("variantSize", size);
        chip->setAccessibleName(tr("Variant %1").arg(label));
        m_variantGroup->addButton(chip, id++);
        m_variantLayout->addWidget(chip);
        if (value == m_pendingVariant)
            chip->setChecked(true);
    }
    if (!variants.isEmpty() && !m_variantGroup->checkedButton())
        showVariant(hub::defaultVariantName(m_info));
    m_variantsLabel->setVisible(variants.size() > 1);
    m_variants->setVisible(variants.size() > 1);
}

void ModelPage::setLookingUp(const QString &model)
{
    m_lookupNeedsToken = false;
    m_detailState = DetailState::LookingUp;
    m_lookingUp = model;
    m_detailFacts->clear();
    showDetails();
    problemBanner()->clearProblem();
    emit completeChanged();
}

void ModelPage::showLookupError(const Error &error)
{
    m_hasInfo = false;
    m_detailState = DetailState::Error;
    m_detailTitle->setText(modelId());
    m_lookupNeedsToken = error.code == ErrorCode::AuthRequired;
    if (m_lookupNeedsToken) {
        const hub::SourceKind src = source();
        // The hub's message stays in the language it came in; the button follows the language.
        const QString message = error.message;
        problemBanner()->showProblem([message] { return message; }, [] { return tr("Add token…"); },
            [this, src] { emit addTokenRequested(src); }, ProblemBanner::Severity::Warning);
    } else {
        problemBanner()->showProblem(error.message, {}, {}, ProblemBanner::Severity::Error);
    }
    emit completeChanged();
}

bool ModelPage::needsToken() const
{
    return m_lookupNeedsToken || (m_hasInfo && m_info.gated && !m_tokenAvailable);
}

void ModelPage::setTokenAvailable(bool available)
{
    m_tokenAvailable = available;
    updateGatedState();
    emit completeChanged();
}

void ModelPage::updateGatedState()
{
    if (m_hasInfo && m_info.gated && !m_tokenAvailable) {
        const hub::SourceKind src = source();
        const QString id = m_info.id;
        problemBanner()->showProblem(
            [id] {
                return tr(
                    "%1 is gated: accept its license on the hub's web page, then add your access token.")
                    .arg(id);
            },
            [] { return tr("Add token…"); }, [this, src] { emit addTokenRequested(src); },
            ProblemBanner::Severity::Warning);
    } else if (m_hasInfo) {
        problemBanner()->clearProblem();
    }
}

void ModelPage::setTargetFit(bool fits, const QString &text)
{
    if (text.isEmpty())
        setTargetFit(fits, std::function<QString()>());
    else
        setTargetFit(fits, std::function<QString()>([text] { return text; }));
}

void ModelPage::setTargetFit(bool fits, std::function<QString()> text)
{
    const QString shown = text ? text() : QString();
    m_fits = fits;
    m_fitText = shown.isEmpty() ? std::function<QString()>() : std::move(text);
    if (shown.isEmpty()) {
        m_fitBadge->hide();
        return;
    }
    fit::setBadge(m_fitBadge, fits ? fit::Level::Good : fit::Level::Bad, shown);
    m_fitBadge->show();
}

QString ModelPage::servedName() const
{
    return m_servedName->text().trimmed();
}

void ModelPage::showServedName(const QString &name)
{
    if (m_servedName->text() != name)
        m_servedName->setText(name);
}

void ModelPage::showChoice(const profile::ModelChoice &choice)
{
    const QSignalBlocker sourceBlocker(m_source);
    const QSignalBlocker idBlocker(m_modelId);
    setSource(choice.source);
    const bool local = choice.source == hub::SourceKind::Local;
    m_browse->setVisible(local);
    m_results->setEnabled(!local);
    m_modelId->setText(choice.id);
    m_revision->setText(choice.revision == QLatin1String("main") ? QString() : choice.revision);
    m_pendingVariant = choice.variant;
    m_servedName->setText(choice.servedName);
    m_searchTimer.stop();
    emit completeChanged();
}

} // namespace ezr::gui
