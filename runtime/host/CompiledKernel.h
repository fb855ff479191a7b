//===- CompiledKernel.h - A scenario compiled to machine code, as a Kernel --===//
//
// The C ABI of a compiled scenario (runtime/Kernel.h), shared by JIT-compiled
// kernels and `omen build` executables (backend/llvm/Emitter.h generates it):
//   globals: fills consts and fixed params, skipping overridden slots; 0 on error.
//   block:   runs trials [first, first + count); returns count, or the index within the
//            block of the first failing trial (error filled). `cancel` (may be null) is the
//            run's Ctrl-C flag as one byte, polled inside trials (OMEN_CANCEL_CHECK_INTERVAL).
//            `tilt` (may be null) is set into every trial's context (TrialContext.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <utility>
#include <vector>

#include "runtime/host/Kernel.h"

namespace omen::rt {

using GlobalsFn = int32_t (*)(Value* globals, const uint8_t* overridden, OmenError* error);
using BlockFn = uint32_t (*)(const Value* globals, uint64_t seed, uint64_t first, uint32_t count,
                             double* outcomes, OmenError* error, const uint8_t* cancel, const OmenTilt* tilt);

// The kernel reads the std::atomic<bool> as a plain byte (an atomic load in the generated code).
static_assert(sizeof(std::atomic<bool>) == 1 && std::atomic<bool>::is_always_lock_free, "cancel flag ABI");

class CompiledKernel final : public Kernel {
 public:
  CompiledKernel(ScenarioInfo info, GlobalsFn globals, BlockFn block)
      : info_(std::move(info)), globals_(globals), block_(block) {}

  const ScenarioInfo& info() const override { return info_; }

  bool initGlobals(Value* globals, const uint8_t* overridden, OmenError& error) const override {
    std::vector<uint8_t> none;
    if (!overridden) {
      none.assign(info_.globalCount, 0);
      overridden = none.data();
    }
    return globals_(globals, overridden, &error) != 0;
  }

  bool runBlock(const Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                OmenError& error, uint64_t& failedTrial,
                const std::atomic<bool>* cancel = nullptr, const OmenTilt* tilt = nullptr) const override {
    // An `omen build` object keeps the program's site numbers: the tilt needs no renumbering.
    uint32_t done = block_(globals, seed, first, count, outcomes, &error,
                           reinterpret_cast<const uint8_t*>(cancel), tilt);
    if (done == count) return true;
    failedTrial = first + done;
    return false;
  }

 private:
  ScenarioInfo info_;
  GlobalsFn globals_;
  BlockFn block_;
};

}  // namespace omen::rt
