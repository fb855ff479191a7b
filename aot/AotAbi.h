//===- AotAbi.h - What an `omen build` object hands the AOT main -----------===//
//
// The object file `omen build` compiles defines three symbols, read by AotMain.cpp:
//   omen_aot_kernels   one {globals, block} pair of entry points per scenario (Emitter.h)
//   omen_aot_count     how many
//   omen_aot_metadata  a NUL-terminated JSON document: the file name, each scenario's
//                      rt::ScenarioInfo, and per site of the program its pre-rendered
//                      location ("file:line:col: "), its operation and its source snippet,
//                      so runtime errors read exactly as `omen run` prints them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

#include "runtime/host/CompiledKernel.h"

extern "C" {

typedef omen::rt::GlobalsFn OmenAotGlobalsFn;  // the kernel C ABI: runtime/CompiledKernel.h
typedef omen::rt::BlockFn OmenAotBlockFn;

struct OmenAotKernel {
  OmenAotGlobalsFn globals;
  OmenAotBlockFn block;
};

}  // extern "C"
