# OmenPackage.cmake - omen as an installable package.
#
#   cmake --install build --prefix P   installs
#     P/bin/omen                      the command
#     P/share/omen/stdlib/std/*.omen  the standard library (stdlib/CMakeLists.txt)
#     P/include/omen/*.h              the public API (self-contained: it includes nothing else)
#     P/lib/libomen.so                the public API's implementation, for embedders and Python
#     P/lib/omen/*.a                  what `omen build` links executables with
#     P/lib/cmake/omen/               find_package(omen) -> the target omen::omen
#
# libomen.so holds every omen library whole, so an embedder links one file and needs none of
# omen's build dependencies' CMake packages; it finds the stdlib and the `omen build`
# libraries relative to itself (frontend/sema/StdlibLocation.cpp,
# backend/llvm/AotLibraries.cpp).
include(CMakePackageConfigHelpers)

set(omen_whole_libs omen_api omen_cli omen_analysis omen_backend omen_ir omen_frontend omen_grammar omen_runtime_host
    omen_runtime_kernel omen_core)
# Not add_library(omen ...): `omen` is the command's target. The file is libomen.so and the
# exported target omen::omen.
add_library(omen_shared SHARED ${PROJECT_SOURCE_DIR}/cmake/empty.cpp)
set_target_properties(omen_shared PROPERTIES
  OUTPUT_NAME omen EXPORT_NAME omen
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)
# Whole archives: the public API's functions are defined across these libraries and nothing
# inside libomen.so calls some of them (e.g. omen::formatRun), so the linker must not drop
# them. The plain link after the whole archives brings their own dependencies (libLLVM,
# the ANTLR runtime, fmt, threads).
set(omen_whole_files)
foreach(lib ${omen_whole_libs})
  list(APPEND omen_whole_files $<TARGET_FILE:${lib}>)
endforeach()
target_link_libraries(omen_shared PRIVATE "-Wl,--whole-archive" ${omen_whole_files}
                      "-Wl,--no-whole-archive" ${omen_whole_libs})
add_dependencies(omen_shared ${omen_whole_libs})
target_include_directories(omen_shared INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:include>)
target_compile_features(omen_shared INTERFACE cxx_std_20)
add_library(omen::omen ALIAS omen_shared)

install(TARGETS omen_shared EXPORT omenTargets
        LIBRARY DESTINATION lib
        INCLUDES DESTINATION include)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/omen DESTINATION include FILES_MATCHING PATTERN "*.h")
install(TARGETS ${OMEN_AOT_LIB_TARGETS} ARCHIVE DESTINATION lib/omen)

install(EXPORT omenTargets NAMESPACE omen:: DESTINATION lib/cmake/omen)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/omenConfig.cmake.in
  ${CMAKE_BINARY_DIR}/cmake/omenConfig.cmake INSTALL_DESTINATION lib/cmake/omen)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/omenConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/omenConfig.cmake ${CMAKE_BINARY_DIR}/cmake/omenConfigVersion.cmake
        DESTINATION lib/cmake/omen)
