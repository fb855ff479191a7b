//===- EmitCancel.cpp - Polling the run's Ctrl-C flag inside a block -------===//
//
// A block of heavy trials can run for minutes, so the driver's check between blocks is not
// enough: the block function counts phase steps, `for` iterations and trial starts down
// from OMEN_CANCEL_CHECK_INTERVAL and, at zero, reads the cancel byte (an atomic load; the
// host sets it from a signal handler). Set, it fails the running trial with
// OMEN_ERR_CANCELLED, which the driver drops. The same interval and places as the
// interpreter (Machine.h). A function that runs a `for` loop (itself or through a call) gets
// the flag and the countdown as its last two arguments; the globals function has neither
// and passes nulls.
//
//===----------------------------------------------------------------------===//
#include <llvm/IR/MDBuilder.h>

#include <functional>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

void Emitter::pollCancel() {
  // A speculative trial never polls: its chunk polled once before it (EmitLanes.cpp).
  if (!frame_.cancel || !frame_.untilCancelCheck || frame_.failed) return;
  llvm::BasicBlock* go = newBlock("cancel.no");
  if (llvm::isa<llvm::Argument>(frame_.untilCancelCheck)) {
    // A function called from the globals function gets no countdown (null): nothing to poll.
    llvm::BasicBlock* count = newBlock("cancel.count");
    b_.CreateCondBr(b_.CreateIsNull(frame_.untilCancelCheck), go, count);
    b_.SetInsertPoint(count);
  }
  llvm::Value* left = b_.CreateSub(b_.CreateLoad(b_.getInt32Ty(), frame_.untilCancelCheck), b_.getInt32(1));
  b_.CreateStore(left, frame_.untilCancelCheck);
  llvm::BasicBlock* check = newBlock("cancel.check");
  llvm::BasicBlock* read = newBlock("cancel.read");
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

namespace {

bool exprCalls(const ir::Expr& e, const std::function<bool(uint32_t)>& polls) {
  if (e.kind == ir::ExprKind::CallFunction && polls(e.index)) return true;
  for (const ir::ExprPtr& o : e.operands)
    if (exprCalls(*o, polls)) return true;
  return false;
}

bool blockPolls(const ir::Block& b, const std::function<bool(uint32_t)>& polls) {
  for (const ir::StmtPtr& s : b) {
    if (s->kind == ir::StmtKind::For) return true;
    for (const ir::Expr* e : {s->value.get(), s->subscript.get(), s->bound.get()})
      if (e && exprCalls(*e, polls)) return true;
    if (blockPolls(s->thenBlock, polls) || blockPolls(s->elseBlock, polls)) return true;
  }
  return false;
}

}  // namespace

bool Emitter::functionPolls(uint32_t index) {
  // Functions do not recurse (ir/Verifier), so this terminates.
  if (functionPolls_[index] < 0)
    functionPolls_[index] = blockPolls(program_.functions[index].body, [&](uint32_t f) { return functionPolls(f); });
  return functionPolls_[index] == 1;
}

}  // namespace omen::llvmgen
