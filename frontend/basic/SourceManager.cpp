//===- SourceManager.cpp - Owns source buffers; locations and line text --===//
#include "frontend/basic/SourceManager.h"

#include <filesystem>
#include <fstream>
#include <sstream>

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
  if (!fs::exists(p, ec)) return {std::nullopt, "no such file: '" + path + "'"};
  if (fs::is_directory(p, ec)) return {std::nullopt, "'" + path + "' is a directory, not an .omen file"};
  std::string canonical = fs::weakly_canonical(p, ec).string();
  if (auto existing = findByPath(canonical)) return {existing, ""};
  std::ifstream in(p, std::ios::binary);
  if (!in) return {std::nullopt, "cannot read '" + path + "'"};
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return {std::nullopt, "cannot read '" + path + "'"};
  return {addBuffer(displayName, ss.str(), canonical), ""};
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
