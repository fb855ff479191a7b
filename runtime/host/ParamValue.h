//===- ParamValue.h - Reading a `--set name=value` value --------------------===//
#pragma once

#include <string>

#include "omen/Results.h"
#include "runtime/host/Kernel.h"

namespace omen::rt {

/// Reads `text` as a value of `type`, with the language's literal rules: `true`/`false` for
/// bool; an integer (`1_000`, or an integral real such as `1e6`) for int; any number or a
/// percent (`5%` is 0.05) for real. Returns false with `error` saying what was expected.
bool parseParamValue(const std::string& text, ValueType type, Value& value, std::string& error);

/// A param's value from a double (a sampled quantile, a drawn world): reals as they are, ints
/// and bools truncated.
inline Value paramValue(const ParamInfo& p, double v) {
  Value out;
  if (p.type == ValueType::Real) out.r = v;
  else out.i = static_cast<int64_t>(v);
  return out;
}

}  // namespace omen::rt
