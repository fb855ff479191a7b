//===- ReduceOp.cpp - The reductions' names ---------------------------------===//
#include "core/ReduceOp.h"

namespace omen {

const char* spelling(ReduceOp op) {
  switch (op) {
    case ReduceOp::Any: return "any";
    case ReduceOp::All: return "all";
    case ReduceOp::Count: return "count";
    case ReduceOp::Sum: return "sum";
    case ReduceOp::Min: return "min";
    case ReduceOp::Max: return "max";
    case ReduceOp::Mean: return "mean";
  }
  return "?";
}

}  // namespace omen
