//===- Emitter.h - omen IR to LLVM IR, one scenario at a time --------------===//
//
// The kernel ABI every compiled scenario exports (C calling convention, Value = 8 bytes):
//
//   int32_t omen_globals_TAG(Value* globals, const uint8_t* overridden, OmenError* error);
//     1 on success; 0 with *error filled when a const or fixed param fails.
//   uint32_t omen_block_TAG(const Value* globals, uint64_t seed, uint64_t first,
//                           uint32_t count, double* outcomes, OmenError* error,
//                           const uint8_t* cancel);
//     runs trials [first, first + count) and returns count, or the index within the block of
//     the first failing trial (its error in *error; earlier trials' outcomes are written).
//     `cancel` (may be null) is polled inside trials (EmitCancel.cpp), or once per chunk of
//     trials where they run in vector lanes (EmitLanes.cpp).
//
// One call runs a whole block: the trial loop, the trial context and every slot live in the
// generated function, so after the runtime is inlined the trial state sits in registers.
// The emitted code follows the interpreter (backend/interp) step for step: evaluation order,
// draw order, and the first error with its site and values.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <llvm/IR/IRBuilder.h>
#include <llvm/Support/Error.h>

#include "ir/Module.h"

namespace llvm {
class AllocaInst;
class Function;
class Module;
}  // namespace llvm

namespace omen::llvmgen {

struct KernelSymbols {
  std::string globals;  ///< omen_globals_TAG
  std::string block;    ///< omen_block_TAG
};

class Emitter {
 public:
  /// `runtime` is the parsed runtime bitcode: builtin declarations copy its signatures so
  /// that calls match the definitions linked in later exactly.
  Emitter(llvm::Module& module, const llvm::Module& runtime, const ir::Module& program);

  /// Emits the two entry points of `scenario` (and the functions it calls).
  llvm::Expected<KernelSymbols> emitScenario(const ir::Scenario& scenario, const std::string& tag);

 private:
  /// Where the code being emitted keeps its state.
  struct Frame {
    llvm::Function* function = nullptr;
    llvm::Value* ctx = nullptr;      ///< OmenTrialContext*
    llvm::Value* globals = nullptr;  ///< Value*
    std::vector<llvm::AllocaInst*> slots;
    std::vector<llvm::AllocaInst*> eventHappened, eventTime;  ///< i1, i64 (-1: not yet)
    llvm::AllocaInst* t = nullptr;
    llvm::AllocaInst* step = nullptr;
    llvm::BasicBlock* fail = nullptr;      ///< an error is recorded in ctx
    llvm::BasicBlock* endTrial = nullptr;  ///< `end`
    llvm::BasicBlock* stopPhase = nullptr; ///< `stop`
    std::vector<llvm::Value*> arrayBase, arrayLength;  ///< per ir::Array: i64* and i64 (block function)
    llvm::AllocaInst* arrayMemory = nullptr;           ///< the block's malloc'ed elements, or null
    std::vector<Type> arrayType;                       ///< element types
    /// i1, set while emitting a phase that skips quiescent steps (ir/Quiescence.h): true
    /// once the current step changed a state or triggered a new event.
    llvm::AllocaInst* changed = nullptr;
    /// Set while emitting a phase that jumps over its hazards (ir/Hazards.h): the current
    /// step's choices ([N x double] probabilities, i32 count, i1 one succeeded) and the
    /// choice a jump picked to succeed in the step after it (i64, -1 for none).
    llvm::AllocaInst* choiceP = nullptr;
    llvm::AllocaInst* choices = nullptr;
    llvm::AllocaInst* choiceSucceeded = nullptr;
    llvm::AllocaInst* pick = nullptr;
    /// const uint8_t*: the block function's, passed on to the functions it calls (which
    /// poll inside `for` loops); null in the globals function.
    llvm::Value* cancel = nullptr;
    llvm::Value* untilCancelCheck = nullptr;  ///< i32* countdown to the next poll
    /// i1, set while emitting a trial that runs speculatively in vector lanes
    /// (ir/TrialLanes.h, EmitLanes.cpp): errors set it and the trial goes on.
    llvm::AllocaInst* failed = nullptr;
    llvm::AllocaInst* ahead = nullptr;  ///< [16 x double] lent to the stream (block function)
    /// const OmenTilt*: the block function's (null outside an importance-sampling run), set
    /// into each trial's context; a null constant in trials run in vector lanes.
    llvm::Value* tilt = nullptr;
  };

  // Expressions (EmitExpr.cpp).
  llvm::Value* expr(const ir::Expr& e);
  llvm::Value* binary(const ir::Expr& e);
  llvm::Value* callBuiltin(const ir::Expr& e);
  llvm::Value* callFunction(const ir::Expr& e);
  llvm::Value* shortCircuit(const ir::Expr& e);
  llvm::Value* select(const ir::Expr& e);
  llvm::Value* loadGlobal(uint32_t index, Type type);

  // Arrays and loops (EmitArray.cpp).
  void layoutArrays(const ir::Scenario& s);
  void freeArrays();
  llvm::Value* elementPtr(uint32_t array, llvm::Value* index, uint32_t site);
  llvm::Value* loadElement(const ir::Expr& e);
  llvm::Value* reduce(const ir::Expr& e);
  llvm::Value* lookup(const ir::Expr& e);  ///< EmitLookup.cpp
  void storeElement(const ir::Stmt& s);
  void triggerElement(const ir::Stmt& s);
  void forLoop(const ir::Stmt& s);

  // Statements and structure (EmitStmt.cpp, EmitKernel.cpp).
  void block(const ir::Block& b);
  void stmt(const ir::Stmt& s);
  void phase(const ir::Phase& p);
  void reports(const ir::Scenario& s, llvm::Value* outcomeBase);
  /// One whole trial, number first + i, ending with its outcome row written; the builder is
  /// left at its end (EmitKernel.cpp).
  void trial(const ir::Scenario& s, llvm::Value* seed, llvm::Value* first, llvm::Value* i, llvm::Value* outcomes);
  /// The trial loop of a scenario whose trials run in lanes: chunks of trials run
  /// speculatively, then the chunk's failed trials one at a time (EmitLanes.cpp). Branches
  /// to `finished` after the block's last trial; a failing trial leaves through frame_.fail
  /// with `index` holding it.
  void laneChunks(const ir::Scenario& s, llvm::Value* seed, llvm::Value* first, llvm::Value* count,
                  llvm::Value* outcomes, llvm::AllocaInst* index, llvm::BasicBlock* finished);
  /// Counts a step or trial start; every OMEN_CANCEL_CHECK_INTERVAL reads the cancel flag
  /// and fails the trial with OMEN_ERR_CANCELLED if it is set (EmitCancel.cpp).
  void pollCancel();
  /// Whether function `index` polls (a `for` loop in it or in a function it calls).
  bool functionPolls(uint32_t index);
  llvm::Function* function(uint32_t index);
  void emitGlobalsFunction(const ir::Scenario& s, const std::string& name);
  void emitBlockFunction(const ir::Scenario& s, const std::string& name);

  // Helpers.
  llvm::Type* typeOf(Type t);
  llvm::AllocaInst* entryAlloca(llvm::Type* type, const llvm::Twine& name = "");
  void allocateSlots(const std::vector<ir::Slot>& slots);
  /// Branches to the frame's fail block if ctx holds an error.
  void checkError();
  /// Records an error in ctx (omen_rt_fail) and branches to the fail block.
  void failWith(uint32_t code, uint32_t site, std::vector<llvm::Value*> args);
  /// Emits `cond ? fail(...) : go on`.
  void failIf(llvm::Value* cond, uint32_t code, uint32_t site, std::vector<llvm::Value*> args);
  llvm::Value* toDouble(llvm::Value* v, Type t);
  llvm::Function* runtimeFunction(const std::string& symbol);
  llvm::BasicBlock* newBlock(const llvm::Twine& name);
  /// After a terminator: continue emitting in a fresh, unreachable block.
  void startDeadBlock();
  llvm::Value* errorCodePtr();
  /// The trial stream's position: its next block, and the uniforms it holds ahead of it.
  std::pair<llvm::Value*, llvm::Value*> streamPosition();
  /// Emits the jump to the phase's end after a quiescent step (see ir/Quiescence.h).
  void skipIfQuiescent(llvm::Value* bound, std::pair<llvm::Value*, llvm::Value*> before);
  /// One uniform through the bernoulli runtime call on `p` at `site` (i1), checked; null if
  /// the runtime lacks the function.
  llvm::Value* drawBernoulli(uint32_t site, llvm::Value* p);
  /// A `with probability` choice in a phase that jumps over its hazards: drawn, or forced in
  /// the step after a jump, and noted (ir/Hazards.h).
  llvm::Value* choice(uint32_t site, llvm::Value* p);
  /// After a step of such a phase: the jump over the following steps whose choices all fail.
  void jumpOverFailedChoices(llvm::Value* bound);

  llvm::Module& module_;
  const llvm::Module& runtime_;
  const ir::Module& program_;
  llvm::LLVMContext& context_;
  llvm::IRBuilder<> b_;
  Frame frame_;
  std::vector<llvm::Function*> functions_;
  /// Per function: 1 if it runs a `for` loop (itself or through a call), so it polls the
  /// cancel flag and gets it; 0 if not; -1 not worked out yet (EmitCancel.cpp).
  std::vector<int8_t> functionPolls_;
  std::string missing_;  ///< a runtime function the bitcode lacks (reported by emitScenario)
};

}  // namespace omen::llvmgen
