//===- AotLibraries.h - What `omen build` links an executable with ---------===//
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace omen::llvmgen {

/// The libraries linked into every `omen build` executable: $OMEN_AOT_LIBS if set, else the
/// list baked in by backend/CMakeLists.txt, whose entries relative to an omen tree (the folder
/// above bin/ or lib/) resolve against the tree holding the running code. So the build tree
/// and an installed tree each link their own copies.
std::vector<std::string> aotLibraries();

/// The file holding omen's code in this process: bin/omen (omen linked statically) or
/// lib/libomen.so (an embedder, Python), never the python3 executable.
std::filesystem::path omenCodeFile();

}  // namespace omen::llvmgen
