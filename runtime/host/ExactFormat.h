//===- ExactFormat.h - Exact answers as text, JSON or CSV -------------------===//
//
// An exact answer prints as a value with its error bound (omen/Exact.h): no standard error,
// no interval, no trial count; the footer says how many states and steps it took.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

#include "omen/Exact.h"
#include "omen/Format.h"

namespace omen::rt {

std::string formatExact(const ExactResult& result, OutputFormat format);

}  // namespace omen::rt
