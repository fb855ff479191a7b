//===- KernelKey.h - What a JIT kernel's machine code depends on -----------===//
//
// A JIT kernel is its block function only: the globals (consts, param values) are evaluated
// by the interpreter, which the engines' bit-for-bit agreement makes exact. So the machine
// code depends on the scenario's trial (slots, init, phases, reports), the functions and the
// types of the globals, and not on param values, the scenario's name or where in which file
// it was written. normalizeScenario keeps exactly that: a one-scenario module without global
// initialisers, named "kernel", whose sites are renumbered in order of use (0, 1, …). Two
// scenarios that differ only in param values (`extends` overriding a value, a file edited
// elsewhere) print the same and share one compiled kernel, in memory and on disk.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ir/Module.h"

namespace omen::llvmgen {

struct NormalizedScenario {
  std::unique_ptr<ir::Module> module;  ///< one scenario, sites local
  std::vector<uint32_t> sites;         ///< local site -> the program's site
  std::string text;                    ///< the module printed: equal texts, equal kernels
};

NormalizedScenario normalizeScenario(const ir::Module& program, const ir::Scenario& scenario);

}  // namespace omen::llvmgen
