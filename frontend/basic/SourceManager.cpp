//===- SourceManager.cpp - Owns source buffers; locations and line text --===//
#include "frontend/basic/SourceManager.h"

#include <filesystem>

#include "core/RegularFile.h"

namespace omen {

FileId SourceManager::addBuffer(std::string displayName, std::string text, std::string canonicalPath) {
  Buffer b{std::move(displayName), std::move(text), std::move(canonicalPath), {0}};
  for (size_t i = 0; i < b.text.size(); ++i)
    if (b.text[i] == '\n') b.lineStarts.push_back(i + 1);
  buffers_.push_back(std::move(b));
  return static_cast<FileId>(buffers_.size() - 1);
}

SourceManager::LoadResult SourceManager::loadFile(const std::string& path,
                                                  const std::string& displayName) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  if (!fs::exists(p, ec)) {
    if (ec && ec != std::errc::no_such_file_or_directory)  // e.g. a folder we may not enter
      return {std::nullopt, "cannot read '" + path + "': " + ec.message()};
    return {std::nullopt, "no such file: '" + path + "'"};
  }
  if (fs::is_directory(p, ec)) return {std::nullopt, "'" + path + "' is a directory, not an .omen file"};
  std::string canonical = fs::weakly_canonical(p, ec).string();
  if (auto existing = findByPath(canonical)) return {existing, ""};
  // Only a regular file, within a size cap: a FIFO or a device is an error, not a wait.
  std::string text, error;
  if (!readRegularFile(path, text, error)) return {std::nullopt, error};
  FileId id = addBuffer(displayName, std::move(text), canonical);
  buffers_[id].readFromDisk = true;
  return {id, ""};
}

std::optional<FileId> SourceManager::findByPath(const std::string& canonicalPath) const {
  if (canonicalPath.empty()) return std::nullopt;
  for (size_t i = 0; i < buffers_.size(); ++i)
    if (buffers_[i].path == canonicalPath) return static_cast<FileId>(i);
  return std::nullopt;
}

std::string_view SourceManager::lineText(FileId id, uint32_t line) const {
  const Buffer& b = buffers_.at(id);
  if (line == 0 || line > b.lineStarts.size()) return {};
  size_t start = b.lineStarts[line - 1];
  size_t end = line < b.lineStarts.size() ? b.lineStarts[line] - 1 : b.text.size();
  if (end > start && b.text[end - 1] == '\r') --end;
  return std::string_view(b.text).substr(start, end - start);
}

}  // namespace omen
