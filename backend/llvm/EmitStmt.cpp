//===- EmitStmt.cpp - omen IR statements, phases and functions to LLVM IR --===//
//
// Structured IR blocks become straight LLVM blocks. `end`, `stop` and `return` branch away
// and leave the builder in a fresh block without predecessors, which the optimizer drops.
//
//===----------------------------------------------------------------------===//
#include <cstddef>

#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Module.h>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

using llvm::Value;

Emitter::Emitter(llvm::Module& module, const llvm::Module& runtime, const ir::Module& program)
    : module_(module), runtime_(runtime), program_(program), context_(module.getContext()), b_(context_) {
  functions_.assign(program.functions.size(), nullptr);
  functionPolls_.assign(program.functions.size(), -1);
}

//===--- helpers -------------------------------------------------------------===//

llvm::Type* Emitter::typeOf(Type t) {
  switch (t) {
    case Type::Bool: return b_.getInt1Ty();
    case Type::Real: return b_.getDoubleTy();
    case Type::Int:
    case Type::Unknown: return b_.getInt64Ty();
  }
}

llvm::AllocaInst* Emitter::entryAlloca(llvm::Type* type, const llvm::Twine& name) {
  llvm::BasicBlock& entry = frame_.function->getEntryBlock();
  llvm::IRBuilder<> at(&entry, entry.getFirstInsertionPt());
  return at.CreateAlloca(type, nullptr, name);
}

void Emitter::allocateSlots(const std::vector<ir::Slot>& slots) {
  frame_.slots.clear();
  for (const ir::Slot& slot : slots) frame_.slots.push_back(entryAlloca(typeOf(slot.type), slot.name));
}

llvm::BasicBlock* Emitter::newBlock(const llvm::Twine& name) {
  return llvm::BasicBlock::Create(context_, name, frame_.function);
}

void Emitter::startDeadBlock() { b_.SetInsertPoint(newBlock("dead")); }

Value* Emitter::errorCodePtr() {
  return b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_.ctx,
                                       offsetof(OmenTrialContext, error) + offsetof(OmenError, code));
}

static llvm::MDNode* unlikely(llvm::LLVMContext& context) {
  return llvm::MDBuilder(context).createBranchWeights(1, 1u << 20);
}

// In a speculative trial (frame_.failed) an error only sets the lane's flag: the rest of the
// trial runs on, and the chunk is run again one trial at a time (EmitLanes.cpp).
static void orInto(llvm::IRBuilder<>& b, llvm::AllocaInst* flag, Value* cond) {
  b.CreateStore(b.CreateOr(b.CreateLoad(b.getInt1Ty(), flag), cond), flag);
}

void Emitter::checkError() {
  Value* code = b_.CreateLoad(b_.getInt32Ty(), errorCodePtr(), "error.code");
  if (frame_.failed) {
    orInto(b_, frame_.failed, b_.CreateICmpNE(code, b_.getInt32(OMEN_OK)));
    return;
  }
  llvm::BasicBlock* ok = newBlock("ok");
  b_.CreateCondBr(b_.CreateICmpNE(code, b_.getInt32(OMEN_OK)), frame_.fail, ok, unlikely(context_));
  b_.SetInsertPoint(ok);
}

void Emitter::failWith(uint32_t code, uint32_t site, std::vector<Value*> args) {
  if (frame_.failed) {
    b_.CreateStore(b_.getTrue(), frame_.failed);
    return;
  }
  llvm::Function* fail = runtimeFunction("omen_rt_fail");
  uint32_t argCount = static_cast<uint32_t>(args.size());
  while (args.size() < 3) args.push_back(llvm::ConstantFP::get(b_.getDoubleTy(), 0.0));
  if (fail)
    b_.CreateCall(fail, {frame_.ctx, b_.getInt32(code), b_.getInt32(site), b_.getInt32(argCount), args[0],
                         args[1], args[2]});
  b_.CreateBr(frame_.fail);
  startDeadBlock();
}

void Emitter::failIf(Value* cond, uint32_t code, uint32_t site, std::vector<Value*> args) {
  if (frame_.failed) {
    orInto(b_, frame_.failed, cond);
    return;
  }
  llvm::BasicBlock* bad = newBlock("fail.check");
  llvm::BasicBlock* ok = newBlock("ok");
  b_.CreateCondBr(cond, bad, ok, unlikely(context_));
  b_.SetInsertPoint(bad);
  failWith(code, site, std::move(args));
  b_.CreateUnreachable();
  b_.SetInsertPoint(ok);
}

Value* Emitter::toDouble(Value* v, Type t) {
  if (t == Type::Real) return v;
  if (t == Type::Bool) return b_.CreateUIToFP(v, b_.getDoubleTy());
  return b_.CreateSIToFP(v, b_.getDoubleTy());
}

llvm::Function* Emitter::runtimeFunction(const std::string& symbol) {
  if (llvm::Function* f = module_.getFunction(symbol)) return f;
  const llvm::Function* definition = runtime_.getFunction(symbol);
  if (!definition) {
    if (missing_.empty()) missing_ = symbol;
    return nullptr;
  }
  llvm::Function* f = llvm::Function::Create(definition->getFunctionType(), llvm::Function::ExternalLinkage,
                                             symbol, module_);
  f->setAttributes(definition->getAttributes());
  return f;
}

//===--- statements ----------------------------------------------------------===//

void Emitter::block(const ir::Block& b) {
  for (const ir::StmtPtr& s : b) stmt(*s);
}

void Emitter::stmt(const ir::Stmt& s) {
  using K = ir::StmtKind;
  switch (s.kind) {
    case K::Let: b_.CreateStore(expr(*s.value), frame_.slots.at(s.index)); return;
    case K::Store: {
      Value* v = expr(*s.value);
      llvm::AllocaInst* slot = frame_.slots.at(s.index);
      if (frame_.changed) {
        // Bits, not values: -0.0 and 0.0 differ, and a NaN that stays a NaN is unchanged.
        Value* old = b_.CreateLoad(v->getType(), slot);
        llvm::Type* bits = b_.getIntNTy(v->getType()->getPrimitiveSizeInBits());
        Value* differs = b_.CreateICmpNE(b_.CreateBitCast(old, bits), b_.CreateBitCast(v, bits));
        Value* was = b_.CreateLoad(b_.getInt1Ty(), frame_.changed);
        b_.CreateStore(b_.CreateOr(was, differs), frame_.changed);
      }
      b_.CreateStore(v, slot);
      return;
    }
    case K::If:
    case K::WithProbability: {
      Value* cond = expr(*s.value);
      if (s.kind == K::WithProbability) {
        cond = frame_.pick ? choice(s.site, cond) : drawBernoulli(s.site, cond);
        if (!cond) return;
      }
      llvm::BasicBlock* thenBlock = newBlock("then");
      llvm::BasicBlock* elseBlock = newBlock("else");
      llvm::BasicBlock* done = newBlock("endif");
      b_.CreateCondBr(cond, thenBlock, elseBlock);
      b_.SetInsertPoint(thenBlock);
      block(s.thenBlock);
      b_.CreateBr(done);
      b_.SetInsertPoint(elseBlock);
      block(s.elseBlock);
      b_.CreateBr(done);
      b_.SetInsertPoint(done);
      return;
    }
    case K::Trigger: {
      // The time of the first trigger only.
      Value* happened = b_.CreateLoad(b_.getInt1Ty(), frame_.eventHappened.at(s.index));
      Value* time = b_.CreateLoad(b_.getInt64Ty(), frame_.eventTime.at(s.index));
      Value* now = b_.CreateLoad(b_.getInt64Ty(), frame_.t);
      b_.CreateStore(b_.CreateSelect(happened, time, now), frame_.eventTime.at(s.index));
      if (frame_.changed) {
        Value* was = b_.CreateLoad(b_.getInt1Ty(), frame_.changed);
        b_.CreateStore(b_.CreateOr(was, b_.CreateNot(happened)), frame_.changed);
      }
      b_.CreateStore(b_.getTrue(), frame_.eventHappened.at(s.index));
      return;
    }
    case K::End:
      b_.CreateBr(frame_.endTrial);
      startDeadBlock();
      return;
    case K::Stop:
      b_.CreateBr(frame_.stopPhase);
      startDeadBlock();
      return;
    case K::Return:
      b_.CreateRet(expr(*s.value));
      startDeadBlock();
      return;
    case K::StoreElement: storeElement(s); return;
    case K::TriggerElement: triggerElement(s); return;
    case K::For: forLoop(s); return;
    // Replaced by a policy's lookup before a run, or the run is refused (ir/ApplyPolicy.h);
    // without one, the first alternative, as in the interpreter.
    case K::Choose:
      b_.CreateStore(expr(s.choices.empty() ? *s.value : *s.choices[0]), frame_.slots.at(s.index));
      return;
    case K::Factor:
      if (llvm::Function* factor = runtimeFunction("omen_rt_factor")) {
        b_.CreateCall(factor, {frame_.ctx, b_.getInt32(s.site), expr(*s.value)});
        checkError();
      }
      return;
    case K::SplitPoint:
      if (llvm::Function* split = runtimeFunction("omen_rt_split_point")) {
        Value* end = b_.CreateCall(split, {frame_.ctx, b_.getInt32(s.site), expr(*s.value)});
        llvm::BasicBlock* go = newBlock("split.go");
        b_.CreateCondBr(b_.CreateICmpNE(end, b_.getInt32(0)), frame_.endTrial, go);
        b_.SetInsertPoint(go);
      }
      return;
  }
}

Value* Emitter::drawBernoulli(uint32_t site, Value* p) {
  llvm::Function* bernoulli = runtimeFunction(std::string(builtin(BuiltinId::Bernoulli).symbol));
  if (!bernoulli) return nullptr;
  Value* drawn = b_.CreateCall(bernoulli, {frame_.ctx, b_.getInt32(site), p});
  checkError();
  return drawn->getType()->isIntegerTy(1) ? drawn : b_.CreateICmpNE(drawn, llvm::ConstantInt::get(drawn->getType(), 0));
}

// As the interpreter's IOp::Choice: in the step after a jump the choices before the pick
// fail and the pick succeeds without a draw; every other choice draws.
Value* Emitter::choice(uint32_t site, Value* p) {
  Value* i = b_.CreateLoad(b_.getInt32Ty(), frame_.choices);
  b_.CreateStore(b_.CreateAdd(i, b_.getInt32(1)), frame_.choices);
  Value* index = b_.CreateZExt(i, b_.getInt64Ty());
  Value* pick = b_.CreateLoad(b_.getInt64Ty(), frame_.pick);
  llvm::BasicBlock* forced = newBlock("choice.forced");
  llvm::BasicBlock* draw = newBlock("choice.draw");
  llvm::BasicBlock* join = newBlock("choice");
  b_.CreateCondBr(b_.CreateICmpSLE(index, pick), forced, draw);
  b_.SetInsertPoint(forced);
  Value* picked = b_.CreateICmpEQ(index, pick);
  b_.CreateBr(join);
  b_.SetInsertPoint(draw);
  Value* drawn = drawBernoulli(site, p);
  if (!drawn) return nullptr;
  llvm::BasicBlock* drawnIn = b_.GetInsertBlock();
  b_.CreateBr(join);
  b_.SetInsertPoint(join);
  llvm::PHINode* yes = b_.CreatePHI(b_.getInt1Ty(), 2);
  yes->addIncoming(picked, forced);
  yes->addIncoming(drawn, drawnIn);
  b_.CreateStore(p, b_.CreateInBoundsGEP(frame_.choiceP->getAllocatedType(), frame_.choiceP, {b_.getInt64(0), index}));
  Value* was = b_.CreateLoad(b_.getInt1Ty(), frame_.choiceSucceeded);
  b_.CreateStore(b_.CreateOr(was, yes), frame_.choiceSucceeded);
  return yes;
}

//===--- phases --------------------------------------------------------------===//

std::pair<Value*, Value*> Emitter::streamPosition() {
  size_t rng = offsetof(OmenTrialContext, rng);
  Value* block = b_.CreateLoad(b_.getInt64Ty(), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_.ctx,
                                                                              rng + offsetof(OmenStream, block)));
  Value* spare = b_.CreateLoad(b_.getInt32Ty(), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_.ctx,
                                                                              rng + offsetof(OmenStream, hasSpare)));
  Value* ahead = b_.CreateLoad(b_.getInt32Ty(), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_.ctx,
                                                                              rng + offsetof(OmenStream, ahead)));
  // hasSpare is 0 or 1 and ahead at most 15: one i32 holds both.
  return {block, b_.CreateOr(spare, b_.CreateShl(ahead, 1))};
}

// A quiescent step: every remaining one would do the same, so count them as run. `next` then
// adds the step that just ran; for `until`, the head finds the condition still false at the
// limit and fails exactly as the steps would have.
void Emitter::skipIfQuiescent(Value* bound, std::pair<Value*, Value*> before) {
  std::pair<Value*, Value*> after = streamPosition();
  Value* changed = b_.CreateLoad(b_.getInt1Ty(), frame_.changed);
  Value* sameStream = b_.CreateAnd(b_.CreateICmpEQ(before.first, after.first),
                                   b_.CreateICmpEQ(before.second, after.second));
  Value* quiet = b_.CreateAnd(sameStream, b_.CreateNot(changed));
  llvm::BasicBlock* skip = newBlock("quiescent");
  llvm::BasicBlock* done = newBlock("step.done");
  b_.CreateCondBr(quiet, skip, done);
  b_.SetInsertPoint(skip);
  Value* step = b_.CreateLoad(b_.getInt64Ty(), frame_.step);
  Value* remaining = b_.CreateSub(bound, b_.CreateAdd(step, b_.getInt64(1)));
  Value* t = b_.CreateLoad(b_.getInt64Ty(), frame_.t);
  b_.CreateStore(b_.CreateAdd(t, remaining), frame_.t);
  b_.CreateStore(b_.CreateAdd(step, remaining), frame_.step);
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

// A step whose choices all failed and which changed nothing: as the interpreter's runPhases,
// omen_rt_hazard_wait draws how many following steps do the same; they count as run, and
// the pick it sets forces the step after them. `next` then adds the step that just ran.
void Emitter::jumpOverFailedChoices(Value* bound) {
  b_.CreateStore(b_.getInt64(-1), frame_.pick);
  Value* changed = b_.CreateLoad(b_.getInt1Ty(), frame_.changed);
  Value* succeeded = b_.CreateLoad(b_.getInt1Ty(), frame_.choiceSucceeded);
  llvm::BasicBlock* jump = newBlock("hazard.jump");
  llvm::BasicBlock* done = newBlock("step.done");
  b_.CreateCondBr(b_.CreateOr(changed, succeeded), done, jump);
  b_.SetInsertPoint(jump);
  if (llvm::Function* wait = runtimeFunction("omen_rt_hazard_wait")) {
    Value* step = b_.CreateLoad(b_.getInt64Ty(), frame_.step);
    Value* remaining = b_.CreateSub(bound, b_.CreateAdd(step, b_.getInt64(1)));
    Value* count = b_.CreateLoad(b_.getInt32Ty(), frame_.choices);
    Value* steps = b_.CreateCall(wait, {frame_.ctx, frame_.choiceP, count, remaining, frame_.pick});
    Value* t = b_.CreateLoad(b_.getInt64Ty(), frame_.t);
    b_.CreateStore(b_.CreateAdd(t, steps), frame_.t);
    b_.CreateStore(b_.CreateAdd(step, steps), frame_.step);
  }
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
}

void Emitter::phase(const ir::Phase& p) {
  bool isFor = p.form == ir::PhaseForm::For;
  // The count (for) or limit (until) is evaluated once, when the phase starts (step is 0).
  b_.CreateStore(b_.getInt64(0), frame_.step);
  Value* bound = expr(isFor ? *p.count : *p.limit);
  failIf(b_.CreateOr(b_.CreateICmpSLT(bound, b_.getInt64(0)), b_.CreateICmpSGT(bound, b_.getInt64(ir::kMaxStepCount))),
         OMEN_ERR_BAD_COUNT, p.site, {toDouble(bound, Type::Int)});
  b_.CreateStore(b_.getInt64(0), frame_.step);

  if (p.jumpsHazards) {
    frame_.choiceP = entryAlloca(llvm::ArrayType::get(b_.getDoubleTy(), p.hazardSites), p.name + ".choice.p");
    frame_.choices = entryAlloca(b_.getInt32Ty(), p.name + ".choices");
    frame_.choiceSucceeded = entryAlloca(b_.getInt1Ty(), p.name + ".choice.succeeded");
    frame_.pick = entryAlloca(b_.getInt64Ty(), p.name + ".pick");
    b_.CreateStore(b_.getInt64(-1), frame_.pick);
  }
  llvm::BasicBlock* head = newBlock(p.name + ".head");
  llvm::BasicBlock* body = newBlock(p.name + ".body");
  llvm::BasicBlock* next = newBlock(p.name + ".next");
  llvm::BasicBlock* stop = newBlock(p.name + ".stop");
  llvm::BasicBlock* exit = newBlock(p.name + ".exit");
  b_.CreateBr(head);

  b_.SetInsertPoint(head);
  if (isFor) {
    Value* step = b_.CreateLoad(b_.getInt64Ty(), frame_.step);
    b_.CreateCondBr(b_.CreateICmpSLT(step, bound), body, exit);
  } else {
    // The condition is checked before each step; the limit only when it is still false.
    Value* done = expr(*p.cond);
    llvm::BasicBlock* check = newBlock(p.name + ".limit");
    b_.CreateCondBr(done, exit, check);
    b_.SetInsertPoint(check);
    Value* step = b_.CreateLoad(b_.getInt64Ty(), frame_.step);
    failIf(b_.CreateICmpSGE(step, bound), OMEN_ERR_PHASE_LIMIT, p.site, {toDouble(bound, Type::Int)});
    b_.CreateBr(body);
  }

  b_.SetInsertPoint(body);
  llvm::BasicBlock* outerStop = frame_.stopPhase;
  frame_.stopPhase = stop;
  std::pair<Value*, Value*> before{};
  if (p.skipQuiescent || p.jumpsHazards) {
    frame_.changed = entryAlloca(b_.getInt1Ty(), p.name + ".changed");
    b_.CreateStore(b_.getFalse(), frame_.changed);
  }
  if (p.jumpsHazards) {
    b_.CreateStore(b_.getInt32(0), frame_.choices);
    b_.CreateStore(b_.getFalse(), frame_.choiceSucceeded);
  } else if (p.skipQuiescent) {
    before = streamPosition();
  }
  block(p.body);
  frame_.stopPhase = outerStop;
  if (p.jumpsHazards)
    jumpOverFailedChoices(bound);
  else if (p.skipQuiescent)
    skipIfQuiescent(bound, before);
  frame_.changed = frame_.choiceP = frame_.choices = frame_.choiceSucceeded = frame_.pick = nullptr;
  b_.CreateBr(next);

  // A step that ran (also one that executed `stop`) advances t.
  auto advance = [&](bool alsoStep) {
    Value* t = b_.CreateLoad(b_.getInt64Ty(), frame_.t);
    b_.CreateStore(b_.CreateAdd(t, b_.getInt64(1)), frame_.t);
    if (alsoStep) {
      Value* step = b_.CreateLoad(b_.getInt64Ty(), frame_.step);
      b_.CreateStore(b_.CreateAdd(step, b_.getInt64(1)), frame_.step);
    }
  };
  b_.SetInsertPoint(next);
  advance(true);
  pollCancel();
  b_.CreateBr(head);
  b_.SetInsertPoint(stop);
  advance(false);
  b_.CreateBr(exit);
  b_.SetInsertPoint(exit);
}

//===--- functions -----------------------------------------------------------===//

llvm::Function* Emitter::function(uint32_t index) {
  if (functions_[index]) return functions_[index];
  const ir::Function& f = program_.functions[index];
  std::vector<llvm::Type*> params{b_.getPtrTy(), b_.getPtrTy()};
  for (uint32_t i = 0; i < f.argCount; ++i) params.push_back(typeOf(f.slots[i].type));
  params.push_back(b_.getPtrTy());  // the cancel flag (EmitCancel.cpp), or null
  params.push_back(b_.getPtrTy());  // the caller's countdown to the next poll
  auto* type = llvm::FunctionType::get(typeOf(f.returnType), params, false);
  llvm::Function* fn = llvm::Function::Create(type, llvm::Function::InternalLinkage, "omen_fn_" + f.name, module_);
  functions_[index] = fn;

  // Emit the body with a frame of its own, then resume where the caller was.
  Frame saved = frame_;
  llvm::IRBuilderBase::InsertPoint ip = b_.saveIP();
  frame_ = Frame{};
  frame_.function = fn;
  frame_.ctx = fn->getArg(0);
  frame_.globals = fn->getArg(1);
  if (functionPolls(index)) {
    // Both null when the caller has no flag (the globals function): pollCancel checks.
    frame_.cancel = fn->getArg(2 + f.argCount);
    frame_.untilCancelCheck = fn->getArg(3 + f.argCount);
  }
  b_.SetInsertPoint(llvm::BasicBlock::Create(context_, "entry", fn));
  allocateSlots(f.slots);
  for (uint32_t i = 0; i < f.argCount; ++i) b_.CreateStore(fn->getArg(2 + i), frame_.slots[i]);
  // On an error the caller checks ctx; the returned value is never used.
  frame_.fail = newBlock("fail");
  {
    llvm::IRBuilder<> at(frame_.fail);
    at.CreateRet(llvm::Constant::getNullValue(typeOf(f.returnType)));
  }
  block(f.body);
  if (!b_.GetInsertBlock()->getTerminator()) b_.CreateUnreachable();
  frame_ = saved;
  b_.restoreIP(ip);
  return fn;
}

}  // namespace omen::llvmgen
