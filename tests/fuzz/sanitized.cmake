# SPDX-License-Identifier: GPL-3.0-or-later
# The core's unit tests under AddressSanitizer + UndefinedBehaviorSanitizer, in the fuzz build
# (clang, core compiled with both): everything in tests/unit that needs neither the ezrunner
# program (cli, hwclitest, clihubtest) nor a window. One executable; each gtest case is a CTest
# test with the label `sanitize` (scripts/test.sh runs them after the fuzzers). Any report fails
# the test: ASan aborts, and UBSan too (-fno-sanitize-recover).
find_package(GTest REQUIRED)
find_package(Qt6 REQUIRED COMPONENTS Test)
include(GoogleTest)
set(unit ${PROJECT_SOURCE_DIR}/tests/unit)
set(support ${PROJECT_SOURCE_DIR}/tests/support)
add_executable(core_sanitized_tests
    ${support}/testmain.cpp ${support}/testenv.cpp ${support}/httpserver.cpp ${support}/tinygguf.cpp
    ${support}/engineflags.cpp ${support}/dockerfixture.cpp
    ${unit}/util/errortest.cpp ${unit}/util/formattest.cpp ${unit}/util/jobtest.cpp
    ${unit}/util/pipelinejobtest.cpp ${unit}/util/processrunnertest.cpp ${unit}/util/progresstest.cpp
    ${unit}/util/settingstest.cpp ${unit}/util/threadedjobtest.cpp
    ${unit}/hub/fixturehub.cpp ${unit}/hub/parserstest.cpp ${unit}/hub/inspecttest.cpp ${unit}/hub/nettest.cpp
    ${unit}/hub/downloadtest.cpp
    ${unit}/kit/kitparsetest.cpp ${unit}/kit/kitfilestest.cpp ${unit}/kit/kitstreamtest.cpp
    ${unit}/kit/smoketestparsetest.cpp
    ${unit}/dockerfile/dockerfilefixtures.cpp ${unit}/dockerfile/dockerfilegoldentest.cpp
    ${unit}/dockerfile/dockerfilegeneratortest.cpp ${unit}/dockerfile/engineflagstest.cpp
    ${unit}/dockerfile/buildcontexttest.cpp ${unit}/dockerfile/buildoutputtest.cpp
    ${unit}/dockerfile/dockerclienttest.cpp ${unit}/dockerfile/dockerendpointtest.cpp
    ${unit}/dockerfile/weightsimagetest.cpp ${unit}/dockerfile/pushoutputtest.cpp
    ${unit}/engine/catalogtest.cpp ${unit}/engine/estimatortest.cpp ${unit}/engine/modelfixtures.cpp
    ${unit}/engine/selectortest.cpp ${unit}/engine/manifeststest.cpp
    ${unit}/hardware/gpucatalogtest.cpp ${unit}/hardware/parserstest.cpp ${unit}/hardware/probejobtest.cpp
    ${unit}/hardware/reportjsontest.cpp
    ${unit}/profile/profiletest.cpp
    ${unit}/pack/packjobtest.cpp
    ${unit}/support/httpservertest.cpp ${unit}/support/tinygguftest.cpp)
target_include_directories(core_sanitized_tests PRIVATE ${support} ${unit}/hub ${unit}/dockerfile ${unit}/engine)
target_link_libraries(core_sanitized_tests PRIVATE ezrunner_core Qt6::Test Qt6::Network GTest::gtest
    GTest::gmock PkgConfig::ZSTD)
target_compile_definitions(core_sanitized_tests PRIVATE
    EZR_TEST_BINARY_ROOT="${PROJECT_BINARY_DIR}"
    EZR_TEST_SOURCE_ROOT="${PROJECT_SOURCE_DIR}"
    EZR_TEST_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
    EZR_EZRUNNER_EXECUTABLE="")
gtest_discover_tests(core_sanitized_tests
    DISCOVERY_TIMEOUT 120
    PROPERTIES LABELS sanitize TIMEOUT 300
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
