//===- Lookup.cpp - A value looked up in a sorted decision table ------------===//
#include "runtime/kernel/Lookup.h"

namespace {

// The number of leading cells `row` and `key` share (width when they are equal).
int64_t agreeing(const int64_t* row, const int64_t* key, int64_t width) {
  int64_t k = 0;
  while (k < width && row[k] == key[k]) ++k;
  return k;
}

}  // namespace

extern "C" int64_t omen_rt_lookup(const int64_t* cells, int64_t rows, int64_t width, const int64_t* key) {
  const int64_t stride = width + 1;
  // The first row whose key is not below `key`.
  int64_t lo = 0, hi = rows;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    const int64_t* row = cells + mid * stride;
    int64_t k = agreeing(row, key, width);
    if (k < width && row[k] < key[k])
      lo = mid + 1;
    else
      hi = mid;
  }
  int64_t before = lo > 0 ? agreeing(cells + (lo - 1) * stride, key, width) : -1;
  int64_t at = lo < rows ? agreeing(cells + lo * stride, key, width) : -1;
  int64_t row = at > before ? lo : lo - 1;
  return cells[row * stride + width];
}
