//===- JitKernel.h - A JIT-compiled block function with interpreted globals -===//
//
// See KernelKey.h: the machine code is shared by every scenario that differs only in param
// values, so it knows neither their values nor their sites. The globals are evaluated by the
// interpreter (bit-identical to compiled code), and a runtime error's site, local to the
// kernel, is translated back to the program's.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "runtime/host/CompiledKernel.h"
#include "runtime/host/LocalTilt.h"

namespace omen::llvmgen {

class JitKernel final : public rt::Kernel {
 public:
  JitKernel(std::unique_ptr<rt::Kernel> globals, rt::BlockFn block, std::vector<uint32_t> sites)
      : globals_(std::move(globals)), block_(block), sites_(std::move(sites)) {}
  const rt::ScenarioInfo& info() const override { return globals_->info(); }
  bool initGlobals(omen::Value* globals, const uint8_t* overridden, OmenError& error) const override {
    return globals_->initGlobals(globals, overridden, error);
  }
  bool runBlock(const omen::Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                OmenError& error, uint64_t& failedTrial,
                const std::atomic<bool>* cancel = nullptr, const OmenTilt* tilt = nullptr) const override {
    rt::LocalTilt local(tilt, sites_);
    uint32_t done = block_(globals, seed, first, count, outcomes, &error, reinterpret_cast<const uint8_t*>(cancel),
                           local.get());
    if (done == count) return true;
    if (error.code != OMEN_ERR_CANCELLED && error.site < sites_.size()) error.site = sites_[error.site];
    failedTrial = first + done;
    return false;
  }

 private:
  std::unique_ptr<rt::Kernel> globals_;  ///< the interpreter's kernel of the same scenario
  rt::BlockFn block_;
  std::vector<uint32_t> sites_;          ///< kernel site -> program site
};

}  // namespace omen::llvmgen
