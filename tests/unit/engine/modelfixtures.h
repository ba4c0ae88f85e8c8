// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/engineselector.h"
#include "hardware/hardwarereport.h"
#include "hub/modelinfo.h"

namespace ezr::test {

// ModelInfos as the hub module gives them, from the real config.json files in
// tests/fixtures/engine and the models' exact parameter counts.
hub::ModelInfo llama31_8b();
hub::ModelInfo qwen25_7b();
hub::ModelInfo qwen25_05b();
hub::ModelInfo mixtral_8x7b();
hub::ModelInfo deepseekV2Lite();
hub::ModelInfo deepseekV3();
hub::ModelInfo qwen25_7bAwq();
hub::ModelInfo llama31_8bGgufQ4();

engine::EngineCatalog builtinCatalog();
hardware::HardwareReport target(const QString &gpuSpec);
// An imported report with `count` NVIDIA GPUs.
hardware::HardwareReport nvidiaTarget(const QString &name, int count, qint64 memoryMiB, const QString &cc,
    const QString &driver = {}, const QString &cuda = {});

} // namespace ezr::test
