//===- ClusterSameInput.cpp - MPI ranks must be given the same run ----------===//
//
// Under mpirun every rank runs its own copy of the command, and the ranks' blocks are merged
// as if one process had run them all. Ranks given a different param value, seed, scenario,
// trial count, command or program would blend different runs into one result (or wait for
// blocks that never come), so each rank's description of its run is compared with rank 0's
// before any work.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "runtime/host/Cluster.h"

namespace omen::rt::cluster {
namespace {

std::string encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    out += std::to_string(name.size()) + ':' + name;
    out += std::to_string(value.size()) + ':' + value;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> decode(const std::string& bytes) {
  std::vector<std::pair<std::string, std::string>> fields;
  size_t at = 0;
  auto next = [&](std::string& out) {
    size_t colon = bytes.find(':', at);
    if (colon == std::string::npos) return false;
    size_t n = std::strtoull(bytes.c_str() + at, nullptr, 10);
    if (colon + 1 + n > bytes.size()) return false;
    out = bytes.substr(colon + 1, n);
    at = colon + 1 + n;
    return true;
  };
  std::pair<std::string, std::string> f;
  while (at < bytes.size() && next(f.first) && next(f.second)) fields.push_back(f);
  return fields;
}

}  // namespace

void requireSameInput(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& tool) {
  if (!distributed()) return;
  std::vector<std::string> all = allGather(encode(fields));
  const auto reference = decode(all[0]);
  std::string differences;
  for (size_t r = 1; r < all.size(); ++r) {
    if (all[r] == all[0]) continue;
    const auto theirs = decode(all[r]);
    std::string which;
    for (size_t i = 0; i < std::max(reference.size(), theirs.size()); ++i) {
      const bool same = i < reference.size() && i < theirs.size() && reference[i] == theirs[i];
      if (same) continue;
      const std::string& name = i < reference.size() ? reference[i].first : theirs[i].first;
      which += (which.empty() ? "" : ", ") + name;
    }
    differences += "  rank " + std::to_string(r) + " differs from rank 0 in: " + which + "\n";
  }
  if (differences.empty()) return;
  if (rank() == 0)
    std::fprintf(stderr,
                 "%s: error: the MPI ranks were not given the same run, so their results cannot be merged; "
                 "nothing was run:\n%sStart every rank with the same command, files and settings.\n",
                 tool.c_str(), differences.c_str());
  std::exit(2);  // every rank: the same decision from the same gathered descriptions
}

}  // namespace omen::rt::cluster
