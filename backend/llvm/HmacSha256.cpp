//===- HmacSha256.cpp - HMAC-SHA-256 (RFC 2104) over LLVM's SHA-256 --------===//
#include "backend/llvm/HmacSha256.h"

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/SHA256.h>

namespace omen::llvmgen {

std::array<uint8_t, 32> hmacSha256(std::string_view key, std::string_view message) {
  constexpr size_t kBlock = 64;  // SHA-256's block size in bytes
  std::array<uint8_t, kBlock> padded{};
  if (key.size() > kBlock) {
    llvm::SHA256 keyHash;
    keyHash.update(llvm::StringRef(key));
    std::array<uint8_t, 32> hashed = keyHash.final();
    std::copy(hashed.begin(), hashed.end(), padded.begin());
  } else {
    std::copy(key.begin(), key.end(), padded.begin());
  }
  std::array<uint8_t, kBlock> inner, outer;
  for (size_t i = 0; i < kBlock; ++i) {
    inner[i] = padded[i] ^ 0x36;
    outer[i] = padded[i] ^ 0x5c;
  }
  llvm::SHA256 innerHash;
  innerHash.update(llvm::ArrayRef<uint8_t>(inner));
  innerHash.update(llvm::StringRef(message));
  std::array<uint8_t, 32> innerDigest = innerHash.final();
  llvm::SHA256 outerHash;
  outerHash.update(llvm::ArrayRef<uint8_t>(outer));
  outerHash.update(llvm::ArrayRef<uint8_t>(innerDigest));
  return outerHash.final();
}

bool sameDigest(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace omen::llvmgen
