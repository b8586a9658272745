# One INTERFACE target that carries the language standard, warnings and the
# Qt defines every target of the project is built with.
add_library(fouad_common INTERFACE)
add_library(Fouad::Common ALIAS fouad_common)

target_compile_features(fouad_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(fouad_common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)

target_compile_definitions(fouad_common INTERFACE
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_RESTRICTED_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    FOUAD_VERSION="${PROJECT_VERSION}")
