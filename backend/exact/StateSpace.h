//===- StateSpace.h - A trial's memory as a hashable key, and sets of them -===//
//
// Between steps a trial is its memory: the phase it is in, the clocks, the count or limit of
// that phase, the params and states of its frame, its events and array elements. Locals are
// left out (a step sets each before reading it), and so is the time of an event that nothing
// reads, so that trials differing only there are one state. A distribution over states is
// a hash map from key to probability.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
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

using Distribution = std::unordered_map<StateKey, double, StateKeyHash>;

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

 private:
  const ir::Scenario& s_;
  std::vector<uint32_t> kept_;      ///< frame slots in the key (params and states)
  std::vector<uint8_t> timeRead_;   ///< per event: its time is read somewhere
  size_t frameSize_ = 0, events_ = 0;
};

}  // namespace omen::exact
