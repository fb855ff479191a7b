//===- EmitArray.cpp - Arrays, reductions and `for` loops to LLVM IR --------===//
//
// A block function lays out every array of its scenario once, before its first trial: the
// lengths are read from the globals, checked, and one malloc'ed buffer of 8-byte cells holds
// all elements (freed on both exits). The operations mirror backend/interp/Machine.cpp: the
// same checks in the same order, elements visited in index order, reals summed left to
// right from +0.0, so that the engines agree bit for bit.
//
//===----------------------------------------------------------------------===//
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Module.h>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

using llvm::Value;

void Emitter::layoutArrays(const ir::Scenario& s) {
  frame_.arrayBase.clear();
  frame_.arrayLength.clear();
  frame_.arrayMemory = nullptr;
  frame_.arrayType.clear();
  for (const ir::Array& a : s.arrays) frame_.arrayType.push_back(a.type);
  if (s.arrays.empty()) return;
  frame_.arrayMemory = entryAlloca(b_.getPtrTy(), "arrays");
  b_.CreateStore(llvm::ConstantPointerNull::get(b_.getPtrTy()), frame_.arrayMemory);
  // The context records a bad length; it is reset again by the first trial.
  if (llvm::Function* begin = runtimeFunction("omen_rt_begin_trial"))
    b_.CreateCall(begin, {frame_.ctx, frame_.function->getArg(1), frame_.function->getArg(2)});
  Value* limit = b_.getInt64(ir::kMaxArrayElements);
  Value* total = b_.getInt64(0);
  std::vector<Value*> offsets;
  for (const ir::Array& a : s.arrays) {
    Value* n = expr(*a.length);
    Value* room = b_.CreateSub(limit, total);
    failIf(b_.CreateOr(b_.CreateICmpSLT(n, b_.getInt64(0)), b_.CreateICmpSGT(n, room)), OMEN_ERR_ARRAY_LENGTH,
           a.site, {toDouble(n, Type::Int), toDouble(limit, Type::Int)});
    offsets.push_back(total);
    frame_.arrayLength.push_back(n);
    total = b_.CreateAdd(total, n);
  }
  llvm::FunctionCallee malloc =
      module_.getOrInsertFunction("malloc", llvm::FunctionType::get(b_.getPtrTy(), {b_.getInt64Ty()}, false));
  // One spare cell, so that all-empty arrays still get a distinct, non-null buffer.
  Value* memory = b_.CreateCall(malloc, {b_.CreateMul(b_.CreateAdd(total, b_.getInt64(1)), b_.getInt64(8))});
  b_.CreateStore(memory, frame_.arrayMemory);
  for (Value* offset : offsets) frame_.arrayBase.push_back(b_.CreateInBoundsGEP(b_.getInt64Ty(), memory, offset));
}

void Emitter::freeArrays() {
  if (!frame_.arrayMemory) return;
  llvm::FunctionCallee free =
      module_.getOrInsertFunction("free", llvm::FunctionType::get(b_.getVoidTy(), {b_.getPtrTy()}, false));
  b_.CreateCall(free, {b_.CreateLoad(b_.getPtrTy(), frame_.arrayMemory)});
}

Value* Emitter::elementPtr(uint32_t array, Value* index, uint32_t site) {
  Value* length = frame_.arrayLength.at(array);
  failIf(b_.CreateICmpUGE(index, length), OMEN_ERR_INDEX_RANGE, site,
         {toDouble(index, Type::Int), toDouble(length, Type::Int)});
  return b_.CreateInBoundsGEP(b_.getInt64Ty(), frame_.arrayBase.at(array), index);
}

/// Cells are 8 bytes: a bool is stored as an i64 0 or 1.
static Value* loadCell(llvm::IRBuilder<>& b, Value* at, Type t) {
  if (t == Type::Real) return b.CreateLoad(b.getDoubleTy(), at);
  Value* v = b.CreateLoad(b.getInt64Ty(), at);
  return t == Type::Bool ? b.CreateICmpNE(v, b.getInt64(0)) : v;
}

Value* Emitter::loadElement(const ir::Expr& e) {
  Value* index = expr(*e.operands[0]);
  return loadCell(b_, elementPtr(e.index, index, e.site), e.type);
}

void Emitter::storeElement(const ir::Stmt& s) {
  // The index is checked before the value is evaluated, as in the interpreter.
  Value* at = elementPtr(s.index, expr(*s.subscript), s.site);
  Value* v = expr(*s.value);
  if (v->getType()->isIntegerTy(1)) v = b_.CreateZExt(v, b_.getInt64Ty());
  b_.CreateStore(v, at);
}

void Emitter::triggerElement(const ir::Stmt& s) {
  Value* index = expr(*s.subscript);
  Value* flag = elementPtr(s.index, index, s.site);
  Value* time = b_.CreateInBoundsGEP(b_.getInt64Ty(), frame_.arrayBase.at(s.index + 1), index);
  Value* happened = b_.CreateICmpNE(b_.CreateLoad(b_.getInt64Ty(), flag), b_.getInt64(0));
  Value* now = b_.CreateLoad(b_.getInt64Ty(), frame_.t);
  b_.CreateStore(b_.CreateSelect(happened, b_.CreateLoad(b_.getInt64Ty(), time), now), time);
  b_.CreateStore(b_.getInt64(1), flag);
}

void Emitter::forLoop(const ir::Stmt& s) {
  llvm::AllocaInst* i = frame_.slots.at(s.index);
  llvm::AllocaInst* end = frame_.slots.at(s.aux);
  Value* lo = expr(*s.value);
  Value* hi = expr(*s.bound);
  b_.CreateStore(lo, i);
  b_.CreateStore(hi, end);
  if (s.site != ir::kNoSite) {
    // hi - lo as an unsigned difference is exact whenever hi > lo (Machine::checkLoopLength).
    Value* n = b_.CreateSub(hi, lo);
    failIf(b_.CreateAnd(b_.CreateICmpSGT(hi, lo), b_.CreateICmpUGT(n, b_.getInt64(ir::kMaxLoopIterations))),
           OMEN_ERR_LOOP_LIMIT, s.site, {b_.CreateUIToFP(n, b_.getDoubleTy())});
  }
  llvm::BasicBlock* head = newBlock("for.head");
  llvm::BasicBlock* body = newBlock("for.body");
  llvm::BasicBlock* exit = newBlock("for.exit");
  b_.CreateBr(head);
  b_.SetInsertPoint(head);
  Value* at = b_.CreateLoad(b_.getInt64Ty(), i);
  b_.CreateCondBr(b_.CreateICmpSLT(at, b_.CreateLoad(b_.getInt64Ty(), end)), body, exit);
  b_.SetInsertPoint(body);
  block(s.thenBlock);
  // i < end held, so i + 1 does not overflow.
  b_.CreateStore(b_.CreateAdd(b_.CreateLoad(b_.getInt64Ty(), i), b_.getInt64(1)), i);
  pollCancel();
  b_.CreateBr(head);
  b_.SetInsertPoint(exit);
}

Value* Emitter::reduce(const ir::Expr& e) {
  const ir::ReduceOp op = e.reduceOp;
  Value* length = frame_.arrayLength.at(e.index);
  Value* base = frame_.arrayBase.at(e.index);
  const bool isMinMax = op == ir::ReduceOp::Min || op == ir::ReduceOp::Max;
  if (isMinMax || op == ir::ReduceOp::Mean)
    failIf(b_.CreateICmpEQ(length, b_.getInt64(0)), OMEN_ERR_EMPTY_ARRAY, e.site, {});

  const Type cell = frame_.arrayType.at(e.index);
  llvm::Type* accType = op == ir::ReduceOp::Mean ? b_.getDoubleTy() : typeOf(cell == Type::Bool ? Type::Int : cell);
  llvm::AllocaInst* acc = entryAlloca(accType, "reduce.acc");
  llvm::AllocaInst* i = entryAlloca(b_.getInt64Ty(), "reduce.i");
  Value* init = nullptr;
  switch (op) {
    case ir::ReduceOp::Any:
    case ir::ReduceOp::Count: init = b_.getInt64(0); break;
    case ir::ReduceOp::All: init = b_.getInt64(1); break;
    case ir::ReduceOp::Sum: init = cell == Type::Real ? llvm::ConstantFP::get(b_.getDoubleTy(), 0.0) : b_.getInt64(0); break;
    case ir::ReduceOp::Mean: init = llvm::ConstantFP::get(b_.getDoubleTy(), 0.0); break;
    case ir::ReduceOp::Min:
    case ir::ReduceOp::Max: init = loadCell(b_, base, cell); break;
  }
  b_.CreateStore(init, acc);
  b_.CreateStore(b_.getInt64(isMinMax ? 1 : 0), i);
  llvm::BasicBlock* head = newBlock("reduce.head");
  llvm::BasicBlock* body = newBlock("reduce.body");
  llvm::BasicBlock* exit = newBlock("reduce.exit");
  b_.CreateBr(head);
  b_.SetInsertPoint(head);
  Value* at = b_.CreateLoad(b_.getInt64Ty(), i);
  b_.CreateCondBr(b_.CreateICmpSLT(at, length), body, exit);

  b_.SetInsertPoint(body);
  Value* x = loadCell(b_, b_.CreateInBoundsGEP(b_.getInt64Ty(), base, at), cell);
  Value* sofar = b_.CreateLoad(accType, acc);
  Value* next = nullptr;
  switch (op) {
    case ir::ReduceOp::Any: next = b_.CreateOr(sofar, b_.CreateZExt(x, b_.getInt64Ty())); break;
    case ir::ReduceOp::All: next = b_.CreateAnd(sofar, b_.CreateZExt(x, b_.getInt64Ty())); break;
    case ir::ReduceOp::Count: next = b_.CreateAdd(sofar, b_.CreateZExt(x, b_.getInt64Ty())); break;
    case ir::ReduceOp::Sum:
      if (cell == Type::Real) {
        next = b_.CreateFAdd(sofar, x);
      } else {
        Value* r = b_.CreateBinaryIntrinsic(llvm::Intrinsic::sadd_with_overflow, sofar, x);
        failIf(b_.CreateExtractValue(r, 1), OMEN_ERR_INT_OVERFLOW, e.site, {});
        next = b_.CreateExtractValue(r, 0);
      }
      break;
    case ir::ReduceOp::Mean: next = b_.CreateFAdd(sofar, toDouble(x, cell)); break;
    case ir::ReduceOp::Min:
    case ir::ReduceOp::Max: {
      bool min = op == ir::ReduceOp::Min;
      Value* better = cell == Type::Real ? (min ? b_.CreateFCmpOLT(x, sofar) : b_.CreateFCmpOGT(x, sofar))
                                         : (min ? b_.CreateICmpSLT(x, sofar) : b_.CreateICmpSGT(x, sofar));
      next = b_.CreateSelect(better, x, sofar);
      break;
    }
  }
  b_.CreateStore(next, acc);
  b_.CreateStore(b_.CreateAdd(b_.CreateLoad(b_.getInt64Ty(), i), b_.getInt64(1)), i);
  b_.CreateBr(head);

  b_.SetInsertPoint(exit);
  Value* result = b_.CreateLoad(accType, acc);
  if (op == ir::ReduceOp::Any || op == ir::ReduceOp::All) return b_.CreateICmpNE(result, b_.getInt64(0));
  if (op == ir::ReduceOp::Mean) return b_.CreateFDiv(result, b_.CreateSIToFP(length, b_.getDoubleTy()));
  return result;
}

}  // namespace omen::llvmgen
