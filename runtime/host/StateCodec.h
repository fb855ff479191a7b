//===- StateCodec.h - Accumulator state as bytes, bit for bit ---------------===//
//
// An MPI rank sends each block's accumulators to rank 0, and rank 0 sends the merged totals
// back to every rank. Restoring the exact bits (not a summary) is what makes an MPI run
// byte-identical to one process: rank 0 folds the very same block states in the same order.
// The classes name StateCodec a friend; the bytes are native-endian (every rank of a run
// runs the same binary on the same kind of machine).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "omen/Results.h"

namespace omen::rt {

class ReportAccumulator;
class PairedMoments;
class QuantileAccumulator;
class QuantileSketch;
class Welford;
class WeightedStats;
class PairedWeights;

class ByteWriter {
 public:
  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void putDoubles(const std::vector<double>& values) {
    put<uint64_t>(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(double));
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(const std::string& bytes, size_t offset = 0) : bytes_(bytes), at_(offset) {}
  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::vector<double> getDoubles() {
    uint64_t n = get<uint64_t>();
    need(n * sizeof(double));
    std::vector<double> out(n);
    if (n) std::memcpy(out.data(), bytes_.data() + at_, n * sizeof(double));  // an empty vector's data() may be null
    at_ += n * sizeof(double);
    return out;
  }

 private:
  void need(size_t n) {
    // Only our own ranks write these bytes; a short message means a broken run, not input.
    if (bytes_.size() - at_ < n) throw std::runtime_error("omen: truncated message between MPI ranks");
  }
  const std::string& bytes_;
  size_t at_;
};

/// Writes and restores the complete state of the driver's accumulators.
struct StateCodec {
  static void put(ByteWriter& w, const ReportAccumulator& a);
  static void get(ByteReader& r, ReportAccumulator& a);
  static void put(ByteWriter& w, const std::vector<ReportAccumulator>& all);
  static void get(ByteReader& r, std::vector<ReportAccumulator>& all);  ///< sizes must match
  static void put(ByteWriter& w, const PairedMoments& m);
  static void get(ByteReader& r, PairedMoments& m);
  static void put(ByteWriter& w, const PairedWeights& p);
  static void get(ByteReader& r, PairedWeights& p);
  static void put(ByteWriter& w, const RunError& e);
  static RunError getError(ByteReader& r);
  /// A finished report (a world of a two-level run travels as its reports).
  static void put(ByteWriter& w, const ReportResult& report);
  static ReportResult getReport(ByteReader& r);
  /// Weighted sums (an importance-sampling run's blocks travel with theirs: analysis/rare).
  static void put(ByteWriter& w, const WeightedStats& s);
  static void get(ByteReader& r, WeightedStats& s);

 private:
  static void put(ByteWriter& w, const Welford& m);
  static void get(ByteReader& r, Welford& m);
  static void put(ByteWriter& w, const QuantileAccumulator& q);
  static void get(ByteReader& r, QuantileAccumulator& q);
  static void put(ByteWriter& w, const QuantileSketch& s);
  static void get(ByteReader& r, QuantileSketch& s);
};

}  // namespace omen::rt
