// SPDX-License-Identifier: GPL-3.0-or-later
// The gtest main of every test executable. The Qt application is created lazily, in a gtest
// Environment, so that `--gtest_list_tests` (run by gtest_discover_tests at build time, without
// the test environment) never needs a display or a D-Bus session.
#include <memory>

#include <gtest/gtest.h>

#ifdef EZR_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

#include "testenv.h"

namespace {

class QtEnvironment : public ::testing::Environment
{
public:
    QtEnvironment(int &argc, char **argv)
        : m_argc(argc)
        , m_argv(argv)
    { }

    void SetUp() override
    {
#ifdef EZR_TEST_GUI
        // Widget tests run offscreen unless a platform (xcb on Xvfb) was asked for.
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
        ezr::test::prepareProcessEnvironment();
        QCoreApplication::setOrganizationName(QStringLiteral("EzRunnerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("ezrunner-tests"));
        QCoreApplication::setApplicationVersion(QStringLiteral(EZR_VERSION));
        m_app = std::make_unique<TestApplication>(m_argc, m_argv);
    }
    void TearDown() override
    {
        m_app.reset();
    }

private:
    int &m_argc;
    char **m_argv;
    std::unique_ptr<TestApplication> m_app;
};

} // namespace

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new QtEnvironment(argc, argv));
    return RUN_ALL_TESTS();
}
