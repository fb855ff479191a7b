//===- HmacSha256.h - HMAC-SHA-256 (RFC 2104) over LLVM's SHA-256 ----------===//
//
// The kernel cache authenticates its entries with a per-user secret, so that object code
// someone else wrote is never loaded: a bare checksum anyone can recompute. HMAC is a few
// lines over a hash; the hash is LLVM's (llvm/Support/SHA256.h), already linked, and the
// construction is checked against RFC 4231's test vectors (tests/unit/backend).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace omen::llvmgen {

/// HMAC-SHA-256 of `message` under `key` (any length; longer than a block is hashed first).
std::array<uint8_t, 32> hmacSha256(std::string_view key, std::string_view message);

/// Compares two digests in time independent of where they differ.
bool sameDigest(std::string_view a, std::string_view b);

}  // namespace omen::llvmgen
