//===- SourceManager.h - Owns source buffers; locations and line text ----===//
//
// Every piece of omen text (a file, a stdlib module, a REPL cell, a string handed to the API)
// is a buffer with a FileId. Locations are (file, line, column), 1-based, columns counted in
// characters, so diagnostics can show the line and put a caret under the right character.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omen {

using FileId = uint32_t;

struct SourceLoc {
  FileId file = 0;
  uint32_t line = 0;  ///< 1-based; 0 means "no location"
  uint32_t col = 0;   ///< 1-based, in characters (code points)
  bool valid() const { return line != 0; }
};

/// A half-open range [begin, end). `end` may be on a later line.
struct SourceRange {
  SourceLoc begin;
  SourceLoc end;
  bool valid() const { return begin.valid(); }
  static SourceRange join(const SourceRange& a, const SourceRange& b) { return {a.begin, b.end}; }
};

class SourceManager {
 public:
  /// Adds a buffer. `displayName` is what diagnostics print; `canonicalPath` (may be empty)
  /// identifies a file on disk so that it is loaded only once.
  FileId addBuffer(std::string displayName, std::string text, std::string canonicalPath = "");

  /// Reads a file from disk. Returns an error message instead of a FileId on failure.
  struct LoadResult {
    std::optional<FileId> file;
    std::string error;
  };
  LoadResult loadFile(const std::string& path, const std::string& displayName);

  std::optional<FileId> findByPath(const std::string& canonicalPath) const;

  const std::string& name(FileId id) const { return buffers_.at(id).name; }
  const std::string& text(FileId id) const { return buffers_.at(id).text; }
  const std::string& path(FileId id) const { return buffers_.at(id).path; }
  size_t size() const { return buffers_.size(); }
  /// Whether the buffer is a regular file read by loadFile (named to omen or imported; not
  /// a pipe such as /dev/stdin, whose text the user is typing or piping).
  bool readFromDisk(FileId id) const { return buffers_.at(id).readFromDisk; }

  /// The text of a 1-based line, without its newline; empty if out of range.
  std::string_view lineText(FileId id, uint32_t line) const;

 private:
  struct Buffer {
    std::string name, text, path;
    std::vector<size_t> lineStarts;  // byte offset of each line's first character
    bool readFromDisk = false;
  };
  std::vector<Buffer> buffers_;
};

}  // namespace omen
