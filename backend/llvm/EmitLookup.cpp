//===- EmitLookup.cpp - A decision table as a constant array ----------------===//
//
// ir::LookupTable's cells become one private constant of the module, and the lookup a call
// of omen_rt_lookup (inlined like every runtime function): the code is the same size for
// ten rows or a hundred thousand, so compiling it is too (ir/LookupTable.h).
//
//===----------------------------------------------------------------------===//
#include <llvm/IR/Constants.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/Module.h>

#include "backend/llvm/Emitter.h"

namespace omen::llvmgen {

using llvm::Value;

Value* Emitter::lookup(const ir::Expr& e) {
  const ir::LookupTable& table = *e.table;
  llvm::Type* i64 = b_.getInt64Ty();
  llvm::AllocaInst* key = entryAlloca(llvm::ArrayType::get(i64, table.width), "lookup.key");
  for (uint32_t k = 0; k < table.width; ++k) {
    const ir::Expr& cell = *e.operands[k];
    Value* v = expr(cell);
    Value* bits = cell.type == Type::Real ? b_.CreateBitCast(v, i64)
                  : cell.type == Type::Bool ? b_.CreateZExt(v, i64)
                                            : v;
    b_.CreateStore(bits, b_.CreateConstInBoundsGEP2_64(key->getAllocatedType(), key, 0, k));
  }
  std::vector<uint64_t> cells(table.cells.begin(), table.cells.end());
  llvm::Constant* data = llvm::ConstantDataArray::get(module_.getContext(), cells);
  auto* rows = new llvm::GlobalVariable(module_, data->getType(), true, llvm::GlobalValue::PrivateLinkage, data,
                                        "lookup.table");
  Value* found = b_.getInt64(0);
  if (llvm::Function* search = runtimeFunction("omen_rt_lookup"))
    found = b_.CreateCall(search, {rows, b_.getInt64(int64_t(table.rows())), b_.getInt64(table.width), key});
  if (e.type == Type::Real) return b_.CreateBitCast(found, b_.getDoubleTy());
  if (e.type == Type::Bool) return b_.CreateICmpNE(found, b_.getInt64(0));
  return found;
}

}  // namespace omen::llvmgen
