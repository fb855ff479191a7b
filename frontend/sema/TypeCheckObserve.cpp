//===- TypeCheckObserve.cpp - `observe c` and `observe x ~ D(args)` ---------===//
#include "core/Builtins.h"
#include "frontend/sema/TypeChecker.h"

namespace omen::sema {

void TypeChecker::observe(ast::ObserveStmt& o) {
  if (!o.dist) {
    Type c = check(o.value);
    if (c != Type::Unknown && c != Type::Bool)
      ctx_.error(o.value->range, "`observe` needs a bool (what was seen), got " + aType(c) +
                                     (isNumeric(c) ? "; to weigh a value by a density write `observe x ~ normal(mu, sigma)`" : ""));
    return;
  }
  ast::CallExpr& d = *o.dist;
  d.type = call(d);
  if (d.builtin < 0) {
    if (d.function)
      ctx_.error(d.calleeRange, "'" + d.callee + "' is a function; `observe x ~ ...` needs a distribution");
    return;  // an unknown name is reported by the name resolver
  }
  const BuiltinInfo& dist = kBuiltins[d.builtin];
  if (!dist.isDistribution) {
    ctx_.error(d.calleeRange, "'" + d.callee + "' is not a distribution; `observe x ~ ...` needs one, e.g. normal(mu, 1)");
    return;
  }
  if (!densityOf(dist.id)) {
    ctx_.error(d.calleeRange, "'" + d.callee + "' has no density omen can observe; observe a condition instead, e.g. `observe k == 2`");
    return;
  }
  check(o.value);
  expect(o.value, d.type, "the observed value of '" + d.callee + "'");
}

}  // namespace omen::sema
