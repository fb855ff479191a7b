//===- SemaRulesTest.cpp - Every rule fires, once, at the right place --------===//
//
// The lit tests under tests/lit/sema pin the rendered messages with their carets through
// `omen check`; this table pins the same rules at the library level, and that a correct
// program next to each is accepted.
//
//===----------------------------------------------------------------------===//
#include "SemaTestSupport.h"

namespace omen {
namespace {

using test::checkSource;

struct RuleCase {
  const char* name;
  const char* source;
  const char* where;    ///< "line:col" of the error
  const char* message;  ///< a substring of it
};

const RuleCase kCases[] = {
    {"assign_param", "scenario s {\n  param p = 1.0\n  phase r for 1 { p = 2.0 }\n}\n", "3:19",
     "'p' is a param; params are fixed for the trial — declare it as a state to change it"},
    {"assign_event", "scenario s {\n  event e\n  phase r for 1 { e = true }\n}\n", "3:19",
     "'e' is an event; use `trigger e`"},
    {"assign_const", "const k = 1\nscenario s {\n  phase r for 1 { k = 2 }\n}\n", "3:19",
     "'k' is a const"},
    {"assign_let", "scenario s {\n  phase r for 1 {\n    let a = 1\n    a = 2\n  }\n}\n", "4:5",
     "'a' is a let"},
    {"assign_undeclared", "scenario s {\n  state count = 0\n  phase r for 1 { cont = 2 }\n}\n",
     "3:19",
     "assignment to undeclared name 'cont'; declare it in the scenario with `state cont = ...`; "
     "did you mean 'count'?"},
    {"trigger_state", "scenario s {\n  state x = true\n  phase r for 1 { trigger x }\n}\n", "3:27",
     "'x' is a state, not an event"},
    {"trigger_unknown", "scenario s {\n  event doom\n  phase r for 1 { trigger dom }\n}\n", "3:27",
     "unknown event 'dom'; did you mean 'doom'?"},
    {"dup_member", "scenario s {\n  param p = 1\n  state p = 2\n}\n", "3:9",
     "duplicate declaration of 'p' in scenario 's' (already a param)"},
    {"dup_report", "scenario s {\n  event e\n  report P(e)\n  report P(e)\n}\n", "4:3",
     "duplicate report 'P(e)'"},
    {"member_shadows_global", "const p = 1\nscenario s {\n  param p = 2\n}\n", "3:9",
     "param 'p' reuses the name of a const"},
    {"let_shadows", "scenario s {\n  state x = 1\n  phase r for 1 { let x = 2 }\n}\n", "3:23",
     "let 'x' shadows a state of the same name"},
    {"fn_named_builtin", "fn exp(x: real) -> real = x\n", "1:4", "'exp' is a builtin function"},
    {"dup_arg", "fn f(a: real, a: real) -> real = a\n", "1:15", "duplicate argument 'a'"},
    {"draw_in_fixed_param", "scenario s {\n  param p = beta(2, 8)\n}\n", "2:13",
     "fixed param 'p' cannot draw random numbers ('beta' is a random draw); use `param p ~ ...`"},
    {"draw_in_const", "const c = normal(0, 1)\n", "1:11", "a const cannot draw random numbers"},
    {"draw_through_fn_in_const", "fn noise() -> real = normal(0, 1)\nconst c = 1 + noise()\n",
     "2:15", "'noise' draws random numbers"},
    {"fixed_uses_uncertain", "scenario s {\n  param u ~ beta(1, 1)\n  param f = u * 2\n}\n", "3:13",
     "fixed param 'f' cannot use the uncertain param 'u'"},
    {"fixed_uses_state", "scenario s {\n  state x = 1.0\n  param f = x\n}\n", "3:13",
     "fixed param 'f' cannot use the state 'x'"},
    {"fixed_uses_later", "scenario s {\n  param a = b\n  param b = 1\n}\n", "2:13",
     "param 'a' uses 'b', which is declared after it"},
    {"uncertain_not_dist", "scenario s {\n  param u ~ exp(1.0)\n}\n", "2:13",
     "needs a distribution call"},
    {"uncertain_uses_state", "scenario s {\n  state x = 1.0\n  param u ~ normal(x, 1)\n}\n", "3:20",
     "uncertain param 'u' cannot use the state 'x'"},
    {"state_uses_later_state", "scenario s {\n  state a = b\n  state b = 1\n}\n", "2:13",
     "state 'a' uses the state 'b', which is declared after it"},
    {"state_uses_event", "scenario s {\n  event e\n  state a = e\n}\n", "3:13",
     "the initial value of state 'a' cannot use the event 'e'"},
    {"time_not_event", "scenario s {\n  state x = true\n  report E(time(x) | x)\n}\n", "3:17",
     "time(...) needs an event, but 'x' is a state"},
    {"time_unguarded_report", "scenario s {\n  event e\n  report E(time(e))\n}\n", "3:12",
     "time(e) is only defined in trials where 'e' happened"},
    {"time_unguarded_phase",
     "scenario s {\n  event e\n  state x = 0\n  phase r for 1 { x = time(e) }\n}\n", "4:23",
     "guard it with `if e"},
    {"time_in_state", "scenario s {\n  event e\n  state x = time(e)\n}\n", "3:13",
     "time(...) is only meaningful inside a phase or a report"},
    {"t_in_fn", "fn f() -> int = t\n", "1:17", "'t' is only meaningful inside a phase or a report"},
    {"t_in_param", "scenario s {\n  param p = t\n}\n", "2:13", "'t' is only meaningful"},
    {"step_in_report", "scenario s {\n  report E(step)\n}\n", "2:12",
     "'step' is only meaningful inside a phase body"},
    {"end_in_fn", "fn f() -> real {\n  end\n  return 1.0\n}\n", "2:3",
     "`end` is only allowed in a phase body"},
    {"trigger_in_fn", "fn f() -> real {\n  trigger e\n  return 1.0\n}\n", "2:3",
     "a function cannot trigger events"},
    {"assign_in_fn", "fn f() -> real {\n  x = 1\n  return 1.0\n}\n", "2:3",
     "a function cannot assign 'x'"},
    {"return_in_phase", "scenario s {\n  phase r for 1 { return 1 }\n}\n", "2:19",
     "`return` outside a function"},
    {"missing_return", "fn f(b: bool) -> real {\n  if b { return 1.0 }\n}\n", "1:4",
     "function 'f' does not return a value on every path"},
    {"after_return", "fn f() -> real {\n  return 1.0\n  let x = 2\n}\n", "3:3", "never executed"},
    {"after_end", "scenario s {\n  event e\n  phase r for 1 {\n    end\n    trigger e\n  }\n}\n",
     "5:5", "never executed: it follows a `end` or `stop`"},
    {"recursion", "fn f(x: real) -> real = f(x - 1)\n", "1:25", "function 'f' calls itself"},
    {"report_draws", "scenario s {\n  report E(normal(0, 1))\n}\n", "2:12",
     "a report cannot draw random numbers"},
    {"for_real", "scenario s {\n  param n = 10.5\n  phase r for n { }\n}\n", "3:15",
     "the step count of phase 'r' must be an int, got a real; use round(...)"},
    {"limit_real", "scenario s {\n  phase r until t > 3 limit 1e6 { }\n}\n", "2:29",
     "the limit of phase 'r' must be an int, got a real"},
    {"until_not_bool", "scenario s {\n  phase r until t { }\n}\n", "2:17",
     "the `until` condition of phase 'r' must be a bool, got an int"},
    {"p_of_number", "scenario s {\n  state x = 1.0\n  report P(x)\n}\n", "3:12",
     "P(...) needs a bool condition"},
    {"e_of_bool", "scenario s {\n  event e\n  report E(e)\n}\n", "3:12",
     "E(...) of a bool; use P(...)"},
    {"given_not_bool", "scenario s {\n  event e\n  state x = 1.0\n  report P(e | x)\n}\n", "4:16",
     "the condition after '|' must be a bool"},
    {"assign_real_to_int", "scenario s {\n  state n = 0\n  phase r for 1 { n = 0.5 }\n}\n", "3:23",
     "cannot assign a real to the int state 'n'; use round(...)"},
    {"unknown_function", "scenario s {\n  param p ~ bta(2, 8)\n}\n", "2:13",
     "unknown function or distribution 'bta'; did you mean 'beta'?"},
    {"call_a_param", "scenario s {\n  param p = 1.0\n  param q = p(2)\n}\n", "3:13",
     "'p' is a param, not a function"},
    {"fn_as_value", "fn f() -> real = 1.0\nconst k = f\n", "2:11", "'f' is a function; call it"},
    {"if_stmt_cond", "scenario s {\n  state x = 1\n  phase r for 1 { if x { x = 2 } }\n}\n", "3:22",
     "the condition of `if` must be a bool, got an int"},
    {"with_prob_bool",
     "scenario s {\n  event e\n  phase r for 1 { with probability true { trigger e } }\n}\n",
     "3:36", "the probability of `with probability` must be a real, got a bool"},
};

TEST(SemaRules, EachRuleFiresOnceWhereItShould) {
  for (const RuleCase& k : kCases) {
    auto c = checkSource(k.source);
    EXPECT_FALSE(c->program) << k.name;
    std::string expected = std::string("main.omen:") + k.where + ": error: ";
    std::string errors = c->errors();
    size_t at = errors.find(expected);
    EXPECT_NE(at, std::string::npos) << k.name << ": expected an error at " << k.where << ", got:\n"
                                     << errors;
    if (at != std::string::npos)
      EXPECT_NE(errors.find(k.message, at), std::string::npos) << k.name << ":\n" << errors;
    EXPECT_EQ(c->diags.errorCount(), 1u) << k.name << ":\n" << errors;
  }
}

TEST(SemaRules, TimeIsAllowedWhereTheEventIsImplied) {
  auto c = checkSource(R"(
scenario s {
  event e
  event f
  state x = 0
  phase r for 10 {
    with probability 0.1 { trigger e }
    if e { x = time(e) }
    if f and e { x = time(e) + 1 }
    x = if e then time(e) else 0
  }
  report E(time(e) | e)
  report E(time(e) | f and e)
  report P(e and time(e) < 5)
  report quantiles(time(e) | e)
}
)");
  EXPECT_TRUE(c->program) << c->errors();
}

TEST(SemaRules, PlacementThatIsAllowed) {
  auto c = checkSource(R"(
const base = 2
const scale = base * 3
fn prior() -> real = beta(2, 8)
fn grow(x: real) -> real = x * scale
scenario s {
  param u ~ prior()
  param f = grow(base)
  param later_ok ~ normal(f2, 1)
  param f2 = 3.0
  state a = u + f
  state b = a * 2 + normal(0, 1)
  event e
  phase p1 until step >= 5 or e limit 100 {
    a = a + t
    with probability clamp(u, 0, 1) { trigger e; stop }
  }
  phase p2 for round(f) { if e { end } }
  report E(a | e)
  report E(t)
}
)");
  EXPECT_TRUE(c->program) << c->errors();
}

}  // namespace
}  // namespace omen
