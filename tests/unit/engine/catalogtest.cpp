// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "engine/enginecatalog.h"
#include "modelfixtures.h"

using namespace ezr;
using namespace ezr::engine;

TEST(EngineCatalog, BuiltinHasEveryEngineAndAccelerator)
{
    const EngineCatalog catalog = test::builtinCatalog();
    for (const QString &name : EngineCatalog::engineNames()) {
        const EngineSpec *e = catalog.engine(name);
        ASSERT_NE(e, nullptr) << name.toStdString();
        EXPECT_FALSE(e->healthPath.isEmpty());
        EXPECT_EQ(e->port, 8080);
        EXPECT_FALSE(e->args.isEmpty());
        EXPECT_FALSE(e->entrypoint.isEmpty());
        for (const EngineImage &image : e->images) {
            EXPECT_FALSE(image.image.endsWith(QLatin1String(":latest")))
                << "pinned: " << image.image.toStdString();
            EXPECT_TRUE(image.image.contains(QLatin1Char(':'))) << image.image.toStdString();
            if (image.accelerator == Accelerator::Cuda) {
                EXPECT_FALSE(image.cudaVersion.isEmpty()) << image.image.toStdString();
            }
        }
    }
    const EngineSpec *llama = catalog.engine(QStringLiteral("llamacpp"));
    for (Accelerator a : { Accelerator::Cpu, Accelerator::Cuda, Accelerator::Rocm, Accelerator::Vulkan })
        EXPECT_EQ(llama->imagesFor(a).size(), 1) << acceleratorName(a).toStdString();
    EXPECT_EQ(catalog.engines().first().name, QStringLiteral("vllm"));
    EXPECT_EQ(catalog.engines().last().name, QStringLiteral("transformers"));
}

TEST(EngineCatalog, ImageOverrides)
{
    EngineCatalog catalog = test::builtinCatalog();
    auto parsed = parseImageOverrides({ QStringLiteral("vllm=registry.local:5000/vllm-openai:v0.11.0") });
    ASSERT_TRUE(parsed.ok());
    ASSERT_TRUE(catalog.applyImageOverrides(*parsed).ok());
    for (const EngineImage &i : catalog.engine(QStringLiteral("vllm"))->images) {
        EXPECT_EQ(i.image, QStringLiteral("registry.local:5000/vllm-openai:v0.11.0"));
        EXPECT_TRUE(i.overridden);
    }
    for (const char *bad : { "vllm", "=img", "nosuch=img", "vllm=", "vllm=a b" })
        EXPECT_EQ(parseImageOverrides({ QLatin1String(bad) }).error().code, ErrorCode::Usage) << bad;
    EXPECT_FALSE(catalog.applyImageOverrides({ { QStringLiteral("nosuch"), QStringLiteral("x:1") } }).ok());
}

TEST(EngineCatalog, RejectsBrokenFiles)
{
    EXPECT_FALSE(EngineCatalog::fromJson("{").ok());
    EXPECT_FALSE(EngineCatalog::fromJson(R"({"engines": []})").ok());
    EXPECT_FALSE(EngineCatalog::fromJson(R"({"engines": [{"name": "vllm", "formats": ["safetensors"],
        "images": [{"accelerator": "tpu", "image": "x:1"}]}]})")
                     .ok());
}

TEST(EngineCatalog, EverySummaryOfTheBuiltinCatalogIsTranslatable)
{
    const EngineCatalog catalog = test::builtinCatalog();
    const QStringList translatable = EngineCatalog::translatableSummaries();
    QStringList summaries;
    for (const EngineSpec &engine : catalog.engines()) {
        EXPECT_TRUE(translatable.contains(engine.summary))
            << engine.name.toStdString()
            << ": add its summary to kSummaries in core/engine/enginecatalog.cpp";
        summaries << engine.summary;
    }
    for (const QString &summary : translatable)
        EXPECT_TRUE(summaries.contains(summary)) << "no engine says: " << summary.toStdString();
    // Text that is not the catalog's is shown as written.
    EXPECT_EQ(
        EngineCatalog::translatedSummary(QStringLiteral("My own engine.")), QStringLiteral("My own engine."));
}
