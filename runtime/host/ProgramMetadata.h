//===- ProgramMetadata.h - What a built executable knows of its program -------===//
//
// The scenario descriptions and error sites an `omen build` executable carries as the JSON
// text omen_aot_metadata (aot/AotAbi.h): written by `omen build` (backend/llvm/Aot.cpp) and
// read by the executable (aot/AotMain.cpp) through this one codec, so the two field lists
// cannot drift apart (tests/unit/runtime/ProgramMetadataTest.cpp round-trips it).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/host/Kernel.h"

namespace omen::rt {

/// A source place as runtime errors print it: "file:line:col: ", the operation, the snippet.
struct SiteText {
  std::string where, what, snippet;
};

struct ScenarioMetadata {
  ScenarioInfo info;
  std::vector<uint32_t> reportSites;  ///< per report, its site (a failing report's place)
};

struct ProgramMetadata {
  std::string file;
  /// The first scenarioCount kernels are the scenarios, the rest their param samplers.
  size_t scenarioCount = 0;
  std::vector<ScenarioMetadata> scenarios;  ///< one per kernel
  std::vector<SiteText> sites;
};

std::string encodeMetadata(const ProgramMetadata& metadata);
/// False with `error` set if `text` is not metadata this codec wrote.
bool decodeMetadata(const std::string& text, ProgramMetadata& out, std::string& error);

}  // namespace omen::rt
