// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/log.h"

Q_LOGGING_CATEGORY(lcCore, "ezr.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "ezr.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHub, "ezr.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHardware, "ezr.hardware", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "ezr.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDockerfile, "ezr.dockerfile", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDocker, "ezr.docker", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKit, "ezr.kit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfile, "ezr.profile", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "ezr.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "ezr.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "ezr.gui", QtInfoMsg)
