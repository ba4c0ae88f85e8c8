# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language standard, Qt's strictness defines and the warnings,
# so every library, executable and test is built the same way.
add_library(ezrunner_build_cfg INTERFACE)
target_compile_features(ezrunner_build_cfg INTERFACE cxx_std_20)
target_compile_definitions(ezrunner_build_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    # The API of Qt 6.4 (Debian 12), the oldest Qt supported: what later Qt versions deprecate
    # (Debian 13 has 6.8) is not a warning, so warnings stay errors on both.
    QT_WARN_DEPRECATED_UP_TO=0x060400
    QT_DEPRECATED_WARNINGS_SINCE=0x060400
    EZR_VERSION="${PROJECT_VERSION}")
target_compile_options(ezrunner_build_cfg INTERFACE
    -Wall -Wextra -Wpedantic $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(EZR_WERROR)
    target_compile_options(ezrunner_build_cfg INTERFACE -Werror)
endif()
if(EZR_SANITIZE)
    target_compile_options(ezrunner_build_cfg INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(ezrunner_build_cfg INTERFACE -fsanitize=address,undefined)
endif()
if(EZR_FUZZ)
    # Coverage for libFuzzer in everything; the fuzzer's main is linked into the harnesses only.
    target_compile_options(ezrunner_build_cfg INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(ezrunner_build_cfg INTERFACE -fsanitize=address,undefined)
endif()
