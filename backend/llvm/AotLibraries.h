//===- AotLibraries.h - What `omen build` links an executable with ---------===//
#pragma once

#include <string>
#include <vector>

namespace omen::llvmgen {

/// The libraries linked into every `omen build` executable: $OMEN_AOT_LIBS if set, else the
/// list baked in by backend/CMakeLists.txt, whose entries relative to an omen tree (the folder
/// above bin/ or lib/) resolve against the tree holding the running code. So the build tree
/// and an installed tree each link their own copies.
std::vector<std::string> aotLibraries();

}  // namespace omen::llvmgen
