//===- StateSpace.h - A trial's memory as a hashable key, and sets of them -===//
//
// Between steps a trial is its memory: the phase it is in, the clocks, the count or limit of
// that phase, the params and states of its frame, its events and array elements. Locals are
// left out (a step sets each before reading it), and so is the time of an event that nothing
// reads, so that trials differing only there are one state. A distribution over states is
// a hash map from key to weight: the probability, and for each *moment event* the sum of
// probability times its time. A moment event is one whose time only `E(time(e) …)` reports
// read (`mean step of first defection`): nothing a step does depends on that time, so
// trials that differ only there can be one state if the state keeps the first moment of the
// time, which is all such a report needs. Its time is then out of the key.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/exact/Evaluator.h"

namespace omen::exact {

using StateKey = std::vector<int64_t>;

struct StateKeyHash {
  size_t operator()(const StateKey& k) const {
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ k.size();
    for (int64_t v : k) {
      h ^= uint64_t(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
      h *= 0xff51afd7ed558ccdULL;
    }
    return size_t(h ^ (h >> 29));
  }
};

/// Moment events beyond this many keep their time in the key instead.
inline constexpr size_t kMaxMoments = 4;

struct Weight {
  double mass = 0;
  std::array<double, kMaxMoments> moments{};  ///< sum of probability times time(e), per moment event
  Weight& operator+=(const Weight& w) {
    mass += w.mass;
    for (size_t j = 0; j < kMaxMoments; ++j) moments[j] += w.moments[j];
    return *this;
  }
};

using Distribution = std::unordered_map<StateKey, Weight, StateKeyHash>;

/// Where a trial is: which phase, and the count or limit that phase evaluated on entry.
struct Position {
  uint32_t phase = 0;
  int64_t limit = -1;  ///< -1: not evaluated yet (the phase has not started)
};

class StateLayout {
 public:
  StateLayout(const ir::Module& m, const ir::Scenario& s);

  StateKey encode(const Position& at, const TrialMemory& memory) const;
  void decode(const StateKey& key, Position& at, TrialMemory& memory) const;
  /// The slot whose values are most varied among `states` (for the too-many-states error).
  std::string mostVaried(const Distribution& states) const;

  /// The weight of an outcome of probability `probability` reached from a state of weight
  /// `from` (memory `before`) and ending in memory `after`: each moment event's sum scales
  /// with the probability, or starts at probability times its time if it happened just now.
  Weight carry(const Weight& from, const TrialMemory& before, const TrialMemory& after, double probability) const;
  /// The moment (index into Weight::moments) a report takes its mean from, or -1: an E
  /// report whose value is time(e) of a moment event. `event` is set to e.
  int momentOf(const ir::Report& r, uint32_t& event) const;

 private:
  const ir::Scenario& s_;
  std::vector<uint32_t> kept_;      ///< frame slots in the key (params and states)
  std::vector<uint8_t> timeRead_;   ///< per event: its time is read somewhere (and kept in the key)
  std::vector<uint32_t> moments_;   ///< the moment events, in Weight::moments order
  size_t frameSize_ = 0, events_ = 0;
};

}  // namespace omen::exact
