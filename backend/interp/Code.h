//===- Code.h - The interpreter's compact form of a scenario ----------------===//
//
// Following Soufflé's interpreter (src/interpreter/Node.h), the interpreter does not walk the
// IR: it first compiles it into flat arrays with every choice made up front. Expressions are
// nodes in one vector, children referenced by index, with the operator specialised by type
// (AddI / AddR, LtI / LtR …) and builtins resolved to runtime function pointers tagged with
// their C signature. Statements become a linear instruction list with jumps. Slots are
// absolute indices into one frame: the trial's slots, then one static frame per function
// (functions cannot recurse, see ir/Verifier.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ir/LookupTable.h"
#include "runtime/host/Kernel.h"

namespace omen::interp {

enum class Op : uint8_t {
  // Leaves first: they read a value and cannot fail (see isLeaf).
  Const, LoadGlobal, LoadSlot, EventHappened, EventTime, ClockT, ClockStep,
  NegI, NegR, Not,
  AddI, SubI, MulI, AddR, SubR, MulR, DivR,
  EqI, NeI, LtI, LeI, GtI, GeI,
  EqR, NeR, LtR, LeR, GtR, GeR,
  EqB, NeB,
  And, Or, Select, IntToReal,
  // Builtin calls by C signature: result _ arguments (R double, I int64_t, B bool).
  CallR_R, CallR_RR, CallR_RRR, CallI_I, CallI_II, CallI_III, CallI_R, CallB_R, CallI_IR,
  CallR_BR, CallR_IR, CallR_IIR,  ///< log densities of the discrete distributions
  CallR_RRRR,  ///< four arguments: a = first list entry (argument nodes), b = 4
  CallI_Rv,  ///< variadic reals: a = first list entry, b = count
  CallR_Rv,  ///< the same, returning a real (metalog)
  CallFn,    ///< a = first list entry (argument nodes), b = count, c = function index
  LoadElem,  ///< a = array, b = index node; checked (site)
  LoadElemSlot,  ///< a = array, b = the frame slot holding the index (a loop variable); checked (site)
  ArrayLen,  ///< a = array
  Reduce,    ///< a = array, b = ir::ReduceOp, c = element type (ir Type); site
  Lookup,    ///< a = first list entry (key nodes), b = key width, c = table (Code::tables)
};

inline bool isLeaf(Op op) { return op <= Op::ClockStep; }

using AnyFn = void (*)();

struct Node {
  Op op;
  uint32_t site = UINT32_MAX;
  uint32_t a = 0, b = 0, c = 0;  ///< children (node indices), or slot / event / list indices
  Value imm{};                   ///< Const
  AnyFn fn = nullptr;            ///< Call*: the runtime function, cast back to its signature
};

enum class IOp : uint8_t {
  Store,        ///< frame[a] = eval(expr)
  StoreState,   ///< Store that also notes whether the value's bits changed (see ir/Quiescence.h)
  JumpIfFalse,  ///< if !eval(expr) goto a
  Jump,         ///< goto a
  WithProb,     ///< bernoulli(eval(expr)) at site; if false goto a
  Choice,       ///< WithProb in a phase that jumps over its hazards (ir/Hazards.h): also noted, or forced
  Trigger,      ///< event a
  End, Stop,
  Return,       ///< the function's value is eval(expr)
  StoreElem,    ///< array a, element eval(b) (checked at site) = eval(expr)
  TriggerElem,  ///< event array a (times in a + 1), element eval(b) (checked at site)
  ForTest,      ///< if !(frame[a] < frame[b]) goto expr: a `for` loop's entry (site: its length check)
  ForNext,      ///< ++frame[a]; if frame[a] < frame[b] goto expr: the back edge, which polls the cancel flag
  Factor,       ///< the trial's log weight += eval(expr) (omen_rt_factor, site)
  SplitPoint,   ///< omen_rt_split_point(eval(expr)); the trial ends where it returns 1
  Halt,         ///< end of a code sequence (a step finished normally)
};

struct Instr {
  IOp op;
  uint32_t a = 0;
  uint32_t expr = 0;
  uint32_t site = UINT32_MAX;
  uint32_t b = 0;
};

struct ArrayCode {
  uint32_t length = 0;  ///< node, reads globals only
  uint32_t site = UINT32_MAX;
};

struct FunctionCode {
  uint32_t entry = 0;      ///< first instruction
  uint32_t frameBase = 0;  ///< absolute frame index of its slot 0
  uint32_t argCount = 0;
};

struct GlobalCode {
  enum Kind : uint8_t { Eval, Uncertain, Pinned } kind;
  uint32_t slot;
  uint32_t expr = 0;  ///< Eval
  uint32_t pins = 0;  ///< Pinned: the Uncertain slot
};

struct PhaseCode {
  bool isFor = true;
  uint32_t count = 0;  ///< For: count node; Until: limit node
  uint32_t cond = 0;   ///< Until
  uint32_t body = 0;   ///< first instruction
  uint32_t site = UINT32_MAX;
  bool skipQuiescent = false;  ///< ir::Phase::skipQuiescent
  bool jumpsHazards = false;   ///< ir::Phase::jumpsHazards
};

struct ReportCode {
  uint32_t value = 0;
  bool hasGiven = false;
  uint32_t given = 0;
  uint32_t site = UINT32_MAX;
  Op valueKind;  ///< how to turn the value into a double: IntToReal for ints, Not for bools, Const for reals
};

struct Code {
  std::vector<Node> nodes;
  std::vector<uint32_t> lists;  ///< argument lists of CallFn / CallI_Rv / CallR_Rv
  std::vector<Instr> instrs;
  std::vector<FunctionCode> functions;
  std::vector<GlobalCode> globals;  ///< in evaluation order
  uint32_t trialInit = 0;
  std::vector<PhaseCode> phases;
  std::vector<ReportCode> reports;
  std::vector<ArrayCode> arrays;
  std::vector<std::shared_ptr<const ir::LookupTable>> tables;  ///< of Op::Lookup
  bool weighted = false;    ///< each trial's outcome row ends with its log weight (ir::Scenario::weighted)
  uint32_t trialSlots = 0;  ///< frame slots of the trial; functions' frames follow
  uint32_t frameSize = 0;
  uint32_t eventCount = 0;
  uint32_t maxArgs = 0;     ///< the longest argument list, for the scratch buffer
  uint32_t maxChoices = 0;  ///< the most choices one step of a phase that jumps reaches
};

}  // namespace omen::interp
