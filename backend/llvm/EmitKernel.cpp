//===- EmitKernel.cpp - A scenario's two entry points: globals and block ---===//
//
// See Emitter.h for the ABI. The trial context is a stack object of the block function; the
// runtime functions that take its address are all inlined, so SROA turns the Philox stream
// and the error record into registers.
//
//===----------------------------------------------------------------------===//
#include <cstddef>

#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/raw_ostream.h>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

using llvm::Value;

static_assert(sizeof(OmenError) == 40 && alignof(OmenTrialContext) == 8, "kernel ABI layout");

/// Copies ctx's error record to the caller's OmenError.
static void copyError(llvm::IRBuilder<>& b, Value* ctx, Value* out) {
  Value* error = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), ctx, offsetof(OmenTrialContext, error));
  b.CreateMemCpy(out, llvm::MaybeAlign(8), error, llvm::MaybeAlign(8), sizeof(OmenError));
}

static llvm::AllocaInst* newContext(llvm::IRBuilder<>& b) {
  auto* type = llvm::ArrayType::get(b.getInt8Ty(), sizeof(OmenTrialContext));
  llvm::AllocaInst* ctx = b.CreateAlloca(type, nullptr, "ctx");
  ctx->setAlignment(llvm::Align(alignof(OmenTrialContext)));
  return ctx;
}

void Emitter::emitGlobalsFunction(const ir::Scenario& s, const std::string& name) {
  auto* type = llvm::FunctionType::get(b_.getInt32Ty(), {b_.getPtrTy(), b_.getPtrTy(), b_.getPtrTy()}, false);
  llvm::Function* fn = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module_);
  frame_ = Frame{};
  frame_.function = fn;
  frame_.globals = fn->getArg(0);
  Value* overridden = fn->getArg(1);
  b_.SetInsertPoint(llvm::BasicBlock::Create(context_, "entry", fn));
  frame_.ctx = newContext(b_);
  if (llvm::Function* begin = runtimeFunction("omen_rt_begin_trial"))
    b_.CreateCall(begin, {frame_.ctx, b_.getInt64(0), b_.getInt64(0)});
  frame_.fail = newBlock("fail");

  uint32_t count = program_.globalCount(s);
  for (uint32_t g = 0; g < count; ++g) {
    const ir::Global& global = program_.global(s, g);
    // A slot set with --set keeps its value: skip its evaluation (and its possible error).
    Value* flag = b_.CreateLoad(b_.getInt8Ty(), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), overridden, g));
    llvm::BasicBlock* compute = newBlock(global.name);
    llvm::BasicBlock* next = newBlock("next");
    b_.CreateCondBr(b_.CreateICmpNE(flag, b_.getInt8(0)), next, compute);
    b_.SetInsertPoint(compute);
    Value* at = b_.CreateConstInBoundsGEP1_64(b_.getInt64Ty(), frame_.globals, g);
    if (global.init) {
      Value* v = expr(*global.init);
      if (global.type == Type::Bool) v = b_.CreateZExt(v, b_.getInt64Ty());
      b_.CreateStore(v, at);
    } else if (global.kind == ir::GlobalKind::Pinned) {
      // Pinned exactly when its uncertain param's slot was set.
      Value* pins = b_.CreateLoad(b_.getInt8Ty(), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), overridden, global.pins));
      b_.CreateStore(b_.CreateZExt(b_.CreateICmpNE(pins, b_.getInt8(0)), b_.getInt64Ty()), at);
    } else {
      b_.CreateStore(b_.getInt64(0), at);  // an uncertain param's slot, not pinned
    }
    b_.CreateBr(next);
    b_.SetInsertPoint(next);
  }
  b_.CreateRet(b_.getInt32(1));

  b_.SetInsertPoint(frame_.fail);
  copyError(b_, frame_.ctx, fn->getArg(2));
  b_.CreateRet(b_.getInt32(0));
}

void Emitter::reports(const ir::Scenario& s, Value* outcomeBase) {
  for (size_t r = 0; r < s.reports.size(); ++r) {
    const ir::Report& report = s.reports[r];
    Value* givenAt = b_.CreateConstInBoundsGEP1_64(b_.getDoubleTy(), outcomeBase, 2 * r);
    Value* valueAt = b_.CreateConstInBoundsGEP1_64(b_.getDoubleTy(), outcomeBase, 2 * r + 1);
    Value* given = report.given ? expr(*report.given) : b_.getTrue();
    b_.CreateStore(b_.CreateUIToFP(given, b_.getDoubleTy()), givenAt);
    llvm::BasicBlock* evaluate = newBlock("report.value");
    llvm::BasicBlock* skip = newBlock("report.skip");
    llvm::BasicBlock* done = newBlock("report.done");
    b_.CreateCondBr(given, evaluate, skip);

    b_.SetInsertPoint(evaluate);
    Type type = report.value->type;
    Value* v = toDouble(expr(*report.value), type);
    if (type == Type::Real) {
      Value* magnitude = b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, v);
      Value* finite = b_.CreateFCmpONE(magnitude, llvm::ConstantFP::getInfinity(b_.getDoubleTy()));
      failIf(b_.CreateNot(finite), OMEN_ERR_NOT_FINITE, report.site, {v});
    }
    llvm::BasicBlock* evaluated = b_.GetInsertBlock();
    b_.CreateBr(done);

    b_.SetInsertPoint(skip);
    b_.CreateBr(done);
    // One unconditional store after the join: a loop of trials in vector lanes then needs
    // no masked store (the value is what it was: the report's or 0).
    b_.SetInsertPoint(done);
    llvm::PHINode* value = b_.CreatePHI(b_.getDoubleTy(), 2);
    value->addIncoming(v, evaluated);
    value->addIncoming(llvm::ConstantFP::get(b_.getDoubleTy(), 0.0), skip);
    b_.CreateStore(value, valueAt);
  }
}

void Emitter::trial(const ir::Scenario& s, Value* seed, Value* first, Value* i, Value* outcomes) {
  frame_.endTrial = newBlock("end");
  llvm::BasicBlock* report = newBlock("reports");
  if (llvm::Function* begin = runtimeFunction("omen_rt_begin_trial"))
    b_.CreateCall(begin, {frame_.ctx, seed, b_.CreateAdd(first, b_.CreateZExt(i, b_.getInt64Ty()))});
  // Lend the stream the block's buffer for lane refills (TrialContext.h), except to a trial
  // run in vector lanes: its stream must stay free of the refill's call (omen_rt_begin_trial
  // leaves `next` null), and its lanes compute several Philox blocks at once already.
  if (!frame_.failed) {
    if (!frame_.ahead) {
      auto* buffer = llvm::ArrayType::get(b_.getDoubleTy(), OMEN_STREAM_AHEAD);
      frame_.ahead = entryAlloca(buffer, "stream.ahead");
      frame_.ahead->setAlignment(llvm::Align(64));
    }
    b_.CreateStore(frame_.ahead, b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_.ctx,
                                                               offsetof(OmenTrialContext, rng) + offsetof(OmenStream, next)));
  }
  // An importance-sampling run's tilt (null otherwise: then the samplers' tilted branches fold away).
  b_.CreateStore(frame_.tilt, b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_.ctx, offsetof(OmenTrialContext, tilt)));
  pollCancel();
  b_.CreateStore(b_.getInt64(0), frame_.t);
  b_.CreateStore(b_.getInt64(0), frame_.step);
  for (size_t e = 0; e < s.events.size(); ++e) {
    b_.CreateStore(b_.getFalse(), frame_.eventHappened[e]);
    b_.CreateStore(b_.getInt64(-1), frame_.eventTime[e]);
  }
  block(s.trialInit);
  for (const ir::Phase& p : s.phases) phase(p);
  b_.CreateBr(report);

  // `end`: the step that ran it counts.
  b_.SetInsertPoint(frame_.endTrial);
  Value* t = b_.CreateLoad(b_.getInt64Ty(), frame_.t);
  b_.CreateStore(b_.CreateAdd(t, b_.getInt64(1)), frame_.t);
  b_.CreateBr(report);

  b_.SetInsertPoint(report);
  Value* offset = b_.CreateMul(b_.CreateZExt(i, b_.getInt64Ty()), b_.getInt64(ir::outcomeDoubles(s)));
  Value* row = b_.CreateInBoundsGEP(b_.getDoubleTy(), outcomes, offset);
  reports(s, row);
  if (s.weighted) {
    // The log weight after the reports' pairs (Kernel.h), as the interpreter writes it.
    Value* logWeight = b_.CreateLoad(
        b_.getDoubleTy(), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_.ctx, offsetof(OmenTrialContext, logWeight)));
    b_.CreateStore(logWeight, b_.CreateConstInBoundsGEP1_64(b_.getDoubleTy(), row, 2 * s.reports.size()));
    b_.CreateStore(llvm::ConstantFP::get(b_.getDoubleTy(), 0.0),
                   b_.CreateConstInBoundsGEP1_64(b_.getDoubleTy(), row, 2 * s.reports.size() + 1));
  }
}

void Emitter::emitBlockFunction(const ir::Scenario& s, const std::string& name) {
  auto* type = llvm::FunctionType::get(
      b_.getInt32Ty(),
      {b_.getPtrTy(), b_.getInt64Ty(), b_.getInt64Ty(), b_.getInt32Ty(), b_.getPtrTy(), b_.getPtrTy(), b_.getPtrTy(),
       b_.getPtrTy()},
      false);
  llvm::Function* fn = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module_);
  // The driver passes separate buffers: saying so lets the optimizer keep globals in
  // registers across trials instead of reloading them after every outcome store.
  for (unsigned arg : {0u, 4u, 5u}) fn->addParamAttr(arg, llvm::Attribute::NoAlias);
  // The globals may be loaded before it is known that they are needed (an uncertain param's
  // value only where it is pinned, in vector lanes).
  if (uint64_t globals = program_.globalCount(s)) fn->addDereferenceableParamAttr(0, 8 * globals);
  fn->addParamAttr(0, llvm::Attribute::getWithAlignment(context_, llvm::Align(8)));
  Value* seed = fn->getArg(1);
  Value* first = fn->getArg(2);
  Value* count = fn->getArg(3);
  Value* outcomes = fn->getArg(4);
  frame_ = Frame{};
  frame_.function = fn;
  frame_.globals = fn->getArg(0);
  b_.SetInsertPoint(llvm::BasicBlock::Create(context_, "entry", fn));
  frame_.ctx = newContext(b_);
  llvm::AllocaInst* index = b_.CreateAlloca(b_.getInt32Ty(), nullptr, "i");
  frame_.cancel = fn->getArg(6);
  frame_.tilt = fn->getArg(7);
  frame_.untilCancelCheck = b_.CreateAlloca(b_.getInt32Ty(), nullptr, "until.cancel.check");
  b_.CreateStore(b_.getInt32(1), frame_.untilCancelCheck);  // the first trial start checks
  frame_.t = b_.CreateAlloca(b_.getInt64Ty(), nullptr, "t");
  frame_.step = b_.CreateAlloca(b_.getInt64Ty(), nullptr, "step");
  allocateSlots(s.slots);
  for (const std::string& event : s.events) {
    frame_.eventHappened.push_back(b_.CreateAlloca(b_.getInt1Ty(), nullptr, event));
    frame_.eventTime.push_back(b_.CreateAlloca(b_.getInt64Ty(), nullptr, event + ".time"));
  }
  b_.CreateStore(b_.getInt32(0), index);
  frame_.fail = newBlock("fail");
  layoutArrays(s);
  llvm::BasicBlock* finished = newBlock("finished");
  if (s.runsInLanes) {
    laneChunks(s, seed, first, count, outcomes, index, finished);
  } else {
    // One trial at a time.
    llvm::BasicBlock* loop = newBlock("loop");
    llvm::BasicBlock* body = newBlock("trial");
    b_.CreateBr(loop);
    b_.SetInsertPoint(loop);
    Value* i = b_.CreateLoad(b_.getInt32Ty(), index);
    b_.CreateCondBr(b_.CreateICmpULT(i, count), body, finished);
    b_.SetInsertPoint(body);
    trial(s, seed, first, i, outcomes);
    b_.CreateStore(b_.CreateAdd(i, b_.getInt32(1)), index);
    b_.CreateBr(loop);
  }

  b_.SetInsertPoint(finished);
  freeArrays();
  b_.CreateRet(count);

  b_.SetInsertPoint(frame_.fail);
  freeArrays();
  copyError(b_, frame_.ctx, fn->getArg(5));
  b_.CreateRet(b_.CreateLoad(b_.getInt32Ty(), index));
}

llvm::Expected<KernelSymbols> Emitter::emitScenario(const ir::Scenario& scenario, const std::string& tag) {
  KernelSymbols symbols{"omen_globals_" + tag, "omen_block_" + tag};
  emitGlobalsFunction(scenario, symbols.globals);
  emitBlockFunction(scenario, symbols.block);
  if (!missing_.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the runtime bitcode has no function '" + missing_ + "'");
  // The module is verified once, after its last scenario (buildKernelModule): verifying it
  // after each one made `omen build` of N scenarios take time N^2 (issue 22).
  return symbols;
}

}  // namespace omen::llvmgen
