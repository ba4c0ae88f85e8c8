# SPDX-License-Identifier: GPL-3.0-or-later
# A test executable for a sanitizer build (the fuzz preset's ASan + UBSan, the tsan preset): the
# test support sources these tests use and the unit test sources given, linked to ezrunner_core,
# with the paths tests/support expects. There is no ezrunner program in these builds, so tests
# that run it are not in such an executable.
#   ezr_add_sanitized_tests(NAME SOURCES file... [INCLUDE_DIRS dir...])
function(ezr_add_sanitized_tests name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;INCLUDE_DIRS")
    set(support ${PROJECT_SOURCE_DIR}/tests/support)
    add_executable(${name}
        ${support}/testmain.cpp ${support}/testenv.cpp ${support}/httpserver.cpp
        ${support}/tinygguf.cpp ${support}/engineflags.cpp ${support}/dockerfixture.cpp
        ${arg_SOURCES})
    target_include_directories(${name} PRIVATE ${support} ${arg_INCLUDE_DIRS})
    target_link_libraries(${name} PRIVATE ezrunner_core Qt6::Test Qt6::Network GTest::gtest
        GTest::gmock PkgConfig::ZSTD)
    target_compile_definitions(${name} PRIVATE
        EZR_TEST_BINARY_ROOT="${PROJECT_BINARY_DIR}"
        EZR_TEST_SOURCE_ROOT="${PROJECT_SOURCE_DIR}"
        EZR_TEST_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        EZR_EZRUNNER_EXECUTABLE="")
endfunction()
