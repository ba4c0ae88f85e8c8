// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QList>
#include <QTimer>

#include "hub/modelinfo.h"
#include "util/error.h"
#include "wizardpage.h"

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace ezr::gui {

// "494M", "7.6B": parameter counts as people write them.
QString formatParameters(qint64 parameters);

// Step 1: the source, a search field that also takes a model id, the results and the details of
// the model (license, gated state, format, variants to choose, revision).
class ModelPage : public WizardPage
{
    Q_OBJECT

public:
    enum ResultColumn
    {
        NameColumn,
        DownloadsColumn,
        LikesColumn,
        UpdatedColumn,
        SizeColumn,
        ParametersColumn,
        GatedColumn,
        ColumnCount
    };

    static QString defaultModelId();

    explicit ModelPage(QWidget *parent = nullptr);

    QString title() const override;
    QString subtitle() const override;
    bool isComplete() const override;
    QString missingText() const override;
    void saveState(QJsonObject &state) const override;
    void restoreState(const QJsonObject &state) override;

    QString modelId() const;
    void setModelId(const QString &id);
    QString source() const; // "hf", "modelscope", "local"
    void setSource(const QString &source);
    QString revision() const;
    QString variant() const; // the chosen GGUF file or precision; empty when there is one
    hub::SourceKind sourceKind() const;

    // Fed by the hub's jobs.
    void setSearchResults(const QList<hub::ModelSummary> &results);
    int resultCount() const;
    void setModelInfo(const hub::ModelInfo &info);
    bool hasModelInfo() const { return m_hasInfo; }
    const hub::ModelInfo &modelInfo() const { return m_info; }
    // The hub's answer: "Looking up…" while it comes, then the info or the error (a model that
    // needs a token blocks Next and offers to add one).
    void setLookingUp(const QString &model);
    void showLookupError(const Error &error);
    bool needsToken() const;
    void setTokenAvailable(bool available);
    // Whether the model fits the target chosen on the Hardware step; empty text hides the badge.
    void setTargetFit(bool fits, const QString &text);
    // The same with a text rendered again when the language changes.
    void setTargetFit(bool fits, std::function<QString()> text);

signals:
    void searchRequested(const QString &source, const QString &query);
    void inspectRequested(const QString &source, const QString &id, const QString &revision);
    void addTokenRequested(const QString &source);
    // The user chose a quantization variant (a GGUF file).
    void variantChosen(const QString &variant);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class DetailState
    {
        Empty,
        LookingUp,
        Info,
        Error
    };

    void retranslateUi();
    void showDetails();
    void updateRowTexts(int row);
    void showNoMatch();
    void scheduleSearch();
    void chooseResult(int row);
    void updateGatedState();
    void rebuildVariants();

    QComboBox *m_source;
    QLineEdit *m_modelId;
    QPushButton *m_browse;
    QTableView *m_results;
    QStandardItemModel *m_resultModel;
    QGroupBox *m_details;
    QLabel *m_detailTitle;
    QLabel *m_detailFacts;
    QLabel *m_fitBadge;
    QLabel *m_variantsLabel;
    QLabel *m_revisionLabel;
    QLabel *m_sourceLabel;
    QLabel *m_modelLabel;
    QWidget *m_variants;
    QHBoxLayout *m_variantLayout;
    QButtonGroup *m_variantGroup;
    QLineEdit *m_revision;
    QTimer m_searchTimer;
    hub::ModelInfo m_info;
    bool m_hasInfo = false;
    // The commit a profile pinned the model to, kept until another model is looked up.
    QString m_pinnedId, m_pinnedSha;
    bool m_tokenAvailable = false;
    bool m_lookupNeedsToken = false;
    QString m_pendingVariant;
    // What the details pane shows, rendered again in a new language.
    DetailState m_detailState = DetailState::Empty;
    QString m_lookingUp;
    QList<hub::ModelSummary> m_summaries;
    bool m_fits = false;
    std::function<QString()> m_fitText;
};

} // namespace ezr::gui
