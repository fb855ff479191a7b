//===- ClosestName.h - "did you mean" for every layer ----------------------===//
#pragma once

#include <string>
#include <vector>

namespace omen {

/// The candidate closest to `name` by edit distance, or "" if none is close enough.
std::string closestName(const std::string& name, const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" for the closest candidate, or "" if none is close.
std::string didYouMean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace omen
