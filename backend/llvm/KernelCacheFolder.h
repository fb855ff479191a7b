//===- KernelCacheFolder.h - Whose cache folder, whose entries, whose secret =//
//
// Object code from the cache runs as the user, so the cache trusts nothing it did not write
// itself: the folder must be a directory owned by the user and writable by no one else (it is
// created 0700 whatever the umask), and so must every file read from it (opened without
// following symlinks and checked with fstat: a regular file, owned by the user, not group or
// other writable; a FIFO or device is never waited on). Entries are authenticated with a
// per-user secret, 32 random bytes created 0600 in the folder ("secret-key"): anyone can
// recompute a bare checksum, no one else can compute the HMAC. A folder that fails these
// checks is not used; the run goes on without the cache and says why once on stderr.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <string>

namespace omen::llvmgen {

/// Creates `dir` (0700) if missing and checks it: true if usable. `why` is set when the
/// folder exists but must not be trusted; a folder that cannot be created (no home, a
/// read-only disk) just turns the cache off, as before.
bool prepareCacheFolder(const std::string& dir, std::string& why);

/// The bytes of `path` if it is a regular file the user owns whose mode has none of the
/// `forbidden` bits (never following a symlink, never blocking on a FIFO); nothing if it is
/// absent. `why` is set when the file exists but must not be trusted.
std::optional<std::string> readOwnFile(const std::string& path, std::string& why, unsigned forbidden = 022);

/// Whether `path` is a regular file (not a symlink) the user owns.
bool isOwnRegularFile(const std::string& path);

/// The folder's secret, created if missing and `create` (a store; a load without a secret
/// has nothing it could trust). Nothing, and `why`, if it cannot be trusted.
std::optional<std::string> cacheSecret(const std::string& dir, bool create, std::string& why);

/// Prints "omen: warning: not using the kernel cache: WHY" once per process, and turns the
/// cache off for the rest of it.
void refuseCache(const std::string& why);

/// Whether refuseCache was called.
bool cacheRefused();

}  // namespace omen::llvmgen
