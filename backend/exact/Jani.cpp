//===- Jani.cpp - A scenario's state graph as a JANI model ------------------===//
#include "backend/exact/Jani.h"

#include <nlohmann/json.hpp>

#include "backend/exact/Enumerate.h"
#include "backend/exact/StrategyGraph.h"

namespace omen::exact {
namespace {

using Json = nlohmann::ordered_json;
using Status = Evaluator::Status;

Json eq(uint32_t state) { return {{"op", "="}, {"left", "s"}, {"right", state}}; }

/// s ∈ states[lo, hi), as a balanced disjunction (shallow for a reader that recurses).
Json anyOf(const std::vector<uint32_t>& states, size_t lo, size_t hi) {
  if (hi - lo == 1) return eq(states[lo]);
  size_t mid = lo + (hi - lo) / 2;
  return {{"op", "∨"}, {"left", anyOf(states, lo, mid)}, {"right", anyOf(states, mid, hi)}};
}
Json anyOf(const std::vector<uint32_t>& states) { return states.empty() ? Json(false) : anyOf(states, 0, states.size()); }

Json destination(uint32_t to, double probability, const Json& rewards) {
  Json d = {{"location", "l"}, {"probability", {{"exp", probability}}}};
  Json assignments = Json::array({{{"ref", "s"}, {"value", to}}});
  for (const Json& r : rewards) assignments.push_back(r);
  d["assignments"] = assignments;
  return d;
}

class Writer {
 public:
  Writer(const ir::Module& m, const ir::Scenario& s, const Value* globals, StrategyGraph& graph, SolveError& error)
      : s_(s), ev_(m, s, globals), layout_(m, s), graph_(graph), error_(error) {}

  bool write(std::string& json) {
    TrialMemory scratch;
    if (!ev_.layoutArrays(scratch)) {
      error_.runtime = ev_.error();
      return false;
    }
    const uint32_t states = uint32_t(graph_.keys.size());
    // JANI ids: the graph's states first, then the inner nodes of each step's tree, then `lost`.
    std::vector<std::vector<uint32_t>> inner(states);
    uint32_t next = states;
    bool decides = false;
    for (uint32_t i = 0; i < states; ++i) {
      const std::vector<TreeNode>& tree = graph_.states[i].tree;
      inner[i].assign(tree.size(), 0);
      for (size_t j = 0; j < tree.size(); ++j) {
        decides |= tree[j].kind == TreeNode::Decision;
        inner[i][j] = j == 0 ? i : tree[j].kind == TreeNode::Leaf ? tree[j].target : next++;
      }
    }
    const uint32_t lost = next;
    if (!finishedValues()) return false;

    Json edges = Json::array();
    auto rewardsInto = [&](uint32_t to) {
      Json r = Json::array();
      if (to >= finished_.size() || !finished_[to]) return r;
      for (size_t k = 0; k < means_.size(); ++k)
        r.push_back({{"ref", "reward_" + std::to_string(k)}, {"value", meanValues_[k][to]}});
      return r;
    };
    auto loop = [&](uint32_t at) {
      edges.push_back({{"location", "l"}, {"guard", {{"exp", eq(at)}}}, {"destinations", Json::array({destination(at, 1.0, Json::array())})}});
    };
    for (uint32_t i = 0; i < states; ++i) {
      const std::vector<TreeNode>& tree = graph_.states[i].tree;
      if (tree.empty()) {  // finished, or left unexplored past the residual
        loop(i);
        continue;
      }
      for (size_t j = 0; j < tree.size(); ++j) {
        const TreeNode& t = tree[j];
        const uint32_t from = inner[i][j];
        if (t.kind == TreeNode::Leaf && j != 0) continue;  // a leaf is its target's state
        auto to = [&](uint32_t child) { return inner[i][child]; };
        if (t.kind == TreeNode::Leaf) {
          edges.push_back({{"location", "l"}, {"guard", {{"exp", eq(from)}}},
                           {"destinations", Json::array({destination(t.target, 1.0, rewardsInto(t.target))})}});
          continue;
        }
        if (t.kind == TreeNode::Decision) {
          for (uint32_t c : t.children)
            edges.push_back({{"location", "l"}, {"guard", {{"exp", eq(from)}}},
                             {"destinations", Json::array({destination(to(c), 1.0, rewardsInto(to(c)))})}});
          continue;
        }
        Json ds = Json::array();
        for (size_t k = 0; k < t.children.size(); ++k) {
          uint32_t c = to(t.children[k]);
          ds.push_back(destination(c, t.probability[k], rewardsInto(c)));
        }
        if (t.dropped > 0) ds.push_back(destination(lost, t.dropped, Json::array()));
        edges.push_back({{"location", "l"}, {"guard", {{"exp", eq(from)}}}, {"destinations", ds}});
      }
    }
    loop(lost);

    Json variables = Json::array();
    variables.push_back({{"name", "s"},
                         {"type", {{"kind", "bounded"}, {"base", "int"}, {"lower-bound", 0}, {"upper-bound", lost}}},
                         {"initial-value", graph_.root}});
    for (size_t k = 0; k < means_.size(); ++k)
      variables.push_back({{"name", "reward_" + std::to_string(k)}, {"type", "real"}, {"transient", true}, {"initial-value", 0.0}});

    // An expected reward is infinite unless the set is reached surely: `lost` counts as
    // reached (with no reward), so the answer is short by at most the mass left out.
    std::vector<uint32_t> finished;
    for (uint32_t i = 0; i < states; ++i)
      if (finished_[i]) finished.push_back(i);
    finished.push_back(lost);
    Json properties = Json::array();
    auto property = [&](const std::string& name, Json values) {
      properties.push_back({{"name", name},
                            {"expression", {{"op", "filter"}, {"fun", "values"}, {"values", values}, {"states", {{"op", "initial"}}}}}});
    };
    const std::vector<std::string> ops = decides ? std::vector<std::string>{"max", "min"} : std::vector<std::string>{"max"};
    for (size_t k = 0; k < probabilities_.size(); ++k)
      for (const std::string& op : ops)
        property(s_.reports[probabilities_[k]].label + (decides ? " (" + op + ")" : ""),
                 {{"op", "P" + op}, {"exp", {{"op", "U"}, {"left", true}, {"right", anyOf(goals_[k])}}}});
    for (size_t k = 0; k < means_.size(); ++k)
      for (const std::string& op : ops)
        property(s_.reports[means_[k]].label + (decides ? " (" + op + ")" : ""),
                 {{"op", "E" + op}, {"exp", "reward_" + std::to_string(k)}, {"accumulate", Json::array({"steps"})},
                  {"reach", anyOf(finished)}});

    Json model;
    model["jani-version"] = 1;
    model["name"] = s_.name;
    model["type"] = decides ? "mdp" : "dtmc";
    model["metadata"] = {{"description", "scenario " + s_.name + " as the state graph of omen's exact engine (omen emit --jani); "
                                         "state " + std::to_string(lost) + " collects the probability it left out"}};
    model["variables"] = variables;
    model["properties"] = properties;
    model["automata"] = Json::array({{{"name", "trial"},
                                      {"locations", Json::array({{{"name", "l"}}})},
                                      {"initial-locations", Json::array({"l"})},
                                      {"edges", edges}}});
    model["system"] = {{"elements", Json::array({{{"automaton", "trial"}}})}};
    json = model.dump(1) + "\n";
    return true;
  }

 private:
  // Which finished states satisfy each unconditional P report, and each E report's value there.
  bool finishedValues() {
    const int64_t done = int64_t(s_.phases.size());
    finished_.assign(graph_.keys.size(), 0);
    for (uint32_t r = 0; r < s_.reports.size(); ++r) {
      const ir::Report& report = s_.reports[r];
      uint32_t event = 0;
      if (report.given || layout_.momentOf(report, event) >= 0) continue;  // a ratio; a time not in the state
      if (report.kind == ir::ReportKind::Probability) probabilities_.push_back(r), goals_.emplace_back();
      if (report.kind == ir::ReportKind::Mean) means_.push_back(r), meanValues_.emplace_back(graph_.keys.size(), 0.0);
    }
    for (uint32_t i = 0; i < graph_.keys.size(); ++i) {
      if (graph_.keys[i].empty() || graph_.keys[i][0] != done) continue;
      finished_[i] = 1;
      Position at;
      TrialMemory state;
      layout_.decode(graph_.keys[i], at, state);
      for (size_t k = 0; k < probabilities_.size(); ++k) {
        double p = 0;
        if (!mean(*s_.reports[probabilities_[k]].value, state, p)) return false;
        if (p == 1) goals_[k].push_back(i);
      }
      for (size_t k = 0; k < means_.size(); ++k)
        if (!mean(*s_.reports[means_[k]].value, state, meanValues_[k][i])) return false;
    }
    return true;
  }

  // The mean of `e` over its draws in `state` (a bool as 0/1).
  bool mean(const ir::Expr& e, const TrialMemory& state, double& out) {
    double ignored = 0;
    Value v{};
    out = 0;
    return enumerate(
        ev_, state, 1.0, ignored, [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev_.evalExpr(e, mem, script, v); },
        [&](TrialMemory&, double p, Status st) {
          if (st == Status::Failed) {
            error_.runtime = ev_.error();
            return false;
          }
          out += p * (e.type == Type::Bool ? (v.i ? 1.0 : 0.0) : e.type == Type::Int ? double(v.i) : v.r);
          return true;
        });
  }

  const ir::Scenario& s_;
  Evaluator ev_;
  StateLayout layout_;
  StrategyGraph& graph_;
  SolveError& error_;
  std::vector<uint8_t> finished_;
  std::vector<uint32_t> probabilities_, means_;  ///< report indices
  std::vector<std::vector<uint32_t>> goals_;
  std::vector<std::vector<double>> meanValues_;
};

}  // namespace

bool exportJani(const ir::Module& m, const ir::Scenario& s, const Value* globals, const ExactOptions& options,
                std::string& json, SolveError& error) {
  StrategyGraph graph;
  ExactScenarioResult counts;
  if (!explore(m, s, globals, options, nullptr, graph, counts, error)) return false;
  Writer writer(m, s, globals, graph, error);
  return writer.write(json);
}

}  // namespace omen::exact
