//===- Assets.h - The web pages' files, compiled into omen -------------------===//
//
// web/assets/*.{html,css,js} and the editor grammar (editors/vscode), embedded at build time
// by web/WriteAssets.cmake: a page never depends on files found at run time.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string_view>

namespace omen::web {

/// The file `name` of web/assets/ (or "omen.tmLanguage.json"); empty if there is none.
std::string_view asset(std::string_view name);

}  // namespace omen::web
