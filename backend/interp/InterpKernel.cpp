//===- InterpKernel.cpp - rt::Kernel over the compact form -------------------===//
#include "backend/interp/Compile.h"
#include "backend/interp/Interpreter.h"
#include "backend/interp/Machine.h"

namespace omen::interp {
namespace {

ValueType valueType(Type t) {
  return t == Type::Bool ? ValueType::Bool : t == Type::Int ? ValueType::Int : ValueType::Real;
}

ReportKind reportKind(ir::ReportKind k) {
  switch (k) {
    case ir::ReportKind::Probability: return ReportKind::Probability;
    case ir::ReportKind::Mean: return ReportKind::Mean;
    case ir::ReportKind::Quantiles: return ReportKind::Quantiles;
  }
  return ReportKind::Mean;
}

class InterpKernel final : public rt::Kernel {
 public:
  InterpKernel(const ir::Module& m, const ir::Scenario& s) : code_(compile(m, s)) {
    info_.name = s.name;
    info_.globalCount = m.globalCount(s);
    for (const ir::Param& p : s.params)
      info_.params.push_back({p.name, valueType(p.type), p.uncertain, p.global, p.pinned, p.hasRange, p.lo, p.hi});
    for (const ir::Report& r : s.reports) info_.reports.push_back({r.label, reportKind(r.kind), r.given != nullptr, r.levels});
  }

  const rt::ScenarioInfo& info() const override { return info_; }

  bool initGlobals(Value* globals, const uint8_t* overridden, OmenError& error) const override {
    Machine machine(code_, globals);
    if (machine.initGlobals(globals, overridden)) return true;
    error = machine.ctx().error;
    return false;
  }

  bool runBlock(const Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                OmenError& error, uint64_t& failedTrial) const override {
    Machine machine(code_, globals);
    size_t width = code_.reports.size() * rt::kOutcomeWidth;
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
