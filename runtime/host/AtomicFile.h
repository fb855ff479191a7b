//===- AtomicFile.h - Files omen writes appear whole or not at all ----------===//
//
// Everything omen writes to a path the user named (`emit -o`, `build -o`, `--plot`, the
// REPL's `:save`) is written to a temporary file in the same folder and renamed into place
// once complete and flushed, so a full disk or an interrupted write never leaves half a file
// and never destroys the file that was there.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

namespace omen::rt {

/// Writes `bytes` to `path` (mode 0666 less the umask, as a plain write would); "" or the
/// error, in a sentence naming the file. Through a symlink the file it names is replaced; a
/// device or FIFO (`-o /dev/stdout`) is written into, never replaced.
std::string writeFileAtomically(const std::string& path, std::string_view bytes);

/// A path beside `path` no other writer uses, for a file another program writes (the
/// linker) before commitTemporaryFile renames it into place.
std::string temporaryPathBeside(const std::string& path);

/// Renames `temp` onto `path`, or removes it; "" or the error.
std::string commitTemporaryFile(const std::string& temp, const std::string& path);

/// Writes all of `bytes` to `fd` (retrying short and interrupted writes), syncs and closes
/// it; 0 or the errno of the first failure (a full disk may only show at fsync or close).
int writeAllAndClose(int fd, std::string_view bytes);

/// Flushes stdout (C and C++ streams) and checks that everything printed reached it. A
/// command's status if so; otherwise says so on stderr ("TOOL: error: cannot write the
/// output: …") and returns 1, so `omen run X > /dev/full` never exits 0.
int finishStdout(int status, const std::string& tool);

}  // namespace omen::rt
