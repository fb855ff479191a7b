//===- TieredKernel.h - The auto engine: interpreter first, JIT once it pays -===//
//
// A run on `--engine auto` (the default) starts on the interpreter at once and moves to the
// JIT kernel only when the run turns out long enough to pay for compiling it:
//   - a kernel this process already compiled, or one in the disk cache (KernelCache.h), is
//     used from the first block (loading it costs milliseconds);
//   - otherwise blocks run on the interpreter, and once the interpreter has spent
//     kTierUpSeconds on this kernel (summed over threads) the kernel is compiled on a
//     background thread; blocks that start after it is ready run on it. The compiled kernel
//     lands in the process's and the disk cache, so the next run starts on it.
// This is exact: the engines are bit-identical trial by trial and the driver merges blocks in
// block order, so which block ran where does not show in any result.
//
// A run that ends before the compile is needed never starts one. The compile belongs to its
// kernel: when the kernel is destroyed (the command's runs are over, or Ctrl-C ended them)
// a compile still running is abandoned -- it stops at its next checkpoint (between
// optimization passes, or before code generation) and keeps nothing -- and joined, so no
// thread is left inside LLVM when the process exits. A compile that fails leaves the run on
// the interpreter (the results are the same).
//
// For tests only: OMEN_AUTO_SWITCH_TRIAL=N runs trials below index N on the interpreter and
// trials from N on on the JIT kernel, compiling it at once and waiting for it, so a run
// switches engines at a known trial, inside a block if N falls there.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>

#include "ir/Module.h"
#include "runtime/host/Kernel.h"

namespace omen::backend {

/// Interpreter time (seconds, summed over threads) after which a kernel is JIT-compiled:
/// about a tenth of a typical compile, so a run that needs no compile loses nothing, and one
/// that does spends at most this long on the slower engine before the compile begins.
inline constexpr double kTierUpSeconds = 0.03;

/// While one lives, a background compile whose kernels are all gone runs on to completion
/// (into the process's and the disk cache) instead of being abandoned, so that the next run
/// of a long-lived session starts compiled; destroying it abandons and joins what still
/// runs. An omen::Session (the REPL's engine) holds one; `omen run`
/// does not, as nothing would use the kernel after it. Counted: the compiles are let go when
/// the last one is destroyed.
class KeepBackgroundCompiles {
 public:
  KeepBackgroundCompiles();
  ~KeepBackgroundCompiles();
  KeepBackgroundCompiles(const KeepBackgroundCompiles&) = delete;
  KeepBackgroundCompiles& operator=(const KeepBackgroundCompiles&) = delete;
};

/// Scenario `scenario` of `module` on the auto engine. Null with `error` only on an internal
/// error.
std::unique_ptr<rt::Kernel> compileTiered(const ir::Module& module, const ir::Scenario& scenario, std::string& error);

}  // namespace omen::backend
