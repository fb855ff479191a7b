//===- Policy.cpp - `--policy FILE`: a strategy for the scenarios that choose ===//
//
// The file is the JSON `omen worst --exact --format json` prints; its "strategy" lists each
// `choose` statement (by name and line) with rows of what it saw and what it chose. The
// rows become ir::ChoiceTable's, applied to a copy of the scenario's IR before it compiles
// (ir/ApplyPolicy.h), so every Monte Carlo engine follows the strategy.
//
//===----------------------------------------------------------------------===//
#include <cstring>
#include <nlohmann/json.hpp>

#include "api/ProgramImpl.h"
#include "backend/Pipeline.h"
#include "core/RegularFile.h"
#include "ir/ApplyPolicy.h"
#include "ir/ChoiceKey.h"

namespace omen {
namespace {

std::string where(const ir::Module& m, const ir::Stmt& c) {
  return "line " + std::to_string(m.sites[c.site].range.begin.line);
}

int64_t bitsOf(const nlohmann::json& v, Type t) {
  switch (t) {
    case Type::Bool: return v.is_boolean() ? int64_t(v.get<bool>()) : int64_t(v.get<double>() != 0);
    case Type::Int: return v.get<int64_t>();
    case Type::Real:
    case Type::Unknown: {
      double r = v.get<double>();
      int64_t bits;
      std::memcpy(&bits, &r, sizeof bits);
      return bits;
    }
  }
  return 0;
}

// The tables of scenario `s` from the policy file's JSON; "" or why not.
std::string tablesOf(const ir::Module& m, const ir::Scenario& s, const nlohmann::json& policy,
                     std::map<uint32_t, ir::ChoiceTable>& out) {
  if (!policy.is_object() || policy.value("scenario", "") != s.name)
    return "the policy is for scenario '" + (policy.is_object() ? policy.value("scenario", "?") : "?") +
           "', not '" + s.name + "'";
  const nlohmann::json& strategy = policy["strategy"];
  if (!strategy.is_array()) return "the policy has no \"strategy\" (write it with omen worst --exact --format json)";
  for (const ir::Stmt* c : ir::chooseStatements(s)) {
    const std::string name = s.slots[c->index].name;
    const uint32_t line = m.sites[c->site].range.begin.line;
    const nlohmann::json* entry = nullptr;
    for (const nlohmann::json& e : strategy)
      if (e.is_object() && e.value("name", "") == name && e.value("line", 0u) == line) entry = &e;
    if (!entry) return "the policy has no entry for `choose " + name + "` at " + where(m, *c);
    std::vector<ir::ChoiceColumn> columns = ir::choiceColumns(s, *c);
    const nlohmann::json& names = (*entry)["columns"];
    if (!names.is_array() || names.size() != columns.size())
      return "the policy's `choose " + name + "` sees other names than the scenario's (was the file changed?)";
    for (size_t k = 0; k < columns.size(); ++k)
      if (names[k] != columns[k].name)
        return "the policy's `choose " + name + "` sees '" + names[k].dump() + "' where the scenario has '" +
               columns[k].name + "' (was the file changed?)";
    ir::ChoiceTable& table = out[c->site];
    const Type type = s.slots[c->index].type;
    for (const nlohmann::json& row : (*entry)["rows"]) {
      const nlohmann::json& seen = row.at("seen");
      if (!seen.is_array() || seen.size() != columns.size()) return "a row of `choose " + name + "` is malformed";
      std::vector<int64_t> key;
      for (size_t k = 0; k < columns.size(); ++k) key.push_back(bitsOf(seen[k], columns[k].type));
      table.seen.push_back(std::move(key));
      table.choice.push_back(bitsOf(row.at("choice"), type));
    }
  }
  return "";
}

}  // namespace

std::string IrScenarioSource::usePolicy(const std::string& file) {
  std::string why, text;
  if (!readRegularFile(file, text, why)) return "cannot read the policy " + file + ": " + why;
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return "the policy " + file + " is not JSON (write it with omen worst --exact --format json)";
  policyFile_ = file;
  policyText_ = std::move(text);
  return "";
}

std::string IrScenarioSource::cannotRun(size_t index) const {
  if (exactOnly_) return "";
  if (!policyFile_.empty()) {
    std::unique_ptr<ir::Scenario> ignored;
    return withPolicy(index, ignored);
  }
  const ir::Scenario& s = program_.ir->scenarios[index];
  std::vector<const ir::Stmt*> choices = ir::chooseStatements(s);
  if (choices.empty()) return "";
  std::string names;
  for (const ir::Stmt* c : choices)
    names += (names.empty() ? "`choose " : ", `choose ") + s.slots[c->index].name + "` (" + where(*program_.ir, *c) + ")";
  return "scenario " + s.name + " leaves decisions to the modelled agent: " + names +
         ". A Monte Carlo run follows a strategy: give one with --policy FILE (written by omen worst " + program_.mainFile() +
         " --exact --maximize REPORT --format json), or solve them with omen worst --exact (docs/exact.md)";
}

std::string IrScenarioSource::withPolicy(size_t index, std::unique_ptr<ir::Scenario>& out) const {
  const ir::Scenario& s = program_.ir->scenarios[index];
  if (ir::chooseStatements(s).empty()) return "";
  std::string error;
  std::map<uint32_t, ir::ChoiceTable> tables;
  nlohmann::json policy = nlohmann::json::parse(policyText_, nullptr, false);
  try {
    error = tablesOf(*program_.ir, s, policy, tables);
  } catch (const nlohmann::json::exception& e) {
    error = std::string("malformed: ") + e.what();
  }
  auto copy = std::make_unique<ir::Scenario>(ir::copyScenario(s));
  if (error.empty()) error = ir::applyPolicy(*copy, tables);
  if (!error.empty()) return "the policy " + policyFile_ + ": " + error;
  out = std::move(copy);
  return "";
}

const ir::Scenario* IrScenarioSource::scenarioToCompile(size_t index, std::string& error) {
  const ir::Scenario& s = program_.ir->scenarios[index];
  if (policyFile_.empty() || ir::chooseStatements(s).empty()) return &s;
  policyScenarios_.resize(program_.ir->scenarios.size());
  if (!policyScenarios_[index]) {
    error = withPolicy(index, policyScenarios_[index]);
    if (!error.empty()) return nullptr;
  }
  return policyScenarios_[index].get();
}

}  // namespace omen
