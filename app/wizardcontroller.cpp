// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizardcontroller.h"

#include "dialogs/settingsdialog.h"
#include "hub/inspectjob.h"
#include "mainwindow.h"
#include "pages/modelpage.h"
#include "secrets/secretstore.h"
#include "util/settings.h"

namespace ezr::gui {
namespace {

hub::SourceChoice sourceChoice(const QString &source)
{
    if (source == QLatin1String("modelscope"))
        return hub::SourceChoice::ModelScope;
    if (source == QLatin1String("local"))
        return hub::SourceChoice::Local;
    return hub::SourceChoice::HuggingFace;
}

} // namespace

WizardController::WizardController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    ModelPage *model = window->modelPage();
    connect(model, &ModelPage::inspectRequested, this, &WizardController::inspect);
    connect(window, &MainWindow::tokensChanged, this, [this] {
        // A token just added may open the model that needed one.
        if (m_last.needsToken)
            inspect(m_last.source, m_last.model, m_last.revision);
    });
}

WizardController::~WizardController()
{
    if (m_inspect)
        m_inspect->cancel();
}

hub::ModelRequest WizardController::hubAccess() const
{
    Settings &settings = m_window->settings();
    hub::ModelRequest request;
    if (!settings.hfEndpoint().isEmpty())
        request.hfEndpoint = settings.hfEndpoint();
    if (!settings.modelScopeEndpoint().isEmpty())
        request.modelScopeEndpoint = settings.modelScopeEndpoint();
    request.trustedMirrors = settings.trustedMirrors();
    request.cacheDir = settings.cacheDir();
    return request;
}

void WizardController::inspect(const QString &source, const QString &model, const QString &revision)
{
    m_last = { source, model, revision, false };
    if (m_inspect) {
        m_inspect->cancel();
        m_inspect = nullptr;
    }
    const quint64 generation = ++m_inspectGeneration;
    hub::ModelRequest request = hubAccess();
    request.model = model;
    request.source = sourceChoice(source);
    request.revision = revision == QLatin1String("main") ? QString() : revision;
    m_window->modelPage()->setLookingUp(model);
    secrets::SecretStore *secrets = m_window->secretStore();
    if (request.source == hub::SourceChoice::Local || !secrets) {
        startInspect(request);
        return;
    }
    // The token comes from the keychain; without one (or without a keychain) public models
    // still open.
    const QString key
        = SettingsDialog::tokenKey(source == QLatin1String("modelscope") ? source : QStringLiteral("hf"));
    secrets->read(key, this, [this, request, generation, source](const Result<QString> &token) mutable {
        if (generation != m_inspectGeneration)
            return;
        if (token.ok()) {
            if (source == QLatin1String("modelscope"))
                request.modelScopeToken = token.value();
            else
                request.hfToken = token.value();
        }
        startInspect(request);
    });
}

void WizardController::startInspect(hub::ModelRequest request)
{
    auto *job = new hub::InspectJob(std::move(request), this);
    m_inspect = job;
    const quint64 generation = m_inspectGeneration;
    connect(job, &Job::finished, this, [this, job, generation](const Status &status) {
        job->deleteLater();
        if (generation != m_inspectGeneration || status.error().isCancelled())
            return;
        m_inspect = nullptr;
        ModelPage *page = m_window->modelPage();
        if (status.ok()) {
            page->setModelInfo(job->info());
        } else {
            m_last.needsToken = status.error().code == ErrorCode::AuthRequired;
            page->showLookupError(status.error());
        }
        emit inspectFinished(status.ok());
    });
    job->start();
}

} // namespace ezr::gui
