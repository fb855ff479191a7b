//===- EmitLanes.cpp - Straight-line trials several per vector --------------===//
//
// For a scenario that ir/TrialLanes.h found safe to run speculatively, the block function
// first runs its trials in chunks of at most OMEN_CANCEL_CHECK_INTERVAL:
//
//   for each chunk [c, end):
//     poll the cancel flag once (set: the chunk's first trial fails with OMEN_ERR_CANCELLED)
//     for j in [c, end): run trial j with errors only setting its lane's flag; any |= flag
//     if any: run the block on from trial c one trial at a time (EmitKernel.cpp's loop)
//
// The inner loop has no exit but its end, no call and no poll, and its only loop-carried
// value besides j is an OR, so LLVM's loop vectorizer runs it several trials per vector (the
// Philox rounds, the uniforms, the comparisons and the outcome stores all in lanes; `omen
// emit --llvm` shows it). A trial runs speculatively exactly as the scalar loop runs it up
// to its first error, so a chunk without one wrote exactly the scalar outcomes, and a chunk
// with one is run again by the scalar loop, which stops at the first failing trial with its
// error record; the rows it rewrites are the same bits.
//
//===----------------------------------------------------------------------===//
#include <llvm/IR/MDBuilder.h>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

using llvm::Value;

void Emitter::laneChunks(const ir::Scenario& s, Value* seed, Value* first, Value* count, Value* outcomes,
                         llvm::AllocaInst* index, llvm::BasicBlock* scalar, llvm::BasicBlock* finished) {
  // Eight trials per vector where the CPU has 512-bit registers (LLVM's default for AVX-512
  // CPUs is 256 bits, to spare the clock; these loops are all arithmetic and gain from 512).
  frame_.function->addFnAttr("prefer-vector-width", "512");
  llvm::AllocaInst* chunk = entryAlloca(b_.getInt32Ty(), "chunk");
  llvm::AllocaInst* lane = entryAlloca(b_.getInt32Ty(), "lane.trial");
  llvm::AllocaInst* any = entryAlloca(b_.getInt1Ty(), "chunk.failed");
  llvm::AllocaInst* failed = entryAlloca(b_.getInt1Ty(), "trial.failed");
  b_.CreateStore(b_.getInt32(0), chunk);
  llvm::BasicBlock* head = newBlock("chunk.head");
  llvm::BasicBlock* poll = newBlock("chunk.poll");
  llvm::BasicBlock* read = newBlock("chunk.cancel.read");
  llvm::BasicBlock* cancelled = newBlock("chunk.cancelled");
  llvm::BasicBlock* start = newBlock("chunk.start");
  llvm::BasicBlock* laneHead = newBlock("lanes.head");
  llvm::BasicBlock* laneBody = newBlock("lanes.trial");
  llvm::BasicBlock* laneDone = newBlock("lanes.done");
  llvm::BasicBlock* rerun = newBlock("chunk.rerun");
  llvm::BasicBlock* next = newBlock("chunk.next");
  b_.CreateBr(head);

  b_.SetInsertPoint(head);
  Value* c = b_.CreateLoad(b_.getInt32Ty(), chunk);
  b_.CreateCondBr(b_.CreateICmpULT(c, count), poll, finished);

  // The cancel flag, once per chunk (the scalar loop polls every that many trial starts).
  // A tilted (importance-sampling) run takes the one-trial-at-a-time loop: its draws call
  // out of line (TrialContext.h), which would keep the lanes loop from vectorizing.
  b_.SetInsertPoint(poll);
  llvm::BasicBlock* untilted = newBlock("chunk.untilted");
  llvm::BasicBlock* tilted = newBlock("chunk.tilted");
  b_.CreateCondBr(b_.CreateIsNull(frame_.tilt), untilted, tilted);
  b_.SetInsertPoint(tilted);
  b_.CreateStore(c, index);
  b_.CreateBr(scalar);
  b_.SetInsertPoint(untilted);
  b_.CreateCondBr(b_.CreateIsNull(frame_.cancel), start, read);
  b_.SetInsertPoint(read);
  llvm::LoadInst* flag = b_.CreateLoad(b_.getInt8Ty(), frame_.cancel, "cancel");
  flag->setAtomic(llvm::AtomicOrdering::Monotonic);
  flag->setAlignment(llvm::Align(1));
  b_.CreateCondBr(b_.CreateICmpNE(flag, b_.getInt8(0)), cancelled, start,
                  llvm::MDBuilder(context_).createBranchWeights(1, 1u << 20));
  b_.SetInsertPoint(cancelled);
  b_.CreateStore(c, index);
  if (llvm::Function* begin = runtimeFunction("omen_rt_begin_trial"))
    b_.CreateCall(begin, {frame_.ctx, seed, b_.CreateAdd(first, b_.CreateZExt(c, b_.getInt64Ty()))});
  failWith(OMEN_ERR_CANCELLED, 0, {});
  b_.CreateUnreachable();

  b_.SetInsertPoint(start);
  Value* room = b_.CreateSub(count, c);
  Value* size = b_.CreateSelect(b_.CreateICmpULT(room, b_.getInt32(OMEN_CANCEL_CHECK_INTERVAL)), room,
                                b_.getInt32(OMEN_CANCEL_CHECK_INTERVAL));
  Value* end = b_.CreateAdd(c, size);
  b_.CreateStore(c, lane);
  b_.CreateStore(b_.getFalse(), any);
  b_.CreateBr(laneHead);

  b_.SetInsertPoint(laneHead);
  Value* j = b_.CreateLoad(b_.getInt32Ty(), lane);
  b_.CreateCondBr(b_.CreateICmpULT(j, end), laneBody, laneDone);

  b_.SetInsertPoint(laneBody);
  frame_.failed = failed;
  b_.CreateStore(b_.getFalse(), failed);
  Value* tilt = frame_.tilt;
  frame_.tilt = llvm::ConstantPointerNull::get(b_.getPtrTy());
  trial(s, seed, first, j, outcomes);
  frame_.tilt = tilt;
  frame_.failed = nullptr;
  Value* was = b_.CreateLoad(b_.getInt1Ty(), any);
  b_.CreateStore(b_.CreateOr(was, b_.CreateLoad(b_.getInt1Ty(), failed)), any);
  b_.CreateStore(b_.CreateAdd(j, b_.getInt32(1)), lane);
  b_.CreateBr(laneHead);

  b_.SetInsertPoint(laneDone);
  b_.CreateCondBr(b_.CreateLoad(b_.getInt1Ty(), any), rerun, next,
                  llvm::MDBuilder(context_).createBranchWeights(1, 1u << 20));
  b_.SetInsertPoint(rerun);
  b_.CreateStore(c, index);
  b_.CreateBr(scalar);
  b_.SetInsertPoint(next);
  b_.CreateStore(end, chunk);
  b_.CreateBr(head);
}

}  // namespace omen::llvmgen
