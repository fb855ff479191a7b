//===- EmitExpr.cpp - omen IR expressions to LLVM IR -----------------------===//
//
// Operands are emitted left to right, each followed by its error check, so draws and the
// first error happen exactly where the interpreter has them.
//
//===----------------------------------------------------------------------===//
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Module.h>

#include "backend/llvm/Emitter.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::llvmgen {

using llvm::Value;

Value* Emitter::loadGlobal(uint32_t index, Type type) {
  Value* at = b_.CreateConstInBoundsGEP1_64(b_.getInt64Ty(), frame_.globals, index);
  switch (type) {
    case Type::Real: return b_.CreateLoad(b_.getDoubleTy(), at);
    case Type::Bool: return b_.CreateICmpNE(b_.CreateLoad(b_.getInt64Ty(), at), b_.getInt64(0));
    case Type::Int:
    case Type::Unknown: return b_.CreateLoad(b_.getInt64Ty(), at);
  }
}

Value* Emitter::expr(const ir::Expr& e) {
  using K = ir::ExprKind;
  switch (e.kind) {
    case K::Const:
      if (e.type == Type::Real) return llvm::ConstantFP::get(b_.getDoubleTy(), e.realValue);
      if (e.type == Type::Bool) return b_.getInt1(e.intValue != 0);
      return b_.getInt64(e.intValue);
    case K::LoadGlobal: return loadGlobal(e.index, e.type);
    case K::LoadSlot: {
      llvm::AllocaInst* slot = frame_.slots.at(e.index);
      return b_.CreateLoad(slot->getAllocatedType(), slot);
    }
    case K::EventHappened: return b_.CreateLoad(b_.getInt1Ty(), frame_.eventHappened.at(e.index));
    case K::EventTime: return b_.CreateLoad(b_.getInt64Ty(), frame_.eventTime.at(e.index));
    case K::Clock:
      return b_.CreateLoad(b_.getInt64Ty(), e.clock == ir::Clock::GlobalStep ? frame_.t : frame_.step);
    case K::Unary: {
      Value* x = expr(*e.operands[0]);
      if (e.unaryOp == ir::UnaryOp::Not) return b_.CreateNot(x);
      if (e.type == Type::Real) return b_.CreateFNeg(x);
      // -INT64_MIN does not fit.
      failIf(b_.CreateICmpEQ(x, b_.getInt64(INT64_MIN)), OMEN_ERR_INT_OVERFLOW, e.site,
             {toDouble(x, Type::Int)});
      return b_.CreateNeg(x);
    }
    case K::Binary: return binary(e);
    case K::And:
    case K::Or: return shortCircuit(e);
    case K::Select: return select(e);
    case K::CallBuiltin: return callBuiltin(e);
    case K::CallFunction: return callFunction(e);
    case K::IntToReal: return b_.CreateSIToFP(expr(*e.operands[0]), b_.getDoubleTy());
    case K::LoadElement: return loadElement(e);
    case K::ArrayLength: return frame_.arrayLength.at(e.index);
    case K::Reduce: return reduce(e);
    case K::Lookup: return lookup(e);
  }
  return nullptr;
}

Value* Emitter::binary(const ir::Expr& e) {
  using Op = ir::BinaryOp;
  Type operandType = e.operands[0]->type;
  Value* a = expr(*e.operands[0]);
  Value* b = expr(*e.operands[1]);
  if (ir::Expr::isComparison(e.binaryOp)) {
    if (operandType == Type::Real) {
      switch (e.binaryOp) {
        case Op::Eq: return b_.CreateFCmpOEQ(a, b);
        case Op::Ne: return b_.CreateFCmpUNE(a, b);
        case Op::Lt: return b_.CreateFCmpOLT(a, b);
        case Op::Le: return b_.CreateFCmpOLE(a, b);
        case Op::Gt: return b_.CreateFCmpOGT(a, b);
        default: return b_.CreateFCmpOGE(a, b);
      }
    }
    switch (e.binaryOp) {
      case Op::Eq: return b_.CreateICmpEQ(a, b);
      case Op::Ne: return b_.CreateICmpNE(a, b);
      case Op::Lt: return b_.CreateICmpSLT(a, b);
      case Op::Le: return b_.CreateICmpSLE(a, b);
      case Op::Gt: return b_.CreateICmpSGT(a, b);
      default: return b_.CreateICmpSGE(a, b);
    }
  }
  if (operandType == Type::Real) {
    switch (e.binaryOp) {
      case Op::Add: return b_.CreateFAdd(a, b);
      case Op::Sub: return b_.CreateFSub(a, b);
      case Op::Mul: return b_.CreateFMul(a, b);
      default:
        failIf(b_.CreateFCmpOEQ(b, llvm::ConstantFP::get(b_.getDoubleTy(), 0.0)), OMEN_ERR_DIV_ZERO,
               e.site, {a, b});
        return b_.CreateFDiv(a, b);
    }
  }
  llvm::Intrinsic::ID id = e.binaryOp == Op::Add   ? llvm::Intrinsic::sadd_with_overflow
                           : e.binaryOp == Op::Sub ? llvm::Intrinsic::ssub_with_overflow
                                                   : llvm::Intrinsic::smul_with_overflow;
  Value* pair = b_.CreateBinaryIntrinsic(id, a, b);
  failIf(b_.CreateExtractValue(pair, 1), OMEN_ERR_INT_OVERFLOW, e.site,
         {toDouble(a, Type::Int), toDouble(b, Type::Int)});
  return b_.CreateExtractValue(pair, 0);
}

Value* Emitter::shortCircuit(const ir::Expr& e) {
  bool isAnd = e.kind == ir::ExprKind::And;
  Value* left = expr(*e.operands[0]);
  llvm::BasicBlock* leftEnd = b_.GetInsertBlock();
  llvm::BasicBlock* right = newBlock(isAnd ? "and.rhs" : "or.rhs");
  llvm::BasicBlock* done = newBlock(isAnd ? "and.end" : "or.end");
  if (isAnd)
    b_.CreateCondBr(left, right, done);
  else
    b_.CreateCondBr(left, done, right);
  b_.SetInsertPoint(right);
  Value* rightValue = expr(*e.operands[1]);
  llvm::BasicBlock* rightEnd = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(b_.getInt1Ty(), 2);
  phi->addIncoming(b_.getInt1(!isAnd), leftEnd);
  phi->addIncoming(rightValue, rightEnd);
  return phi;
}

Value* Emitter::select(const ir::Expr& e) {
  Value* cond = expr(*e.operands[0]);
  llvm::BasicBlock* thenBlock = newBlock("sel.then");
  llvm::BasicBlock* elseBlock = newBlock("sel.else");
  llvm::BasicBlock* done = newBlock("sel.end");
  b_.CreateCondBr(cond, thenBlock, elseBlock);
  b_.SetInsertPoint(thenBlock);
  Value* a = expr(*e.operands[1]);
  llvm::BasicBlock* thenEnd = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(elseBlock);
  Value* c = expr(*e.operands[2]);
  llvm::BasicBlock* elseEnd = b_.GetInsertBlock();
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(typeOf(e.type), 2);
  phi->addIncoming(a, thenEnd);
  phi->addIncoming(c, elseEnd);
  return phi;
}

Value* Emitter::callBuiltin(const ir::Expr& e) {
  const BuiltinInfo& info = builtin(e.builtin);
  std::string symbol(info.symbol);
  if (e.intForm) symbol += "_i";
  // In a speculative trial, a rejection sampler's one-try variant (Builtins.h).
  if (frame_.failed && runtime_.getFunction(symbol + "_lanes")) symbol += "_lanes";
  llvm::Function* callee = runtimeFunction(symbol);
  std::vector<Value*> args{frame_.ctx, b_.getInt32(e.site)};
  if (isVariadic(info)) {
    // (const double* values, int64_t count): the values go to a stack array, in order.
    llvm::ArrayType* arrayType = llvm::ArrayType::get(b_.getDoubleTy(), e.operands.size());
    llvm::AllocaInst* array = entryAlloca(arrayType, "variadic");
    for (size_t i = 0; i < e.operands.size(); ++i) {
      Value* v = expr(*e.operands[i]);
      b_.CreateStore(v, b_.CreateConstInBoundsGEP2_64(arrayType, array, 0, i));
    }
    args.push_back(b_.CreateConstInBoundsGEP2_64(arrayType, array, 0, 0));
    args.push_back(b_.getInt64(e.operands.size()));
  } else {
    for (const ir::ExprPtr& operand : e.operands) args.push_back(expr(*operand));
  }
  if (!callee) return llvm::UndefValue::get(typeOf(e.type));
  llvm::CallInst* call = b_.CreateCall(callee, args);
  checkError();
  Value* result = call;
  // A C `bool` comes back as i1 (zeroext) or i8 depending on how clang lowered it.
  if (e.type == Type::Bool && !result->getType()->isIntegerTy(1))
    result = b_.CreateICmpNE(result, llvm::ConstantInt::get(result->getType(), 0));
  return result;
}

Value* Emitter::callFunction(const ir::Expr& e) {
  llvm::Function* callee = function(e.index);
  std::vector<Value*> args{frame_.ctx, frame_.globals};
  for (const ir::ExprPtr& operand : e.operands) args.push_back(expr(*operand));
  // The cancel flag and countdown, for the callee's `for` loops (function() in EmitStmt.cpp);
  // null for a callee that runs none, so that the caller's countdown stays in a register.
  llvm::Value* none = llvm::ConstantPointerNull::get(b_.getPtrTy());
  const bool polls = functionPolls(e.index) && frame_.cancel;
  args.push_back(polls ? frame_.cancel : none);
  args.push_back(polls ? frame_.untilCancelCheck : none);
  llvm::CallInst* call = b_.CreateCall(callee, args);
  checkError();
  return call;
}

}  // namespace omen::llvmgen
