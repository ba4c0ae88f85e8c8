// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QList>
#include <QTimer>

#include "hub/modelinfo.h"
#include "profile/profile.h"
#include "util/error.h"
#include "wizardpage.h"

class QButtonGroup;
class QComboBox;
class QFrame;
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
    // Shows a profile's model choice (File > Open, New) without asking for anything.
    void showChoice(const profile::ModelChoice &choice);

    QString modelId() const;
    void setModelId(const QString &id);
    hub::SourceKind source() const;
    void setSource(hub::SourceKind source);
    QString revision() const;
    // The quantization variant shown as chosen ("Q4_K_M"); empty when the model has one or none.
    QString variant() const;
    // Checks the chip of a variant (the session's choice, or the plan's) without a request.
    void showVariant(const QString &name);
    // The id clients send as "model" when it is not the model's own (empty: the model's id).
    QString servedName() const;
    void showServedName(const QString &name);

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
    // No way to the hub at `endpoint` (offline, a firewall): says so on the page and offers the
    // other hub, a mirror, a local folder or the HF cache, and trying again. Hidden once results
    // or a model's facts arrive, or the user picks another source.
    void showHubUnreachable(hub::SourceKind source, const QString &endpoint);
    bool isHubUnreachableShown() const;
    // Whether the model fits the target chosen on the Hardware step; empty text hides the badge.
    void setTargetFit(bool fits, const QString &text);
    // The same with a text rendered again when the language changes.
    void setTargetFit(bool fits, std::function<QString()> text);

signals:
    // The user changed the source, the model id or the revision (not looked up yet).
    void modelEdited(ezr::hub::SourceKind source, const QString &id, const QString &revision);
    void searchRequested(ezr::hub::SourceKind source, const QString &query);
    void inspectRequested(ezr::hub::SourceKind source, const QString &id, const QString &revision);
    void addTokenRequested(ezr::hub::SourceKind source);
    // The user chose a quantization variant ("Q4_K_M").
    void variantChosen(const QString &quantization);
    // The user chose a mirror for `source`; the receiver remembers it before the page searches
    // again.
    void hubEndpointChosen(ezr::hub::SourceKind source, const QString &url);
    // The user gave the served name (a valid id) or cleared it.
    void servedNameChosen(const QString &name);

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
    void hideHubUnreachable();
    void retranslateUnreachable();
    void chooseMirror();
    void retryHub();

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
    QLabel *m_servedNameLabel;
    QLineEdit *m_servedName;
    bool m_servedNameInvalid = false;
    QTimer m_searchTimer;
    void emitEdited();

    QFrame *m_unreachable;
    QLabel *m_unreachableText;
    QPushButton *m_otherHub;
    QPushButton *m_mirror;
    QPushButton *m_localFolder;
    QPushButton *m_retry;
    hub::SourceKind m_unreachableSource = hub::SourceKind::HuggingFace;
    QString m_unreachableEndpoint;

    hub::ModelInfo m_info;
    bool m_hasInfo = false;
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
