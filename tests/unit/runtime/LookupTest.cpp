//===- LookupTest.cpp - A policy's choice found in its sorted table ---------===//
//
// omen_rt_lookup against a linear scan: every key in the table finds its own row; a key not
// in it takes the row that agrees with it on the most leading cells (the earlier on a tie).
//
//===----------------------------------------------------------------------===//
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "runtime/kernel/Lookup.h"

namespace {

// The value by a linear scan: the exact row, else the first row with the longest agreeing
// prefix among the two around the key's place (what the binary search promises).
int64_t scan(const std::vector<std::vector<int64_t>>& rows, const std::vector<int64_t>& values,
             const std::vector<int64_t>& key) {
  size_t place = std::lower_bound(rows.begin(), rows.end(), key) - rows.begin();
  auto agree = [&](size_t r) {
    size_t k = 0;
    while (k < key.size() && rows[r][k] == key[k]) ++k;
    return int64_t(k);
  };
  int64_t before = place > 0 ? agree(place - 1) : -1, at = place < rows.size() ? agree(place) : -1;
  return values[at > before ? place : place - 1];
}

TEST(Lookup, EveryKeyFindsItsRowAndOthersTheLongestAgreeingPrefix) {
  // Keys (t, a, b) over a small grid with gaps, negative cells included; value = a made-up code.
  std::vector<std::vector<int64_t>> rows;
  std::vector<int64_t> values, cells;
  for (int64_t t = 0; t < 6; ++t)
    for (int64_t a = -3; a <= 3; a += 2)
      for (int64_t b = 0; b < 3; ++b)
        if ((t + a + b) % 4 != 0) {
          rows.push_back({t, a, b});
          values.push_back(100 * t + 10 * a + b);
        }
  for (size_t r = 0; r < rows.size(); ++r) {
    cells.insert(cells.end(), rows[r].begin(), rows[r].end());
    cells.push_back(values[r]);
  }
  int listed = 0, unlisted = 0;
  for (int64_t t = -1; t < 8; ++t)
    for (int64_t a = -4; a <= 4; ++a)
      for (int64_t b = -1; b < 4; ++b) {
        std::vector<int64_t> key{t, a, b};
        int64_t found = omen_rt_lookup(cells.data(), int64_t(rows.size()), 3, key.data());
        bool inTable = std::binary_search(rows.begin(), rows.end(), key);
        (inTable ? listed : unlisted)++;
        if (inTable) EXPECT_EQ(found, 100 * t + 10 * a + b);
        EXPECT_EQ(found, scan(rows, values, key)) << t << " " << a << " " << b;
      }
  EXPECT_EQ(size_t(listed), rows.size());
  EXPECT_GT(unlisted, 0);
}

TEST(Lookup, OneRowAnswersEverything) {
  std::vector<int64_t> cells{5, 7, 42};
  std::vector<int64_t> below{0, 0}, above{9, 9}, same{5, 7};
  EXPECT_EQ(omen_rt_lookup(cells.data(), 1, 2, below.data()), 42);
  EXPECT_EQ(omen_rt_lookup(cells.data(), 1, 2, above.data()), 42);
  EXPECT_EQ(omen_rt_lookup(cells.data(), 1, 2, same.data()), 42);
}

TEST(Lookup, AnUnlistedKeyTakesTheRowSharingItsLeadingCells) {
  // Rows (1, 0) -> 10 and (2, 5) -> 20: the key (2, 0) lies between them and agrees with the
  // second on its first cell; (1, 9) lies between them too and agrees with the first.
  std::vector<int64_t> cells{1, 0, 10, 2, 5, 20};
  std::vector<int64_t> a{2, 0}, b{1, 9};
  EXPECT_EQ(omen_rt_lookup(cells.data(), 2, 2, a.data()), 20);
  EXPECT_EQ(omen_rt_lookup(cells.data(), 2, 2, b.data()), 10);
}

}  // namespace
