//===- KernelCache.h - Compiled kernels on disk, shared between runs --------===//
//
// A second `omen run` of an unchanged file, or the REPL after an edit elsewhere, loads its
// kernels' object code instead of compiling it again. Entries are named by a SHA-256 of
// everything the code depends on (KernelKey.h's text, the omen version, the build of omen
// that compiled it, the target CPU and its features), so an entry is never stale. Each entry
// carries an HMAC of its name and code under the user's secret (KernelCacheFolder.h): a
// corrupt, truncated, renamed or planted entry fails to load and is rebuilt. Writers write a
// temporary file (0600) and rename it into place, so concurrent runs never see half an entry.
//
// Where: $OMEN_CACHE_DIR, else $XDG_CACHE_HOME/omen, else ~/.cache/omen. OMEN_CACHE_DIR=off
// (or a directory that cannot be created) turns the cache off; nothing else changes. A
// folder someone else owns or may write is not used (KernelCacheFolder.h).
//
// Size: at most $OMEN_CACHE_MAX_MB MiB of entries (default 256). Each store trims the folder
// back under the cap by removing the least recently used entries first: "used" is the
// modification time, which a store sets and a load refreshes. Only files omen wrote are
// removed: named like an entry, owned by the user, starting with an entry's header. Removing
// is safe while another process runs: an entry removed after it was opened is still read
// whole (POSIX unlink), one removed before is just compiled again, and a removal that loses
// a race is ignored.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace omen::llvmgen {

/// The cache directory, or "" when the cache is off.
std::string kernelCacheDir();

/// The name of an entry: hex SHA-256 of `parts` joined.
std::string kernelCacheKey(const std::string& irText, const std::string& cpu);

/// The object code stored in `dir` (kernelCacheDir(), "" = off) for `key`, if any and intact;
/// marks the entry as used now.
std::optional<std::string> loadCachedKernel(const std::string& dir, const std::string& key);

/// Stores object code for `key` (best effort: a failure to write only costs the next run),
/// then trims the folder to kernelCacheCapBytes().
void storeCachedKernel(const std::string& dir, const std::string& key, const std::string& object);

/// The cap on the entries' total size, in bytes: $OMEN_CACHE_MAX_MB MiB (a number >= 0; unset
/// or unreadable: 256).
uint64_t kernelCacheCapBytes();

/// Removes entries of `dir`, least recently used first, until they total at most `capBytes`;
/// also removes temporary files of writers that died (older than an hour). Best effort.
void trimKernelCache(const std::string& dir, uint64_t capBytes);

/// Whether `name` is one omen gives entries ("HEX64.o") or their temporary files.
bool isKernelCacheFileName(const std::string& name);
/// Whether a file starting with `head` (at least 12 bytes) is an entry omen wrote.
bool startsLikeKernelCacheEntry(std::string_view head);

/// Removes an entry that turned out not to load.
void dropCachedKernel(const std::string& dir, const std::string& key);

}  // namespace omen::llvmgen
