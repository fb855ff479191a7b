//===- EmitCancel.cpp - Polling the run's Ctrl-C flag inside a block -------===//
//
// A block of heavy trials can run for minutes, so the driver's check between blocks is not
// enough: the block function counts phase steps, `for` iterations (also inside the functions
// it calls, which get the flag and the countdown as their last two arguments) and trial
// starts down from OMEN_CANCEL_CHECK_INTERVAL and, at zero, reads the cancel byte (an atomic
// load; the host sets it from a signal handler). Set, it fails the running trial with OMEN_ERR_CANCELLED,
// which the driver drops. The same interval and places as the interpreter (Machine.h).
// The globals function has no flag (null): its calls get a countdown that never reads one.
//
//===----------------------------------------------------------------------===//
#include <llvm/IR/MDBuilder.h>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

void Emitter::pollCancel() {
  // A speculative trial never polls: its chunk polled once before it (EmitLanes.cpp).
  if (!frame_.cancel || !frame_.untilCancelCheck || frame_.failed) return;
  llvm::Value* left = b_.CreateSub(b_.CreateLoad(b_.getInt32Ty(), frame_.untilCancelCheck), b_.getInt32(1));
  b_.CreateStore(left, frame_.untilCancelCheck);
  llvm::BasicBlock* check = newBlock("cancel.check");
  llvm::BasicBlock* read = newBlock("cancel.read");
  llvm::BasicBlock* go = newBlock("cancel.no");
  llvm::MDNode* rare = llvm::MDBuilder(context_).createBranchWeights(1, OMEN_CANCEL_CHECK_INTERVAL);
  b_.CreateCondBr(b_.CreateICmpEQ(left, b_.getInt32(0)), check, go, rare);

  b_.SetInsertPoint(check);
  b_.CreateStore(b_.getInt32(OMEN_CANCEL_CHECK_INTERVAL), frame_.untilCancelCheck);
  b_.CreateCondBr(b_.CreateIsNull(frame_.cancel), go, read);

  b_.SetInsertPoint(read);
  llvm::LoadInst* flag = b_.CreateLoad(b_.getInt8Ty(), frame_.cancel, "cancel");
  flag->setAtomic(llvm::AtomicOrdering::Monotonic);
  flag->setAlignment(llvm::Align(1));
  llvm::BasicBlock* cancelled = newBlock("cancelled");
  b_.CreateCondBr(b_.CreateICmpNE(flag, b_.getInt8(0)), cancelled, go);

  b_.SetInsertPoint(cancelled);
  failWith(OMEN_ERR_CANCELLED, 0, {});
  b_.CreateUnreachable();
  b_.SetInsertPoint(go);
}

}  // namespace omen::llvmgen
