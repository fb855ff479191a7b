//===- RegularFile.h - Reading a source file that is a regular file, bounded -===//
//
// Every file omen reads as source (the command's file, an import, the REPL's :load, `omen
// doc`'s argument) is read here. Only a regular file is read: a FIFO would block in open()
// until someone writes to it, and a device such as /dev/zero never ends, so both are a clear
// error instead (the file is opened non-blocking, then checked with fstat, so that no test
// of the name can race with what is opened). The size is checked against a cap before
// anything is read, so no source read can exhaust memory.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string>

namespace omen {

/// The largest source file omen reads.
inline constexpr size_t kMaxSourceFileBytes = size_t(256) << 20;

/// Reads the whole of `path` into `text`; on failure returns false and sets `error` to a
/// sentence naming the path ("no such file: 'x'", "'x' is a FIFO, not a regular file", ...).
bool readRegularFile(const std::string& path, std::string& text, std::string& error);

}  // namespace omen
