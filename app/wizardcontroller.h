// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include "hub/inspectjob.h"
#include "hub/modelrequest.h"

namespace ezr::gui {

class MainWindow;

// Runs the core jobs the pages ask for and feeds their results back, the same jobs the CLI
// uses. One job of a kind at a time: a new request cancels the one in flight, whose result is
// then dropped. Everything is asynchronous; nothing waits on the GUI thread. Jobs are cancelled
// when the controller goes (with its window).
class WizardController : public QObject
{
    Q_OBJECT

public:
    explicit WizardController(MainWindow *window);
    ~WizardController() override;

    // Endpoints, mirrors and cache from the settings; tokens are added per request.
    hub::ModelRequest hubAccess() const;
    hub::InspectJob *inspectJob() const { return m_inspect; }

    void inspect(const QString &source, const QString &model, const QString &revision);

signals:
    // A model was looked up (for tests and the status of the next steps).
    void inspectFinished(bool ok);

private:
    void startInspect(hub::ModelRequest request);

    MainWindow *m_window;
    QPointer<hub::InspectJob> m_inspect;
    quint64 m_inspectGeneration = 0;
    struct LastLookup
    {
        QString source, model, revision;
        bool needsToken = false;
    } m_last;
};

} // namespace ezr::gui
