//===- TextTable.h - Aligned columns for the analyses' text output ---------===//
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace omen::rt {

/// Rows of cells, each column padded to its widest cell (UTF-8 aware: "±" is one column).
class TextTable {
 public:
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string render(const std::string& indent = "  ") const {
    std::vector<size_t> widths;
    for (const auto& r : rows_) {
      if (widths.size() < r.size()) widths.resize(r.size(), 0);
      for (size_t i = 0; i + 1 < r.size(); ++i) widths[i] = std::max(widths[i], width(r[i]));
    }
    std::string out;
    for (const auto& r : rows_) {
      std::string line = indent;
      for (size_t i = 0; i < r.size(); ++i) {
        line += r[i];
        if (i + 1 < r.size()) line += std::string(widths[i] - width(r[i]) + 3, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  }

 private:
  static size_t width(const std::string& s) {
    size_t w = 0;
    for (unsigned char c : s) w += (c & 0xC0) != 0x80;
    return w;
  }
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace omen::rt
