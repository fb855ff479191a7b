//===- Extends.cpp - Flatten `extends` into self-contained scenarios --------===//
//
// A derived scenario starts from a copy of its base's flattened members. A derived member
// with the same (namespace, key) as a base member replaces it in the base's position, so
// order-dependent initialisation still sees its dependencies first; new members are
// appended. Every scenario of every file is flattened (bases may come from imports); each
// flattened copy is then resolved and typed on its own, so a base's formulas pick up the
// derived scenario's replacements.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <map>

#include "frontend/sema/Members.h"
#include "frontend/sema/SemaContext.h"

namespace omen::sema {

namespace {

class Flattener {
 public:
  explicit Flattener(Context& ctx) : ctx_(ctx) {}

  void run() {
    for (auto& module : ctx_.program.modules)
      for (ast::TopDeclPtr& decl : module->decls)
        if (auto* s = dyn_cast<ast::ScenarioDecl>(decl.get())) {
          // A duplicate scenario name was reported already; only the first one is checked.
          if (ctx_.scenarioDecls.at(s->name) != s) continue;
          ast::Scenario* flat = flatten(*s);
          if (!flat) continue;
          auto it = std::find_if(owned_.begin(), owned_.end(),
                                 [&](const auto& p) { return p.get() == flat; });
          ctx_.scenarios.push_back({std::move(*it), module->file});
          owned_.erase(it);
        }
  }

 private:
  /// The flattened scenario for `decl`, or null if its extends chain is broken.
  ast::Scenario* flatten(const ast::ScenarioDecl& decl) {
    if (auto it = done_.find(&decl); it != done_.end()) return it->second;
    if (std::find(visiting_.begin(), visiting_.end(), &decl) != visiting_.end()) return nullptr;
    visiting_.push_back(&decl);
    ast::Scenario* result = build(decl);
    visiting_.pop_back();
    done_[&decl] = result;
    return result;
  }

  ast::Scenario* build(const ast::ScenarioDecl& decl) {
    auto scenario = std::make_unique<ast::Scenario>();
    scenario->name = decl.name;
    scenario->decl = &decl;
    if (!decl.base.empty()) {
      const ast::Scenario* base = flattenBase(decl);
      if (!base) return nullptr;
      scenario->bases.push_back(base->name);
      scenario->bases.insert(scenario->bases.end(), base->bases.begin(), base->bases.end());
      for (const ast::MemberPtr& m : base->members) scenario->members.push_back(m->clone());
      scenario->correlations = base->correlations;
    }
    for (const ast::Correlation& c : decl.correlations) {
      auto same = std::find_if(scenario->correlations.begin(), scenario->correlations.end(), [&](const ast::Correlation& b) {
        return (b.a == c.a && b.b == c.b) || (b.a == c.b && b.b == c.a);
      });
      if (same != scenario->correlations.end()) *same = c;
      else scenario->correlations.push_back(c);
    }
    for (const ast::MemberPtr& m : decl.members) {
      auto same = std::find_if(scenario->members.begin(), scenario->members.end(),
                               [&](const ast::MemberPtr& b) {
                                 return memberSpace(*b) == memberSpace(*m) && b->key() == m->key();
                               });
      if (same != scenario->members.end()) {
        warnIfRangeDropped(decl, **same, *m);
        *same = m->clone();
      } else
        scenario->members.push_back(m->clone());
    }
    ast::Scenario* raw = scenario.get();
    owned_.push_back(std::move(scenario));
    return raw;
  }

  /// A derived param without `in [lo, hi]` replacing a ranged one loses the range (sweep,
  /// solve and --set check against it): likely an oversight, so say so (issue 22).
  void warnIfRangeDropped(const ast::ScenarioDecl& decl, const ast::Member& base, const ast::Member& derived) {
    auto* was = dyn_cast<ast::ParamDecl>(&base);
    auto* now = dyn_cast<ast::ParamDecl>(&derived);
    if (!was || !now || !was->valueRange || now->valueRange) return;
    const std::string range = "[" + was->valueRange->lo.spelling + ", " + was->valueRange->hi.spelling + "]";
    ctx_.warning(now->range, "param '" + now->name + "' of scenario '" + decl.name + "' drops the range " + range +
                                 " that its base '" + decl.base + "' declares; write `in " + range +
                                 "` again to keep it");
  }

  const ast::Scenario* flattenBase(const ast::ScenarioDecl& decl) {
    auto it = ctx_.scenarioDecls.find(decl.base);
    if (it == ctx_.scenarioDecls.end()) {
      std::vector<std::string> names;
      for (const auto& [name, d] : ctx_.scenarioDecls) names.push_back(name);
      std::sort(names.begin(), names.end());
      ctx_.error(decl.baseRange,
                 withSuggestion("unknown base scenario '" + decl.base + "'", decl.base, names));
      return nullptr;
    }
    const ast::ScenarioDecl* base = it->second;
    if (base == &decl) {
      ctx_.error(decl.baseRange, "scenario '" + decl.name + "' cannot extend itself");
      return nullptr;
    }
    if (auto cycle = std::find(visiting_.begin(), visiting_.end(), base);
        cycle != visiting_.end()) {
      std::string chain;
      for (; cycle != visiting_.end(); ++cycle) chain += (*cycle)->name + " -> ";
      ctx_.error(decl.baseRange, "scenarios extend each other in a cycle: " + chain + base->name);
      return nullptr;
    }
    return flatten(*base);
  }

  Context& ctx_;
  std::vector<const ast::ScenarioDecl*> visiting_;
  std::map<const ast::ScenarioDecl*, ast::Scenario*> done_;
  std::vector<std::unique_ptr<ast::Scenario>> owned_;
};

std::string withArticle(Type t) { return (t == Type::Int ? "an " : "a ") + std::string(typeName(t)); }

}  // namespace

void checkExtendedTypes(Context& ctx) {
  for (const CheckedScenario& cs : ctx.scenarios) {
    const ast::Scenario& s = *cs.scenario;
    if (s.bases.empty()) continue;
    auto base = std::find_if(ctx.scenarios.begin(), ctx.scenarios.end(),
                             [&](const CheckedScenario& b) { return b.scenario->name == s.bases[0]; });
    if (base == ctx.scenarios.end()) continue;
    auto check = [&](const auto& mine, const auto& theirs, const char* kind) {
      for (const ast::NamedDecl* d : mine)
        for (const ast::NamedDecl* b : theirs)
          if (d->name == b->name && d->type != b->type && d->type != Type::Unknown && b->type != Type::Unknown)
            ctx.error(d->nameRange, std::string(kind) + " '" + d->name + "' is " + withArticle(d->type) +
                                        " in scenario '" + s.name + "' but " + withArticle(b->type) + " in its base '" +
                                        s.bases[0] + "': a derived scenario may give it another value, not another type");
    };
    check(s.params, base->scenario->params, "param");
    check(s.states, base->scenario->states, "state");
  }
}

void flattenScenarios(Context& ctx) {
  Flattener(ctx).run();
  for (CheckedScenario& cs : ctx.scenarios) {
    ast::Scenario& s = *cs.scenario;
    for (ast::MemberPtr& m : s.members) {
      if (auto* p = dyn_cast<ast::ParamDecl>(m.get())) s.params.push_back(p);
      if (auto* st = dyn_cast<ast::StateDecl>(m.get())) s.states.push_back(st);
      if (auto* e = dyn_cast<ast::EventDecl>(m.get())) s.events.push_back(e);
      if (auto* ph = dyn_cast<ast::PhaseDecl>(m.get())) s.phases.push_back(ph);
      if (auto* r = dyn_cast<ast::ReportDecl>(m.get())) s.reports.push_back(r);
    }
  }
}

}  // namespace omen::sema
