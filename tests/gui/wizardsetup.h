// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "fixturehub.h"
#include "mainwindow.h"
#include "testenv.h"

namespace ezr::test {

// Points the wizard's settings at the fixture hub (both hubs, its address trusted as a mirror) and
// at the test home's model cache.
inline void useFixtureHub(gui::MainWindow &window, FixtureHub &hub, const TempHome &home)
{
    window.settings().setHfEndpoint(hub.endpoint());
    window.settings().setModelScopeEndpoint(hub.endpoint());
    window.settings().setTrustedMirrors({ QStringLiteral("127.0.0.1:%1").arg(hub.server().port()) });
    window.settings().setCacheDir(home.hfCacheDir());
}

// The whole-wizard runs (pipeline tests, stall bench): the fixture hub, `standin` as the
// transformers engine, no keychain, and the window shown.
inline void showWizardOnFixtures(
    gui::MainWindow &window, FixtureHub &hub, const TempHome &home, const QString &standin)
{
    useFixtureHub(window, hub, home);
    window.settings().setEngineImageOverrides({ { QStringLiteral("transformers"), standin } });
    window.setSecretStore(nullptr);
    window.show();
}

} // namespace ezr::test
