# SPDX-License-Identifier: GPL-3.0-or-later
# The core's unit tests under AddressSanitizer + UndefinedBehaviorSanitizer, in the fuzz build
# (clang, core compiled with both): everything in tests/unit that needs neither the ezrunner
# program (cli, hwclitest, clihubtest) nor a window. One executable; each gtest case is a CTest
# test with the label `sanitize` (scripts/test.sh runs them after the fuzzers). Any report fails
# the test: ASan aborts, and UBSan too (-fno-sanitize-recover).
find_package(GTest REQUIRED)
find_package(Qt6 REQUIRED COMPONENTS Test Network)
include(GoogleTest)
include(${PROJECT_SOURCE_DIR}/cmake/EzrSanitizedTests.cmake)
set(unit ${PROJECT_SOURCE_DIR}/tests/unit)
ezr_add_sanitized_tests(core_sanitized_tests
    INCLUDE_DIRS ${unit}/hub ${unit}/dockerfile ${unit}/engine
    SOURCES
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
gtest_discover_tests(core_sanitized_tests
    DISCOVERY_TIMEOUT 120
    PROPERTIES LABELS sanitize TIMEOUT 300
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
