//===- ParamValue.h - Reading a `--set name=value` value --------------------===//
#pragma once

#include <string>

#include "omen/Results.h"

namespace omen::rt {

/// Reads `text` as a value of `type`, with the language's literal rules: `true`/`false` for
/// bool; an integer (`1_000`, or an integral real such as `1e6`) for int; any number or a
/// percent (`5%` is 0.05) for real. Returns false with `error` saying what was expected.
bool parseParamValue(const std::string& text, ValueType type, Value& value, std::string& error);

}  // namespace omen::rt
