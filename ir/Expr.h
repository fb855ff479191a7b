//===- Expr.h - IR expressions: typed, slot-resolved, no names left -------===//
//
// An IR expression is one "fat" node: a kind, a result type and the few fields that kind
// uses. Every operand already has the type its operator needs (lowering inserted the
// IntToReal conversions), every name is a slot, every call is a builtin id (with its int or
// real form chosen) or a function index, and every operation that can fail at run time
// carries a site (an index into Module::sites). Evaluation order is the operand order:
// left to right, except that And/Or skip their right side and Select evaluates one branch.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "frontend/ast/Type.h"
#include "ir/LookupTable.h"
#include "core/Builtins.h"
#include "core/ReduceOp.h"

namespace omen::ir {

/// No site: the operation cannot fail.
inline constexpr uint32_t kNoSite = UINT32_MAX;

enum class ExprKind : uint8_t {
  Const,          ///< intValue (int, bool as 0/1) or realValue
  LoadGlobal,     ///< index: a global slot (consts, fixed params, pinned values)
  LoadSlot,       ///< index: a slot of the current frame (trial or function)
  EventHappened,  ///< index: an event of the scenario (bool)
  EventTime,      ///< index: an event; the `t` of its first trigger (int), -1 if none yet
  Clock,          ///< clock: `t` or `step` (int)
  Unary,          ///< unaryOp(operands[0])
  Binary,         ///< binaryOp(operands[0], operands[1]), both of one type
  And,            ///< short-circuit: operands[1] evaluated only if operands[0] is true
  Or,             ///< short-circuit: operands[1] evaluated only if operands[0] is false
  Select,         ///< operands[0] ? operands[1] : operands[2], one branch evaluated
  CallBuiltin,    ///< builtin(operands...), in its int form if intForm
  CallFunction,   ///< function index(operands...)
  IntToReal,      ///< the exact-or-nearest double of an int
  LoadElement,    ///< index: an array; element operands[0] (int), checked against the length (site)
  ArrayLength,    ///< index: an array; its length (int)
  Reduce,         ///< index: an array; reduceOp over all its elements in index order (site)
  Lookup,         ///< the value of `table` (ir/LookupTable.h) at the key operands' bits
};

/// Any/All/Count take a bool array; Sum/Min/Max an int or real one (result of that type);
/// Mean any number array (real). Sum of ints is checked for overflow, and Min, Max and Mean
/// of an empty array are errors (site). Reals are summed left to right, so engines agree.
using omen::ReduceOp;
using omen::spelling;

enum class UnaryOp : uint8_t { Neg, Not };

/// `^` is not here: it lowers to the `pow` builtin so that every engine uses one function.
/// Add/Sub/Mul on ints are checked for overflow (site); Div is always real and checks for a
/// zero divisor (site). Comparisons take two ints, two reals, or (Eq/Ne) two bools.
enum class BinaryOp : uint8_t { Add, Sub, Mul, Div, Eq, Ne, Lt, Le, Gt, Ge };

enum class Clock : uint8_t { GlobalStep, PhaseStep };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind;
  Type type;
  UnaryOp unaryOp = UnaryOp::Neg;
  BinaryOp binaryOp = BinaryOp::Add;
  Clock clock = Clock::GlobalStep;
  ReduceOp reduceOp = ReduceOp::Any;
  BuiltinId builtin = BuiltinId::Count;
  bool intForm = false;      ///< CallBuiltin of an N builtin: the int64 form (`symbol_i`)
  uint32_t index = 0;        ///< slot, global, event or function index
  uint32_t site = kNoSite;   ///< for operations that can fail
  int64_t intValue = 0;
  double realValue = 0;
  std::vector<ExprPtr> operands;
  std::shared_ptr<const LookupTable> table;  ///< Lookup: shared by clones, never changed

  Expr(ExprKind k, Type t) : kind(k), type(t) {}
  ExprPtr clone() const;

  static bool isComparison(BinaryOp op) { return op >= BinaryOp::Eq; }
};

// Constructors, so that lowering and hand-written tests read the same way.
ExprPtr makeInt(int64_t v);
ExprPtr makeReal(double v);
ExprPtr makeBool(bool v);
ExprPtr makeLoadGlobal(uint32_t global, Type t);
ExprPtr makeLoadSlot(uint32_t slot, Type t);
ExprPtr makeEventHappened(uint32_t event);
ExprPtr makeEventTime(uint32_t event);
ExprPtr makeClock(Clock c);
ExprPtr makeUnary(UnaryOp op, ExprPtr x, uint32_t site = kNoSite);
/// The result type follows from the operator and operand type (comparisons give bool).
ExprPtr makeBinary(BinaryOp op, ExprPtr a, ExprPtr b, uint32_t site = kNoSite);
ExprPtr makeAnd(ExprPtr a, ExprPtr b);
ExprPtr makeOr(ExprPtr a, ExprPtr b);
ExprPtr makeSelect(ExprPtr c, ExprPtr a, ExprPtr b);
ExprPtr makeCallBuiltin(BuiltinId id, bool intForm, std::vector<ExprPtr> args, uint32_t site);
ExprPtr makeCallFunction(uint32_t function, Type ret, std::vector<ExprPtr> args);
ExprPtr makeIntToReal(ExprPtr x);
ExprPtr makeLoadElement(uint32_t array, Type t, ExprPtr index, uint32_t site);
ExprPtr makeArrayLength(uint32_t array);
ExprPtr makeReduce(ReduceOp op, uint32_t array, Type t, uint32_t site);
/// `table`'s value (of type `t`) at the key `key`, one operand per key cell.
ExprPtr makeLookup(std::shared_ptr<const LookupTable> table, std::vector<ExprPtr> key, Type t);

/// The result type of builtin `id` in the given form (int form only matters for N builtins).
Type builtinResultType(BuiltinId id, bool intForm);
/// The type argument `i` of builtin `id` takes in the given form.
Type builtinArgType(BuiltinId id, bool intForm, size_t i);

/// "add", "lt", … as in the textual IR.
const char* spelling(BinaryOp op);

}  // namespace omen::ir
