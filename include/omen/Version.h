//===- Version.h - The one version of omen ---------------------------------===//
//
// CMakeLists.txt reads OMEN_VERSION from this line for project(VERSION), so the version the
// tools print, the JSON's omen_version and the installed package's version are this one.
//
//===----------------------------------------------------------------------===//
#pragma once

#define OMEN_VERSION "0.1.0"

namespace omen {
inline constexpr const char* kVersion = OMEN_VERSION;
}  // namespace omen
