//===- OutputGuard.h - What `-o` may replace ----------------------------------===//
//
// `omen emit -o` and `omen build -o` never replace the file they read or the omen executable
// that runs, whatever the flags; and they replace an existing file only if it is an
// executable omen built (`build`, rebuilding), or with --force.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

namespace omen::cli {

enum class OutputKind { Dump, Executable };

/// "" if `output` may be written, else the usage error saying why not.
std::string refuseOutput(const std::string& output, const std::string& input, OutputKind kind, bool force);

}  // namespace omen::cli
