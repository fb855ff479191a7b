//===- InterpKernel.cpp - rt::Kernel over the compact form -------------------===//
#include "backend/ScenarioInfo.h"
#include "backend/interp/Compile.h"
#include "backend/interp/Interpreter.h"
#include "backend/interp/Machine.h"

namespace omen::interp {
namespace {

class InterpKernel final : public rt::Kernel {
 public:
  InterpKernel(const ir::Module& m, const ir::Scenario& s) : code_(compile(m, s)), info_(backend::scenarioInfo(m, s)) {}

  const rt::ScenarioInfo& info() const override { return info_; }

  bool initGlobals(Value* globals, const uint8_t* overridden, OmenError& error) const override {
    Machine machine(code_, globals);
    if (machine.initGlobals(globals, overridden)) return true;
    error = machine.ctx().error;
    return false;
  }

  bool runBlock(const Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                OmenError& error, uint64_t& failedTrial,
                const std::atomic<bool>* cancel = nullptr, const OmenTilt* tilt = nullptr) const override {
    Machine machine(code_, globals, cancel, tilt);
    size_t width = rt::outcomeWidth(info_);
    for (uint32_t k = 0; k < count; ++k) {
      if (!machine.runTrial(seed, first + k, outcomes + k * width)) {
        error = machine.ctx().error;
        failedTrial = first + k;
        return false;
      }
    }
    return true;
  }

 private:
  Code code_;
  rt::ScenarioInfo info_;
};

}  // namespace

std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& m, const ir::Scenario& s, std::string& error) {
  return std::make_unique<InterpKernel>(m, s);
}

std::unique_ptr<rt::Kernel> compileScenario(const ir::Module& m, const ir::Scenario& s) {
  std::string error;
  return compileScenario(m, s, error);
}

}  // namespace omen::interp
