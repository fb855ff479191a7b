//===- Fingerprint.h - A short digest that tells two inputs apart -----------===//
//
// For noticing that two processes were given different inputs (MPI ranks, see
// runtime/host/Cluster.h), not for security: FNV-1a, 64 bits, as 16 hex digits.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace omen {

inline std::string fingerprint(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ull;
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[size_t(i)] = digits[h & 15];
  return out;
}

}  // namespace omen
