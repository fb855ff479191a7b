//===- WorstFormat.h - A worst-case search as text, JSON or CSV -------------===//
#pragma once

#include <string>

#include "omen/Format.h"
#include "omen/Worst.h"

namespace omen::rt {

/// Text: the params found, the search's (biased) estimate and the fresh re-estimate with its
/// interval, next to the scenario as declared. JSON: one object. CSV: one row per searched
/// param, the estimates repeated on each.
std::string formatWorst(const WorstResult& result, OutputFormat format);

/// `worst --exact` (WorstExactFormat.cpp): the optimum, its replay, the decision tables.
std::string worstExactText(const WorstResult& r);
std::string worstExactJson(const WorstResult& r);
std::string worstExactCsv(const WorstResult& r);

}  // namespace omen::rt
