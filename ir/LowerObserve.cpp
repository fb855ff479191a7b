//===- LowerObserve.cpp - `observe` becomes a Factor on the trial's log weight ===//
//
// Hard evidence `observe c` adds 0 or -inf (weight 1 or 0); soft evidence `observe x ~ D(a)`
// adds D's log density at x, computed by D's Density row of core/Builtins.def. The trial's
// log weight is a runtime concept (OmenTrialContext::logWeight) that any Factor adds to.
//
//===----------------------------------------------------------------------===//
#include <limits>

#include "ir/Lowerer.h"

namespace omen::ir::lowering {

void Lowerer::observe(const ast::ObserveStmt& o, Block& out) {
  weighted_ = true;
  uint32_t at = site(o.range, "observe");
  if (!o.dist) {
    ExprPtr cond = exprAs(*o.value, Type::Bool);
    out.push_back(makeFactor(
        makeSelect(std::move(cond), makeReal(0.0), makeReal(-std::numeric_limits<double>::infinity())), at));
    return;
  }
  const ast::CallExpr& d = *o.dist;
  std::optional<BuiltinId> density = d.builtin >= 0 ? densityOf(BuiltinId(d.builtin)) : std::nullopt;
  if (!density) {
    fail("observe of '" + d.callee + "', which has no density");
    return;
  }
  // The density's arguments: the value, then the distribution's own.
  std::vector<ExprPtr> args;
  args.push_back(exprAs(*o.value, builtinArgType(*density, false, 0)));
  for (size_t i = 0; i < d.args.size(); ++i) args.push_back(exprAs(*d.args[i], builtinArgType(*density, false, i + 1)));
  // The site is the distribution's, named after it: argument errors then read as the sampler's.
  uint32_t dist = site(d.range, d.callee);
  out.push_back(makeFactor(makeCallBuiltin(*density, false, std::move(args), dist), at));
}

}  // namespace omen::ir::lowering
