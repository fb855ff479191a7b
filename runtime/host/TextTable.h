//===- TextTable.h - Aligned text tables and the digits an estimate deserves ===//
//
// Shared by the text output of runs, comparisons and the analyses, so they line up the same.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "omen/Results.h"

namespace omen::rt {

/// Display width of UTF-8 text: code points (labels may hold any UTF-8; "±" is one column).
inline size_t width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

/// Rows of cells, each column padded to its widest cell. A row's last cell is never padded
/// and does not widen its column, so a short row can end in free text (the quantiles) and a
/// one-cell row is a free line.
class Table {
 public:
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string render(const std::string& indent) const {
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
  std::vector<std::vector<std::string>> rows_;
};

/// The scale that decides how many digits an estimate deserves.
inline double scaleOf(const ReportResult& r) {
  if (r.stdError > 0) return r.stdError;
  if (r.ciHigh > r.ciLow) return (r.ciHigh - r.ciLow) / 4;
  return 0;
}

}  // namespace omen::rt
