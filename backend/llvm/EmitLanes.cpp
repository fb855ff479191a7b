//===- EmitLanes.cpp - Straight-line trials several per vector --------------===//
//
// For a scenario that ir/TrialLanes.h found safe to run speculatively, the block function
// runs its trials in chunks of at most OMEN_CANCEL_CHECK_INTERVAL:
//
//   for each chunk [c, end):
//     poll the cancel flag once (set: the chunk's first trial fails with OMEN_ERR_CANCELLED)
//     for j in [c, end): run trial j with errors only setting its flag; failed[j - c] = flag;
//                        any |= flag
//     if any: for j in [c, end) with failed[j - c]: run trial j again, exactly, one at a time
//   (a tilted run flags the whole chunk and runs every trial the one-at-a-time way)
//
// The speculative loop has no exit but its end, no call and no poll, and its only
// loop-carried value besides j is an OR, so LLVM's loop vectorizer runs it several trials
// per vector (the Philox rounds, the samplers, the comparisons and the outcome stores all in
// lanes; `omen emit --llvm` shows it). In it a rejection sampler makes one try
// (`omen_rt_beta_lanes`, Builtins.h) and a rejected try fails the trial like an error.
// A trial runs speculatively exactly as the scalar code runs it up to its first error or
// rejection, so a trial without one wrote exactly the scalar outcome row. A failed trial is
// run again by the ordinary trial code, which retries rejections until they accept and
// leaves the block at a real error with exactly its record; rows after it were written but
// the driver reads only the rows before the failing trial.
//
//===----------------------------------------------------------------------===//
#include <llvm/IR/MDBuilder.h>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

using llvm::Value;

void Emitter::laneChunks(const ir::Scenario& s, Value* seed, Value* first, Value* count, Value* outcomes,
                         llvm::AllocaInst* index, llvm::BasicBlock* finished) {
  // Eight trials per vector where the CPU has 512-bit registers (LLVM's default for AVX-512
  // CPUs is 256 bits, to spare the clock; these loops are all arithmetic and gain from 512).
  frame_.function->addFnAttr("prefer-vector-width", "512");
  llvm::AllocaInst* chunk = entryAlloca(b_.getInt32Ty(), "chunk");
  llvm::AllocaInst* lane = entryAlloca(b_.getInt32Ty(), "lane.trial");
  llvm::AllocaInst* any = entryAlloca(b_.getInt1Ty(), "chunk.failed");
  llvm::AllocaInst* failed = entryAlloca(b_.getInt1Ty(), "trial.failed");
  llvm::ArrayType* flagsType = llvm::ArrayType::get(b_.getInt8Ty(), OMEN_CANCEL_CHECK_INTERVAL);
  llvm::AllocaInst* flags = entryAlloca(flagsType, "chunk.trial.failed");
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
  llvm::BasicBlock* fixHead = newBlock("rerun.head");
  llvm::BasicBlock* fixCheck = newBlock("rerun.check");
  llvm::BasicBlock* fixTrial = newBlock("rerun.trial");
  llvm::BasicBlock* fixNext = newBlock("rerun.next");
  llvm::BasicBlock* next = newBlock("chunk.next");
  b_.CreateBr(head);

  b_.SetInsertPoint(head);
  Value* c = b_.CreateLoad(b_.getInt32Ty(), chunk);
  b_.CreateCondBr(b_.CreateICmpULT(c, count), poll, finished);
  // Trial t's flag, t in [c, end): t - c never wraps, so LLVM may widen the trial index to
  // 64 bits as it does without the flags (a sign extension would keep a 32-bit index and
  // widen it in every vector).
  auto flagOf = [&](Value* t) {
    Value* offset = b_.CreateZExt(b_.CreateNUWSub(t, c), b_.getInt64Ty());
    return b_.CreateInBoundsGEP(flagsType, flags, {b_.getInt64(0), offset});
  };

  // The cancel flag, once per chunk (the scalar loop polls every that many trial starts).
  b_.SetInsertPoint(poll);
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
  // A tilted (importance-sampling) run flags every trial of the chunk and runs them all the
  // one-at-a-time way: its draws call out of line (TrialContext.h), which would keep the
  // lanes loop from vectorizing.
  llvm::BasicBlock* tilted = newBlock("chunk.tilted");
  llvm::BasicBlock* speculate = newBlock("chunk.speculate");
  b_.CreateCondBr(b_.CreateIsNull(frame_.tilt), speculate, tilted);
  b_.SetInsertPoint(tilted);
  b_.CreateMemSet(flags, b_.getInt8(1), b_.CreateZExt(size, b_.getInt64Ty()), llvm::MaybeAlign(1));
  b_.CreateBr(rerun);
  b_.SetInsertPoint(speculate);
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
  Value* trialFailed = b_.CreateLoad(b_.getInt1Ty(), failed);
  b_.CreateStore(b_.CreateZExt(trialFailed, b_.getInt8Ty()), flagOf(j));
  Value* was = b_.CreateLoad(b_.getInt1Ty(), any);
  b_.CreateStore(b_.CreateOr(was, trialFailed), any);
  b_.CreateStore(b_.CreateAdd(j, b_.getInt32(1)), lane);
  // One vector of trials per iteration: interleaving several would multiply a body of
  // many draws (and its compile time) for little.
  llvm::BranchInst* latch = b_.CreateBr(laneHead);
  llvm::MDNode* once = llvm::MDNode::get(
      context_, {llvm::MDString::get(context_, "llvm.loop.interleave.count"),
                 llvm::ConstantAsMetadata::get(b_.getInt32(1))});
  llvm::MDNode* loopId = llvm::MDNode::getDistinct(context_, {nullptr, once});
  loopId->replaceOperandWith(0, loopId);
  latch->setMetadata(llvm::LLVMContext::MD_loop, loopId);

  b_.SetInsertPoint(laneDone);
  b_.CreateCondBr(b_.CreateLoad(b_.getInt1Ty(), any), rerun, next,
                  llvm::MDBuilder(context_).createBranchWeights(1, 1u << 20));
  // The failed trials again, in order, one at a time.
  b_.SetInsertPoint(rerun);
  b_.CreateStore(c, index);
  b_.CreateBr(fixHead);
  b_.SetInsertPoint(fixHead);
  Value* k = b_.CreateLoad(b_.getInt32Ty(), index);
  b_.CreateCondBr(b_.CreateICmpULT(k, end), fixCheck, next);
  b_.SetInsertPoint(fixCheck);
  Value* flagged = b_.CreateLoad(b_.getInt8Ty(), flagOf(k));
  b_.CreateCondBr(b_.CreateICmpNE(flagged, b_.getInt8(0)), fixTrial, fixNext);
  b_.SetInsertPoint(fixTrial);
  trial(s, seed, first, k, outcomes);
  b_.CreateBr(fixNext);
  b_.SetInsertPoint(fixNext);
  b_.CreateStore(b_.CreateAdd(k, b_.getInt32(1)), index);
  b_.CreateBr(fixHead);
  b_.SetInsertPoint(next);
  b_.CreateStore(end, chunk);
  b_.CreateBr(head);
}

}  // namespace omen::llvmgen
